/**
 * A scanned page's OCR words as searchable text: words joined in reading order (a line's words by a
 * space, lines by "\n", as pdf.js joins a page's text), each word's offsets kept, so a match found by
 * textSearch.ts maps back to the word boxes it covers and can be marked on the page.
 */
import type { OcrWordOnPage, PageRect } from '../types'
import type { TextMatch } from './textSearch'

export interface OcrTextWord {
  /** Offsets of the word in OcrText.text, end exclusive. */
  readonly start: number
  readonly end: number
  /** Points on the displayed page, origin top-left. */
  readonly pageRect: PageRect
}

export interface OcrText {
  readonly text: string
  readonly words: readonly OcrTextWord[]
}

/**
 * Words whose middles are within this share of the taller one's height are on one line: tesseract's
 * boxes hug the ink, so "was" is shorter than "Minister" on the same line.
 */
const SAME_LINE_SHARE = 0.5
/**
 * A gap wider than this many line heights ends a line: two columns side by side are two texts, not
 * one line running across the gutter.
 */
const COLUMN_GAP_LINE_HEIGHTS = 3

const middle = (r: PageRect): number => (r[1] + r[3]) / 2
const heightOf = (r: PageRect): number => r[3] - r[1]

/** Words grouped into lines, top to bottom, each line left to right and cut at column gaps. */
function readingLines(words: readonly OcrWordOnPage[]): OcrWordOnPage[][] {
  const byMiddle = [...words].sort((a, b) => middle(a.pageRect) - middle(b.pageRect))
  const rows: Array<{ middle: number; height: number; words: OcrWordOnPage[] }> = []
  for (const word of byMiddle) {
    const h = heightOf(word.pageRect)
    const row = rows.find(
      (r) => Math.abs(r.middle - middle(word.pageRect)) <= SAME_LINE_SHARE * Math.max(r.height, h)
    )
    if (row) {
      row.words.push(word)
      row.height = Math.max(row.height, h)
    } else rows.push({ middle: middle(word.pageRect), height: h, words: [word] })
  }
  rows.sort((a, b) => a.middle - b.middle)
  const lines: OcrWordOnPage[][] = []
  for (const row of rows) {
    const sorted = row.words.sort((a, b) => a.pageRect[0] - b.pageRect[0])
    let line: OcrWordOnPage[] = []
    for (const word of sorted) {
      const last = line[line.length - 1]
      if (last && word.pageRect[0] - last.pageRect[2] > COLUMN_GAP_LINE_HEIGHTS * row.height) {
        lines.push(line)
        line = []
      }
      line.push(word)
    }
    if (line.length > 0) lines.push(line)
  }
  return lines
}

export function ocrText(words: readonly OcrWordOnPage[]): OcrText {
  let text = ''
  const placed: OcrTextWord[] = []
  for (const line of readingLines(words)) {
    line.forEach((word, i) => {
      if (i > 0) text += ' '
      placed.push({ start: text.length, end: text.length + word.text.length, pageRect: word.pageRect })
      text += word.text
    })
    text += '\n'
  }
  return { text, words: placed }
}

/**
 * The boxes to mark for a match: the words it touches, one box per line they sit on (a phrase that
 * wraps is marked on both lines). Page points, top to bottom.
 */
export function matchRects(page: OcrText, match: TextMatch): PageRect[] {
  const lineBoxes: Array<[number, number, number, number]> = []
  let lineEnd = -1
  for (const word of page.words) {
    if (word.end <= match.start || word.start >= match.end) continue
    const [x0, y0, x1, y1] = word.pageRect
    const newLine = lineEnd < 0 || page.text.slice(lineEnd, word.start).includes('\n')
    const current = lineBoxes[lineBoxes.length - 1]
    if (newLine || !current) lineBoxes.push([x0, y0, x1, y1])
    else {
      current[0] = Math.min(current[0], x0)
      current[1] = Math.min(current[1], y0)
      current[2] = Math.max(current[2], x1)
      current[3] = Math.max(current[3], y1)
    }
    lineEnd = word.end
  }
  return lineBoxes
}
