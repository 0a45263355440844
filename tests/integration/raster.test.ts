// Raster box detection end to end on synthetic scans: generateScans writes skewed, noisy, blurred
// JPEG page images into a PDF; each page is rendered back through pdf.js at 100 dpi (rasterPage) and
// detected; boxes are matched to truth at IoU ≥ 0.5. Floors are set a little under what was measured
// (see the report printed with RASTER_REPORT=1) and only ever rise.
// Set RASTER_DEBUG_DIR to write every page with detections (red, markers orange) and truth (green).
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { type RasterBox, detectRasterBoxes } from '@core/raster/detectRasterBoxes'
import { openPdf } from '@node/pdfjs'
import { isImagePage, renderPageGrey } from '@node/rasterPage'
import { type ScanCorpus, generateScanCorpus } from '../fixtures/scans/generateScans'
import { type PageMatch, matchPage, summarise } from '../fixtures/scans/scoreScans'
import { drawDetections } from './rasterDebug'

const PAGES = 15
/**
 * Measured 2026-11-28 on seed 7: F1 0.992, no look-alike, 18/18 markers flagged (held-out seeds 11
 * and 23, 30 pages each: F1 0.987 and 0.993; outlined white boxes 8/11 and 12/13). 2026-11-29, with
 * white boxes touching words and dark boxes broken up by their label found: F1 1.000, 18/18 markers,
 * 2/2 white. The floors leave room for another machine's fonts and JPEG encoder; raise them, never
 * lower them.
 */
const MIN_BOX_F1 = 0.98
const MAX_LOOKALIKES_PER_PAGE = 0.1
const MIN_MARKERS_FLAGGED = 0.9
const MIN_WHITE_RECALL = 0.6

describe('raster boxes on synthetic scans', () => {
  let corpus: ScanCorpus
  const detections: RasterBox[][] = []
  const scanned: boolean[] = []

  beforeAll(async () => {
    corpus = await generateScanCorpus(PAGES, 7)
    const doc = await openPdf(corpus.pdf)
    const debugDir = process.env.RASTER_DEBUG_DIR
    if (debugDir) mkdirSync(debugDir, { recursive: true })
    for (let i = 0; i < PAGES; i++) {
      const page = await doc.getPage(i + 1)
      scanned.push(isImagePage(await page.getOperatorList(), page.view))
      const raster = await renderPageGrey(page, 100)
      const boxes = detectRasterBoxes(raster.bitmap, raster.pxPerPt)
      detections.push(boxes)
      if (debugDir) {
        const truth = corpus.pages[i]?.boxes.map((b) => b.pageRect) ?? []
        writeFileSync(resolve(debugDir, `scan-${i}.png`), await drawDetections(raster, boxes, truth))
      }
    }
    await doc.cleanup()
  }, 180_000)

  it('calls every generated page scanned', () => {
    expect(scanned).toEqual(Array.from({ length: PAGES }, () => true))
  })

  it(`finds the boxes (F1 ≥ ${MIN_BOX_F1}) and few look-alikes`, () => {
    const perPage: { match: PageMatch; truthCount: number }[] = []
    const markers = { truth: 0, found: 0, flagged: 0 }
    const whites = { truth: 0, found: 0, kindWhite: 0 }
    corpus.pages.forEach((truthPage, i) => {
      const found = detections[i] ?? []
      const match = matchPage(
        found.map((b) => b.pageRect),
        truthPage.boxes.map((b) => b.pageRect),
        truthPage.lookalikes.map((l) => l.pageRect)
      )
      perPage.push({ match, truthCount: truthPage.boxes.length })
      match.detectionToTruth.forEach((t, d) => {
        const truth = t >= 0 ? truthPage.boxes[t] : undefined
        if (truth?.marker) {
          markers.found++
          if (found[d]?.marker) markers.flagged++
        }
      })
      markers.truth += truthPage.boxes.filter((b) => b.marker).length
      whites.truth += truthPage.boxes.filter((b) => b.white).length
      match.detectionToTruth.forEach((t, d) => {
        if (t < 0 || !truthPage.boxes[t]?.white) return
        whites.found++
        if (found[d]?.kind === 'white') whites.kindWhite++
      })
    })
    const score = summarise(perPage)
    if (process.env.RASTER_REPORT) {
      console.log(JSON.stringify({ ...score, markers, whites }, null, 1))
      perPage.forEach(({ match, truthCount }, i) => {
        const tp = match.detectionToTruth.filter((t) => t >= 0).length
        console.log(
          `page ${i}: truth ${truthCount} found ${match.detectionToTruth.length} tp ${tp} look ${match.lookalikesReported}`
        )
      })
    }
    expect(score.truePositives).toBeGreaterThan(50)
    expect(score.f1).toBeGreaterThanOrEqual(MIN_BOX_F1)
    expect(score.lookalikesReported / PAGES).toBeLessThanOrEqual(MAX_LOOKALIKES_PER_PAGE)
    // Marker strokes found are mostly flagged as markers (the rest are reported as plain boxes).
    expect(markers.found).toBeGreaterThan(0)
    expect(markers.flagged / markers.found).toBeGreaterThanOrEqual(MIN_MARKERS_FLAGGED)
    // Outlined white boxes: most found, every one found reported as white.
    expect(whites.truth).toBeGreaterThan(0)
    expect(whites.found / whites.truth).toBeGreaterThanOrEqual(MIN_WHITE_RECALL)
    expect(whites.kindWhite).toBe(whites.found)
  })

  it('finds nothing on the pages that carry only look-alikes', () => {
    corpus.pages.forEach((truthPage, i) => {
      if (truthPage.boxes.length === 0) expect(detections[i]).toEqual([])
    })
  })
})

describe('isImagePage', () => {
  it('calls a born-digital page, and one with only a logo image, not scanned', async () => {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    const textPage = pdf.addPage([595, 842])
    textPage.drawText('Briefing to the Minister', { x: 72, y: 760, size: 14, font })
    const logoPage = pdf.addPage([595, 842])
    const corpus = await generateScanCorpus(1, 3)
    const scan = await PDFDocument.load(corpus.pdf)
    const [copied] = await pdf.copyPages(scan, [0])
    if (!copied) throw new Error('copy failed')
    const embedded = await pdf.embedPage(copied)
    // The scan shrunk to a 100 × 140 pt corner: an image, but nowhere near the whole page.
    logoPage.drawPage(embedded, { x: 20, y: 680, width: 100, height: 140 })
    const doc = await openPdf(await pdf.save())
    for (const pageNumber of [1, 2]) {
      const page = await doc.getPage(pageNumber)
      expect(isImagePage(await page.getOperatorList(), page.view)).toBe(false)
    }
    await doc.cleanup()
  })
})
