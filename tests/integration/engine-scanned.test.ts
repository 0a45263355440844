// The scan engine end to end on scanned pages: scanPdfBytes (the path the CLI and the app's worker
// take) must report the boxes burned into page images as `source: 'raster'` redactions, mark those
// pages scanned, and count a vector box over already-black pixels once. The raster detector's own
// accuracy floors live in raster.test.ts; this checks the wiring and the scan contract.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { PDFDocument, rgb } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ScanResult } from '@core/types'
import { scanPdfBytes } from '@node/scanPdf'
import { generateScanCorpus, type ScanCorpus } from '../fixtures/scans/generateScans'
import { matchPage, summarise } from '../fixtures/scans/scoreScans'

const PAGES = 6
const xrayScan = resolve(__dirname, '../../../shared/corpus/xray/no_bad_redactions.8.1.pdf')

describe('scanned pages through the scan engine', () => {
  let corpus: ScanCorpus
  let result: ScanResult

  beforeAll(async () => {
    corpus = await generateScanCorpus(PAGES, 7)
    result = await scanPdfBytes(corpus.pdf, 'scans.pdf', { revealLeaks: false })
  }, 180_000)

  it('marks every page scanned and reports its image boxes as raster redactions', () => {
    expect(result.pages.map((p) => p.scanned)).toEqual(Array.from({ length: PAGES }, () => true))
    const perPage = corpus.pages.map((truth, i) => {
      const found = result.pages[i]!.redactions.filter((r) => r.source === 'raster').map((r) => r.bbox)
      return {
        match: matchPage(
          found,
          truth.boxes.map((b) => b.pageRect),
          truth.lookalikes.map((l) => l.pageRect)
        ),
        truthCount: truth.boxes.length
      }
    })
    const score = summarise(perPage)
    expect(score.truePositives).toBeGreaterThan(10)
    expect(score.f1).toBeGreaterThanOrEqual(0.9)
    expect(result.summary.redactions).toBe(result.pages.reduce((n, p) => n + p.redactions.length, 0))
  })

  it('skips the raster pass when asked (dpi 0)', async () => {
    const vectorOnly = await scanPdfBytes(corpus.pdf, 'scans.pdf', { revealLeaks: false, rasterDpi: 0 })
    expect(vectorOnly.pages.flatMap((p) => p.redactions).filter((r) => r.source === 'raster')).toEqual([])
  })

  it('counts a vector box drawn over black pixels of a scan once', async () => {
    const doc = await PDFDocument.create()
    const page = doc.addPage([300, 300])
    // A "scan": a 1-bit-like grey image with a black bar, then a vector box exactly over the bar.
    const png = await doc.embedPng(barImagePng())
    page.drawImage(png, { x: 0, y: 0, width: 300, height: 300 })
    page.drawRectangle({ x: 60, y: 140, width: 180, height: 20, color: rgb(0, 0, 0) })
    const scan = await scanPdfBytes(await doc.save(), 'overlay.pdf', { revealLeaks: false })
    const boxes = scan.pages[0]!.redactions
    expect(scan.pages[0]!.scanned).toBe(true)
    expect(boxes).toHaveLength(1)
  })

  it.skipIf(!existsSync(xrayScan))(
    'finds the boxes burned into a real scanned declaration',
    async () => {
      const scan = await scanPdfBytes(new Uint8Array(readFileSync(xrayScan)), 'decl.pdf', {
        revealLeaks: false
      })
      const boxes = scan.pages[0]!.redactions
      // Counted by eye: 32 black boxes (see rasterXray.test). 22 of them are also drawn as vector
      // boxes over the image; the other 10 exist only as pixels. Each is reported once.
      expect(boxes.length).toBeGreaterThanOrEqual(30)
      expect(boxes.length).toBeLessThanOrEqual(34)
      expect(boxes.filter((r) => r.source === 'raster').length).toBeGreaterThanOrEqual(8)
      expect(scan.summary.leaks).toBe(0)
    },
    60_000
  )
})

/** A 300×300 white greyscale PNG with a black bar where the vector box will be drawn. */
function barImagePng(): Uint8Array {
  const canvas = createCanvas(300, 300)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, 300, 300)
  ctx.fillStyle = '#111'
  ctx.fillRect(60, 140, 180, 20)
  ctx.fillStyle = '#333'
  ctx.font = '12px sans-serif'
  for (let y = 40; y < 120; y += 16) ctx.fillText('Some scanned words on a line', 30, y)
  return new Uint8Array(canvas.toBuffer('image/png'))
}
