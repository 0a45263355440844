/**
 * A document's visible words as one stream in reading order (page, line, left to right), the
 * sequence both releases are aligned on. Words under a redaction box are left out (they are the
 * withheld text, or a label printed on the box), and so are ground labels beside boxes (`s9(2)(a)`,
 * `(b)(6)`): they come and go with the boxes and would pair unrelated places if aligned.
 */
import type { PageRect } from '../types'
import type { CompareBox, CompareDocument, ComparePage, CompareWord } from './types'

export interface StreamWord {
  /** Lower case letters and digits only: what is compared. */
  readonly token: string
  /** As printed or read, for revealed text. */
  readonly text: string
  readonly pageIndex: number
  readonly pageRect: PageRect
}

export interface ReadingStream {
  readonly words: readonly StreamWord[]
  /** pageStart[p] is the stream index of page p's first word; pageStart[pageCount] = words.length. */
  readonly pageStart: readonly number[]
  /** Per page: the vertical tolerance (points) within which two words share a line. */
  readonly lineTolerancePt: readonly number[]
}

/** When a page has no words to measure, the line tolerance for a 10–12 pt body text. */
const DEFAULT_LINE_TOLERANCE_PT = 5

export function tokenOf(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/** `s9(2)(a)`, `9(2)(g)(i)`, `[s 6(c)]`, `(b)(7)(C)`: a ground as printed on or beside a box. */
export function isGroundLabel(text: string): boolean {
  const t = text.trim()
  return /^[[(]?(s|s\.|sec\.?|section)?\s?\d+[A-Z]?(\(\w{1,4}\))+/i.test(t) || /^\(b\)\(\d\)/i.test(t)
}

const centreX = (r: PageRect): number => (r[0] + r[2]) / 2
const centreY = (r: PageRect): number => (r[1] + r[3]) / 2

function insideAnyBox(word: CompareWord, boxes: readonly CompareBox[]): boolean {
  const x = centreX(word.pageRect)
  const y = centreY(word.pageRect)
  return boxes.some(
    (b) => x >= b.bbox[0] - 1 && x <= b.bbox[2] + 1 && y >= b.bbox[1] - 1 && y <= b.bbox[3] + 1
  )
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  values.sort((p, q) => p - q)
  return values[values.length >> 1]!
}

/** Half the median word height: words whose centres are closer than this share a line. */
function lineTolerance(words: readonly CompareWord[]): number {
  const height = median(words.map((w) => w.pageRect[3] - w.pageRect[1]).filter((h) => h > 0))
  return height === null ? DEFAULT_LINE_TOLERANCE_PT : height / 2
}

/** The page's words in reading order: grouped into lines top to bottom, each line left to right. */
function readingOrder(words: readonly CompareWord[], tolerancePt: number): CompareWord[] {
  const byTop = [...words].sort((p, q) => centreY(p.pageRect) - centreY(q.pageRect))
  const lines: CompareWord[][] = []
  let lineY = -Infinity
  for (const word of byTop) {
    const y = centreY(word.pageRect)
    if (lines.length === 0 || y - lineY > tolerancePt) {
      lines.push([word])
      lineY = y
    } else lines[lines.length - 1]!.push(word)
  }
  return lines.flatMap((line) => line.sort((p, q) => p.pageRect[0] - q.pageRect[0]))
}

function pageWords(page: ComparePage): CompareWord[] {
  return page.words.filter(
    (w) =>
      tokenOf(w.text) !== '' &&
      !isGroundLabel(w.text) &&
      !insideAnyBox(
        w,
        page.boxes.filter((b) => b.sure)
      )
  )
}

export function buildStream(doc: CompareDocument): ReadingStream {
  const words: StreamWord[] = []
  const pageStart: number[] = []
  const lineTolerancePt: number[] = []
  for (const page of doc.pages) {
    pageStart.push(words.length)
    const visible = pageWords(page)
    const tolerance = lineTolerance(visible)
    lineTolerancePt.push(tolerance)
    for (const word of page.wordsInReadingOrder ? visible : readingOrder(visible, tolerance)) {
      words.push({
        token: tokenOf(word.text),
        text: word.text,
        pageIndex: page.index,
        pageRect: word.pageRect
      })
    }
  }
  pageStart.push(words.length)
  return { words, pageStart, lineTolerancePt }
}

/** True when the word shares the box's first line: most of the word's height overlaps that band. */
function onFirstLine(word: PageRect, bbox: PageRect, tolerancePt: number): boolean {
  const bandTop = bbox[1]
  const bandBottom = Math.min(bbox[3], bbox[1] + 4 * tolerancePt)
  const overlap = Math.min(word[3], bandBottom) - Math.max(word[1], bandTop)
  return overlap >= 0.5 * Math.min(word[3] - word[1], bandBottom - bandTop)
}

/**
 * Where a box sits in the stream: the index of the first word after it. Where the box's first line
 * has words, it comes right after the nearest word left of it on that line (or right before the
 * nearest one right of it): a skewed scan's lines slope, so heights alone would misplace it. A box
 * alone on its lines comes after the words of the lines above it.
 */
export function gapIndex(stream: ReadingStream, pageIndex: number, bbox: PageRect): number {
  const start = stream.pageStart[pageIndex] ?? stream.words.length
  const end = stream.pageStart[pageIndex + 1] ?? stream.words.length
  const tolerance = stream.lineTolerancePt[pageIndex] ?? DEFAULT_LINE_TOLERANCE_PT
  let left = -1
  let right = -1
  for (let i = start; i < end; i++) {
    const word = stream.words[i]!.pageRect
    if (!onFirstLine(word, bbox, tolerance)) continue
    if (centreX(word) < bbox[0]) {
      if (left < 0 || word[2] > stream.words[left]!.pageRect[2]) left = i
    } else if (right < 0 || word[0] < stream.words[right]!.pageRect[0]) right = i
  }
  if (left >= 0) return left + 1
  if (right >= 0) return right
  // Counted rather than walked to the first word after: a word a line grouping put out of order
  // moves the gap by one word, not to the end of the page.
  const firstLineY = Math.min(centreY(bbox), bbox[1] + tolerance)
  let index = start
  for (let i = start; i < end; i++) {
    const word = stream.words[i]!.pageRect
    const y = centreY(word)
    if (y < firstLineY - tolerance || (y <= firstLineY + tolerance && centreX(word) < bbox[0])) index++
  }
  return index
}
