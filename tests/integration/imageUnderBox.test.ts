// Vector boxes drawn over scanned page images, end to end through scanPdfBytes: a box over words that
// are still printed in the image is an `image-under-box` leak; a box over pixels already blacked out,
// over blank paper, is not, and a vector box over a burned-in bar is one redaction, not two.
import { createCanvas } from '@napi-rs/canvas'
import { PDFDocument, rgb } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import type { PageRect, ScanResult } from '@core/types'
import { iou } from '@core/detect/geometry'
import { scanPdfBytes } from '@node/scanPdf'
import { generateVectorOverScan, type VectorOverScan } from '../fixtures/scans/vectorOverScan'

const PAGES = 3

describe('vector boxes over scanned images', () => {
  let corpus: VectorOverScan
  let result: ScanResult

  beforeAll(async () => {
    corpus = await generateVectorOverScan(PAGES, 11)
    result = await scanPdfBytes(corpus.pdf, 'police.pdf', { revealLeaks: true, ocr: false })
  }, 120_000)

  const matchOn = (pageIndex: number, rect: PageRect) =>
    result.pages[pageIndex]!.redactions.filter((r) => iou(r.bbox, rect) >= 0.5)

  it('finds every leak under a box and reports none where the pixels are blank or black', () => {
    let truthLeaks = 0
    let foundLeaks = 0
    const falseLeaks: string[] = []
    corpus.pages.forEach((page, p) => {
      for (const box of page.vectorBoxes) {
        const found = matchOn(p, box.pageRect)
        expect(found, `page ${p} ${box.over} ${box.pageRect.join(',')}`).toHaveLength(1)
        const leak = found[0]!.leak
        if (box.leak) {
          truthLeaks++
          if (leak?.kind === 'image-under-box') foundLeaks++
        } else if (leak) falseLeaks.push(`page ${p} ${box.over}`)
      }
    })
    expect(truthLeaks).toBeGreaterThanOrEqual(10)
    expect(foundLeaks / truthLeaks).toBe(1)
    expect(falseLeaks).toEqual([])
    expect(result.summary.leaks).toBe(truthLeaks)
  })

  it('describes an image leak by marks and a pixel hash, never by text', () => {
    const leaks = result.pages.flatMap((p) => p.redactions).filter((r) => r.leak?.kind === 'image-under-box')
    for (const r of leaks) {
      expect(r.leak!.chars).toBeGreaterThanOrEqual(2)
      expect(r.leak!.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(r.leakedText).toBeNull()
    }
    expect(new Set(leaks.map((r) => r.leak!.sha256)).size).toBe(leaks.length)
  })

  it('still finds the bars burned into the pixels with no box over them, once each', () => {
    corpus.pages.forEach((page, p) => {
      for (const bar of page.burnedOnly) {
        const found = matchOn(p, bar)
        expect(found.map((r) => r.source)).toEqual(['raster'])
      }
    })
  })
})

/** A one-page PDF: white page background, a scan of a few text lines, then `boxes` in black on top. */
async function pageOverScan(boxes: readonly PageRect[]): Promise<Uint8Array> {
  const canvas = createCanvas(600, 600)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, 600, 600)
  ctx.fillStyle = '#111'
  ctx.font = '22px DejaVu Serif'
  for (let y = 80; y < 560; y += 40) ctx.fillText('the officer attended the address', 40, y)
  const doc = await PDFDocument.create()
  const page = doc.addPage([300, 300])
  page.drawRectangle({ x: 0, y: 0, width: 300, height: 300, color: rgb(1, 1, 1) })
  page.drawImage(await doc.embedPng(canvas.toBuffer('image/png')), { x: 0, y: 0, width: 300, height: 300 })
  for (const [x0, y0, x1, y1] of boxes)
    page.drawRectangle({ x: x0, y: 300 - y1, width: x1 - x0, height: y1 - y0, color: rgb(0, 0, 0) })
  return doc.save()
}

describe('a page blacked out by one vector box over its scan', () => {
  it('is withheld in full, and a leak when the scan under it still shows the text', async () => {
    const scan = await scanPdfBytes(await pageOverScan([[0, 0, 300, 300]]), 'full.pdf', {
      revealLeaks: false,
      ocr: false
    })
    const page = scan.pages[0]!
    expect(page.withheldInFull).toBe(true)
    expect(page.redactions[0]?.leak?.kind).toBe('image-under-box')
  })

  it('is no leak where the box covers only the blank margin', async () => {
    const scan = await scanPdfBytes(await pageOverScan([[0, 282, 300, 300]]), 'margin.pdf', {
      revealLeaks: false,
      ocr: false
    })
    expect(scan.pages[0]!.redactions.filter((r) => r.leak)).toEqual([])
  })
})
