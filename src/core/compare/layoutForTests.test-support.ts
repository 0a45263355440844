/**
 * Tests only: lays text out into pages of words with fixed-width glyphs, the way a release is typeset,
 * so tests can reflow the same papers (other width, other font size) and redact words of it.
 * `[[words|grounds]]` in a paragraph is withheld: a box where the words would be, no words.
 */
import type { PageRect } from '../types'
import type { CompareBox, CompareDocument, ComparePage, CompareWord } from './types'

export interface TypesetOptions {
  readonly fontSizePt?: number
  readonly marginPt?: number
  readonly pageWidthPt?: number
  readonly pageHeightPt?: number
  /** Whole pages withheld: these paragraph indexes become one page each, withheld in full. */
  readonly withheldPages?: ReadonlyMap<number, readonly string[]>
  /** These paragraph indexes are printed on a page of their own (a released annex page). */
  readonly ownPages?: ReadonlySet<number>
}

export function typeset(paragraphs: readonly string[], options: TypesetOptions = {}): CompareDocument {
  const size = options.fontSizePt ?? 11
  const margin = options.marginPt ?? 72
  const width = options.pageWidthPt ?? 595
  const height = options.pageHeightPt ?? 842
  const charW = size * 0.5
  const lineH = size * 1.4
  const pages: ComparePage[] = []
  let words: CompareWord[] = []
  let boxes: CompareBox[] = []
  let x = margin
  let y = margin
  const newPage = (withheld = false): void => {
    pages.push({
      index: pages.length,
      width,
      height,
      withheldInFull: withheld,
      words,
      wordsInReadingOrder: false,
      boxes
    })
    words = []
    boxes = []
    x = margin
    y = margin
  }
  const place = (text: string): PageRect => {
    const w = text.length * charW
    if (x + w > width - margin) {
      x = margin
      y += lineH
    }
    if (y + lineH > height - margin) {
      newPage()
    }
    const rect: PageRect = [x, y, x + w, y + size]
    x += w + charW
    return rect
  }
  paragraphs.forEach((paragraph, k) => {
    const withheld = options.withheldPages?.get(k)
    if (withheld) {
      if (words.length > 0 || boxes.length > 0) newPage()
      boxes.push({ bbox: [0, 0, width, height], grounds: withheld, wholePage: true, sure: true })
      newPage(true)
      return
    }
    const own = options.ownPages?.has(k) ?? false
    if (own && (words.length > 0 || boxes.length > 0)) newPage()
    for (const part of paragraph.split(/(\[\[[^\]]*\]\])/)) {
      const hidden = /^\[\[([^|\]]*)\|?([^\]]*)\]\]$/.exec(part)
      if (hidden) {
        // One box per line the hidden words take.
        let current: [number, number, number, number] | null = null
        for (const word of hidden[1]!.split(/\s+/).filter(Boolean)) {
          const r = place(word)
          if (current && current[1] === r[1]) current[2] = r[2]
          else {
            if (current)
              boxes.push({ bbox: current, grounds: grounds(hidden[2]!), wholePage: false, sure: true })
            current = [r[0], r[1], r[2], r[3]]
          }
        }
        if (current) boxes.push({ bbox: current, grounds: grounds(hidden[2]!), wholePage: false, sure: true })
        continue
      }
      for (const word of part.split(/\s+/).filter(Boolean)) words.push({ text: word, pageRect: place(word) })
    }
    x = margin
    y += lineH * 2
    if (own) newPage()
  })
  if (words.length > 0 || boxes.length > 0) newPage()
  return { file: 'test.pdf', sha256: '0', pages }
}

const grounds = (text: string): string[] =>
  text
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean)
