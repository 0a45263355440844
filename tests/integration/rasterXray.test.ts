// Raster box detection on a real scanned release: x-ray's no_bad_redactions.8.1.pdf, a 300 dpi 1-bit
// scan of a declaration (page /Rotate 180) with names and dates blacked out. Counted by eye from
// `pdftoppm -r 60`: 32 boxes (5 in the title, 4 + 4 + 4 name parts touching bold initials, 18 word or
// date boxes in the body, one signature block).
// Set RASTER_DEBUG_DIR to write the page with the detections drawn on it, for checking by eye.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectRasterBoxes } from '@core/raster/detectRasterBoxes'
import { openPdf } from '@node/pdfjs'
import { isImagePage, renderPageGrey } from '@node/rasterPage'
import { drawDetections } from './rasterDebug'

const repoRoot = resolve(__dirname, '..', '..')
const file = resolve(repoRoot, '..', 'shared', 'corpus', 'xray', 'no_bad_redactions.8.1.pdf')
const BOXES_BY_EYE = 32

describe.skipIf(!existsSync(file))('raster boxes on a real scan (x-ray no_bad_redactions.8.1)', () => {
  it('finds the burned-in boxes and calls the page scanned', async () => {
    const doc = await openPdf(new Uint8Array(readFileSync(file)))
    const page = await doc.getPage(1)
    expect(isImagePage(await page.getOperatorList(), page.view)).toBe(true)
    const raster = await renderPageGrey(page, 100)
    const boxes = detectRasterBoxes(raster.bitmap, raster.pxPerPt)
    const debugDir = process.env.RASTER_DEBUG_DIR
    if (debugDir) {
      mkdirSync(debugDir, { recursive: true })
      writeFileSync(resolve(debugDir, 'xray-8.1.png'), await drawDetections(raster, boxes, []))
    }
    expect(boxes.length).toBeGreaterThanOrEqual(BOXES_BY_EYE - 2)
    expect(boxes.length).toBeLessThanOrEqual(BOXES_BY_EYE + 2)
    for (const box of boxes) {
      expect(box.kind).toBe('black')
      const [x0, y0, x1, y1] = box.pageRect
      expect(x0).toBeGreaterThanOrEqual(0)
      expect(y0).toBeGreaterThanOrEqual(0)
      expect(x1).toBeLessThanOrEqual(raster.widthPt + 0.01)
      expect(y1).toBeLessThanOrEqual(raster.heightPt + 0.01)
    }
    await doc.cleanup()
  })
})
