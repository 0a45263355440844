/**
 * Showing a search hit on the page: the words are marked in the page's pdf.js text layer with the
 * CSS Custom Highlight API (a Range over the text layer's own text nodes, no DOM written into
 * pdf.js's spans, so its layer can re-render freely), scrolled into view and flashed once. A scanned
 * page has no text layer: its hit is marked from the OCR words' boxes, drawn in the same colour above
 * the canvas and below the redaction overlay, placed in shares of the page so any zoom keeps them on
 * the words.
 */
import { findMatches } from '@core/review/textSearch'
import type { PageRect } from '@core/types'

export const SEARCH_HIGHLIGHT = 'withheld-search'

interface NodeSpan {
  readonly node: Text
  /** Offset of the node's first character in the joined text. */
  readonly start: number
}

/**
 * The layer's text nodes joined, with `separator` between nodes. pdf.js gives one span per text
 * run: words split mid-run join with '' and lines join with '\n', so both are tried.
 */
function joinNodes(container: HTMLElement, separator: string): { text: string; spans: NodeSpan[] } {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
  const spans: NodeSpan[] = []
  let text = ''
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (spans.length > 0) text += separator
    spans.push({ node: node as Text, start: text.length })
    text += node.textContent ?? ''
  }
  return { text, spans }
}

function pointAt(spans: readonly NodeSpan[], offset: number, isEnd: boolean): [Text, number] | null {
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i]!
    const length = span.node.length
    // An end offset that falls on a separator belongs to the end of the node before it.
    if (offset > span.start || (offset === span.start && !isEnd)) {
      return [span.node, Math.min(length, offset - span.start)]
    }
  }
  return null
}

/**
 * A Range over the `occurrence`-th (0-based) match of `query` in the text layer, or null. Falls
 * back to the last match when the layer splits the words differently from the extracted text.
 */
export function findInTextLayer(container: HTMLElement, query: string, occurrence = 0): Range | null {
  for (const separator of ['', '\n']) {
    const { text, spans } = joinNodes(container, separator)
    const matches = findMatches(text, query, occurrence + 1)
    const hit = matches[Math.min(occurrence, matches.length - 1)]
    if (!hit) continue
    const from = pointAt(spans, hit.start, false)
    const to = pointAt(spans, hit.end, true)
    if (!from || !to) continue
    const range = document.createRange()
    range.setStart(from[0], from[1])
    range.setEnd(to[0], to[1])
    return range
  }
  return null
}

/** Boxes to mark on one page: points on the displayed page, origin top-left, and the page's size. */
export interface PageMarks {
  readonly rectsPt: readonly PageRect[]
  readonly pageWidthPt: number
  readonly pageHeightPt: number
}

const SEARCH_MARK_CLASS = 'search-mark'
/** Room round the words, points: tesseract's boxes hug the ink, a mark should not. */
const MARK_PAD_PT = 1.5

export function clearSearchHighlight(): void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(SEARCH_HIGHLIGHT)
  if (typeof document !== 'undefined') {
    for (const mark of document.querySelectorAll(`.${SEARCH_MARK_CLASS}`)) mark.remove()
  }
}

/** The mark's place in shares of the page, as CSS percentages (zoom changes nothing). */
export function markStyle(rectPt: PageRect, marks: Pick<PageMarks, 'pageWidthPt' | 'pageHeightPt'>) {
  const { pageWidthPt: w, pageHeightPt: h } = marks
  const x0 = Math.max(0, rectPt[0] - MARK_PAD_PT)
  const y0 = Math.max(0, rectPt[1] - MARK_PAD_PT)
  const x1 = Math.min(w, rectPt[2] + MARK_PAD_PT)
  const y1 = Math.min(h, rectPt[3] + MARK_PAD_PT)
  const pct = (v: number, of: number): string => `${((100 * v) / of).toFixed(3)}%`
  return { left: pct(x0, w), top: pct(y0, h), width: pct(x1 - x0, w), height: pct(y1 - y0, h) }
}

/** Marks the boxes on the page element, scrolls the first into view and flashes it; false if none. */
export function showPageMarks(page: HTMLElement, marks: PageMarks): boolean {
  if (marks.rectsPt.length === 0 || !(marks.pageWidthPt > 0) || !(marks.pageHeightPt > 0)) return false
  for (const old of document.querySelectorAll(`.${SEARCH_MARK_CLASS}`)) old.remove()
  const drawn = marks.rectsPt.map((rect) => {
    const mark = document.createElement('div')
    mark.className = SEARCH_MARK_CLASS
    mark.dataset['testid'] = 'search-mark'
    Object.assign(mark.style, markStyle(rect, marks))
    page.append(mark)
    return mark
  })
  drawn[0]!.scrollIntoView({ block: 'center', inline: 'nearest' })
  flash(page, drawn[0]!.getBoundingClientRect())
  return true
}

/** A flash over the words: the highlight alone is easy to miss on a dense page. */
function flash(page: HTMLElement, box: DOMRect): void {
  if (box.width <= 0) return
  const pageBox = page.getBoundingClientRect()
  const element = document.createElement('div')
  element.className = 'search-flash'
  Object.assign(element.style, {
    left: `${box.left - pageBox.left - 3}px`,
    top: `${box.top - pageBox.top - 3}px`,
    width: `${box.width + 6}px`,
    height: `${box.height + 6}px`
  })
  page.append(element)
  element
    .animate([{ opacity: 1 }, { opacity: 0 }], { duration: 900, easing: 'ease-out' })
    .finished.finally(() => element.remove())
    .catch(() => {})
}

/** Marks, scrolls to and flashes the hit; false when the words are not in this layer. */
export function showHit(container: HTMLElement, query: string, occurrence = 0): boolean {
  const range = findInTextLayer(container, query, occurrence)
  if (!range) return false
  if ('highlights' in CSS) CSS.highlights.set(SEARCH_HIGHLIGHT, new Highlight(range))
  const element = range.startContainer.parentElement
  element?.scrollIntoView({ block: 'center', inline: 'nearest' })
  const page = container.closest<HTMLElement>('.viewer-page')
  if (page) flash(page, range.getBoundingClientRect())
  return true
}
