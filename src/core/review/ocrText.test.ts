import { describe, expect, it } from 'vitest'
import type { OcrWordOnPage, PageRect } from '../types'
import { matchRects, ocrText } from './ocrText'
import { findMatches } from './textSearch'

const word = (text: string, pageRect: PageRect): OcrWordOnPage => ({ text, pageRect, confidence: 90 })

// Two lines, words given out of order as a sparse-text OCR pass returns them; "was" hugs its ink
// (shorter box) yet belongs to its line.
const WORDS = [
  word('programme', [160, 122, 220, 134]),
  word('The', [72, 100, 92, 112]),
  word('recovery', [150, 100, 200, 112]),
  word('takahe', [96, 100, 146, 112]),
  word('was', [140, 125, 156, 133]),
  word('funded.', [72, 122, 118, 136]),
  word('It', [122, 122, 134, 134])
]

describe('ocrText', () => {
  it('joins words in reading order, a space within a line and a line break after it', () => {
    expect(ocrText(WORDS).text).toBe('The takahe recovery\nfunded. It was programme\n')
  })

  it('keeps each word’s offsets and box', () => {
    const page = ocrText(WORDS)
    for (const w of page.words) {
      const source = WORDS.find((s) => s.pageRect === w.pageRect)!
      expect(page.text.slice(w.start, w.end)).toBe(source.text)
    }
  })

  it('two columns side by side stay two texts', () => {
    const columns = [word('left', [72, 100, 100, 112]), word('right', [320, 100, 360, 112])]
    expect(ocrText(columns).text).toBe('left\nright\n')
  })

  it('an empty page is empty text', () => {
    expect(ocrText([])).toEqual({ text: '', words: [] })
  })
})

describe('matchRects', () => {
  const page = ocrText(WORDS)

  it('marks the box of a word found', () => {
    const [hit] = findMatches(page.text, 'TAKAHE')
    expect(matchRects(page, hit!)).toEqual([[96, 100, 146, 112]])
  })

  it('marks a phrase within a line as one box round its words', () => {
    const [hit] = findMatches(page.text, 'takahe recovery')
    expect(matchRects(page, hit!)).toEqual([[96, 100, 200, 112]])
  })

  it('marks a phrase that wraps on each of its lines', () => {
    const [hit] = findMatches(page.text, 'recovery funded')
    expect(matchRects(page, hit!)).toEqual([
      [150, 100, 200, 112],
      [72, 122, 118, 136]
    ])
  })

  it('marks the whole word for a match inside it', () => {
    const [hit] = findMatches(page.text, 'kah')
    expect(matchRects(page, hit!)).toEqual([[96, 100, 146, 112]])
  })
})
