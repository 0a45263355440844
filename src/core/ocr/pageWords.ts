/**
 * The words printed on a scanned page, kept for search: a scanned page without a text layer of its
 * own has nothing pdf.js can extract, so the only way to find a word printed on it is to read the
 * whole page with OCR once, at analysis, and keep each word with its box (points on the displayed
 * page, origin top-left: the scan contract's bbox space).
 *
 * The privacy rule (security.md; issue 10 point 2) holds here too: a word lying under a redaction box
 * is withheld text, never kept for search unless the user asked to reveal leaks. On a scan the ink
 * under a burned-in box is gone, but a box drawn over the scan can be left out of the OCR render
 * (imagePageRaster.ts paints the page's images straight from their pixels), so OCR may read what it
 * covers; and a later pass may add a box over words already read.
 */
import type { OcrWordOnPage, PageRect, ScanPage, ScanRedaction } from '../types'
import { intersectionArea, area, roundRect } from '../detect/geometry'
import type { OcrEngine, OcrRaster } from './ocrEngine'

/**
 * Below this confidence (0–100) a word is speckle, a stamp's ring or a box edge ("|", "—", "OU");
 * clear body text reads at 85–96 and a faint or skewed word at 40–70, which search still wants.
 */
export const SEARCH_MIN_WORD_CONFIDENCE = 35
/**
 * A word with this share of its area under a box counts as hidden: 10%, not half, because a word
 * partly under a box is partly what was withheld, and its visible part alone still tells it.
 */
export const HIDDEN_MIN_SHARE = 0.1

/** A word search can use: read surely enough, holding at least one letter or digit. */
const isSearchable = (text: string, confidence: number): boolean =>
  confidence >= SEARCH_MIN_WORD_CONFIDENCE && /[\p{L}\p{N}]/u.test(text)

/** Every word on the page, read from the whole OCR render, in page points. */
export async function readPageWords(engine: OcrEngine, raster: OcrRaster): Promise<OcrWordOnPage[]> {
  const { bitmap, pxPerPt } = raster
  const found = await engine.recognise(bitmap, [0, 0, bitmap.width, bitmap.height])
  const words: OcrWordOnPage[] = []
  for (const word of found) {
    const text = word.text.trim()
    if (!isSearchable(text, word.confidence)) continue
    const [x0, y0, x1, y1] = word.rectPx
    words.push({
      text,
      pageRect: roundRect([x0 / pxPerPt, y0 / pxPerPt, x1 / pxPerPt, y1 / pxPerPt]),
      confidence: Math.round(word.confidence)
    })
  }
  return words
}

/**
 * Does this redaction hide what lies under it? A placeholder page (source `page`: no box drawn, the
 * page says it is withheld) hides nothing: its words are the visible notice.
 */
export const hidesText = (redaction: { readonly source: ScanRedaction['source'] | null }): boolean =>
  redaction.source !== 'page'

/** The words not under any of `boxes` (page points). */
export function wordsOutsideBoxes<W extends { readonly pageRect: PageRect }>(
  words: readonly W[],
  boxes: readonly PageRect[]
): W[] {
  if (boxes.length === 0) return [...words]
  return words.filter((word) => {
    const wordArea = area(word.pageRect)
    const covered = boxes.reduce((sum, box) => sum + intersectionArea(word.pageRect, box), 0)
    return wordArea > 0 ? covered < HIDDEN_MIN_SHARE * wordArea : covered === 0
  })
}

/**
 * The page with its OCR words checked against its final boxes: words under a box go unless leaks are
 * revealed. Runs after every pass that can add a box, so no later box can cover a kept word.
 */
export function withVisibleOcrWords(page: ScanPage, revealLeaks: boolean): ScanPage {
  if (!page.ocrWords || revealLeaks) return page
  const boxes = page.redactions.filter(hidesText).map((r) => r.bbox)
  return { ...page, ocrWords: wordsOutsideBoxes(page.ocrWords, boxes) }
}
