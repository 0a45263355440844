// Vector boxes drawn over scanned page images, end to end through scanPdfBytes: a box over words that
// are still printed in the image is an `image-under-box` leak; a box over pixels already blacked out,
// over blank paper, is not, and a vector box over a burned-in bar is one redaction, not two.
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
