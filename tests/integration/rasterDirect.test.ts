// The fast path to a scanned page's grey bitmap (decoded images averaged straight into it,
// src/core/scan/imagePageRaster.ts) against pdf.js painting the page on a canvas: the same picture
// within a few grey levels, and the same boxes found in it.
import { beforeAll, describe, expect, it } from 'vitest'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import type { Matrix } from '@core/types'
import { iou } from '@core/detect/geometry'
import { walkOperatorList } from '@core/pdf/walkOperatorList'
import { detectRasterBoxes } from '@core/raster/detectRasterBoxes'
import { pageLayers, pdfjsImageLookup } from '@core/scan/imageLeaks'
import { rasterFromImages } from '@core/scan/imagePageRaster'
import { openPdf } from '@node/pdfjs'
import { renderPageGrey } from '@node/rasterPage'
import { generateScanCorpus } from '../fixtures/scans/generateScans'

const PX_PER_PT = 100 / 72

describe('scan images straight to grey, against pdf.js painting them', () => {
  let pdf: PDFDocumentProxy

  beforeAll(async () => {
    // Pages 0–2: 150, 200 and 300 dpi scans.
    pdf = await openPdf((await generateScanCorpus(3, 21)).pdf)
  }, 60_000)

  it.each([1, 2, 3])('page %i: same pixels within a few levels, same boxes', async (pageNumber) => {
    const page = await pdf.getPage(pageNumber)
    const list = await page.getOperatorList()
    const viewport = page.getViewport({ scale: 1 })
    const content = walkOperatorList(
      list,
      viewport.transform as unknown as Matrix,
      { width: viewport.width, height: viewport.height },
      () => null
    )
    const layers = await pageLayers(content, pdfjsImageLookup(page, list), list)
    expect(layers).toBeDefined()
    const direct = rasterFromImages(layers!, viewport.width, viewport.height, PX_PER_PT)!
    const rendered = (await renderPageGrey(page, 100)).bitmap
    expect([direct.width, direct.height]).toEqual([rendered.width, rendered.height])
    let diff = 0
    for (let k = 0; k < direct.data.length; k++) diff += Math.abs(direct.data[k]! - rendered.data[k]!)
    expect(diff / direct.data.length).toBeLessThan(4)

    const fast = detectRasterBoxes(direct, PX_PER_PT).map((b) => b.pageRect)
    const slow = detectRasterBoxes(rendered, PX_PER_PT).map((b) => b.pageRect)
    expect(slow.length).toBeGreaterThan(0)
    const matched = slow.filter((s) => fast.some((f) => iou(f, s) >= 0.7)).length
    expect(matched / slow.length).toBeGreaterThanOrEqual(0.9)
    expect(Math.abs(fast.length - slow.length)).toBeLessThanOrEqual(1)
    page.cleanup()
  })
})
