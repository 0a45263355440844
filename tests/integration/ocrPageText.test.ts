// Search on scanned pages (issue 10 point 8), engine side, with the real tesseract.js: asked for page
// text, the scan keeps the words OCR read on an image-only page with their boxes (page points, top-left
// origin), never a word under a box while leaks are hidden, and keeps none when not asked (the CLI).
import { beforeAll, describe, expect, it } from 'vitest'
import type { ScanResult } from '@core/types'
import { intersectionArea } from '@core/detect/geometry'
import { scanPdfBytes } from '@node/scanPdf'
import {
  NAME_UNDER_BOX,
  NAME_UNDER_MARK,
  SCANNED_RARE_WORD,
  scannedSearchPdf,
  type ScannedSearchPdf
} from '../e2e/scannedSearch.fixtures'

let fixture: ScannedSearchPdf
let withText: ScanResult

beforeAll(async () => {
  fixture = await scannedSearchPdf()
  const started = performance.now()
  withText = await scanPdfBytes(fixture.pdf, 'scanned.pdf', { revealLeaks: false, pageText: true })
  console.info(`scanned page with page text: ${Math.round(performance.now() - started)} ms`)
}, 120_000)

describe('OCR page text', () => {
  it('keeps the words printed on an image-only page, with their boxes', () => {
    const [page] = withText.pages
    expect(page?.scanned).toBe(true)
    const words = page?.ocrWords ?? []
    const rare = words.find((w) => w.text.toLowerCase().includes(SCANNED_RARE_WORD))
    expect(rare, words.map((w) => w.text).join(' ')).toBeDefined()
    // The box lies on the printed line, in page points.
    expect(intersectionArea(rare!.pageRect, fixture.rareWordLine)).toBeGreaterThan(0)
    expect(rare!.pageRect[3] - rare!.pageRect[1]).toBeGreaterThan(6)
    expect(rare!.pageRect[3] - rare!.pageRect[1]).toBeLessThan(30)
    expect(words.length).toBeGreaterThan(20)
  })

  it('keeps no word under a box while leaks are hidden', () => {
    const [page] = withText.pages
    const words = page?.ocrWords ?? []
    const text = words.map((w) => w.text).join(' ')
    expect(text).not.toContain(NAME_UNDER_BOX)
    expect(text).not.toContain(NAME_UNDER_MARK)
    expect(text).toContain('caller')
    for (const r of page?.redactions ?? []) {
      for (const w of words) expect(intersectionArea(w.pageRect, r.bbox), w.text).toBeLessThan(1)
    }
  })

  it('keeps the words under an unapplied mark only when leaks are revealed', async () => {
    // The pixels under an unapplied /Redact mark still print the name, so OCR reads it: only the
    // privacy rule keeps it from search.
    const revealed = await scanPdfBytes(fixture.pdf, 'scanned.pdf', { revealLeaks: true, pageText: true })
    expect((revealed.pages[0]?.ocrWords ?? []).map((w) => w.text)).toContain(NAME_UNDER_MARK)
  }, 120_000)

  it('reads no page text unless asked', async () => {
    const plain = await scanPdfBytes(fixture.pdf, 'scanned.pdf', { revealLeaks: false })
    expect(plain.pages[0]).not.toHaveProperty('ocrWords')
    expect(JSON.stringify(plain)).not.toContain(SCANNED_RARE_WORD)
  }, 120_000)
})
