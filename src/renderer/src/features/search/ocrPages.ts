/**
 * The scanned pages' OCR words (pageWords table) as searchable text, checked against the boxes as
 * they are now: the analysis kept no word under a box it found, and a word under a box the reviewer
 * drew since is left out here too, so search never shows withheld text (security.md; issue 10).
 * Built when the words or the boxes change, not on each keystroke.
 */
import { wordsOutsideBoxes } from '@core/ocr/pageWords'
import { ocrText, type OcrText } from '@core/review/ocrText'
import type { PageRow, PageWordsRow, RedactionRow } from '../../db/rows'
import { hidingBoxes } from './hiddenText'

export interface OcrSearchPage {
  readonly text: OcrText
  /** The page's displayed size in points, to place the marks on it at any zoom. */
  readonly widthPt: number
  readonly heightPt: number
}

/** documentId → pageIndex → the page's OCR text. */
export type OcrSearchPages = ReadonlyMap<string, ReadonlyMap<number, OcrSearchPage>>

const pageKey = (documentId: string, pageIndex: number): string => `${documentId}\u0000${pageIndex}`

export function ocrSearchPages(
  pageWords: readonly PageWordsRow[],
  pages: readonly Pick<PageRow, 'documentId' | 'pageIndex' | 'width' | 'height'>[],
  redactions: readonly Pick<RedactionRow, 'documentId' | 'pageIndex' | 'pageRect' | 'source'>[]
): OcrSearchPages {
  const sizes = new Map(pages.map((p) => [pageKey(p.documentId, p.pageIndex), p]))
  const boxes = hidingBoxes(redactions)
  const out = new Map<string, Map<number, OcrSearchPage>>()
  for (const row of pageWords) {
    const key = pageKey(row.documentId, row.pageIndex)
    const size = sizes.get(key)
    if (!size || row.words.length === 0) continue
    const words = wordsOutsideBoxes(row.words, boxes.get(row.documentId)?.get(row.pageIndex) ?? [])
    const byPage = out.get(row.documentId) ?? new Map<number, OcrSearchPage>()
    byPage.set(row.pageIndex, { text: ocrText(words), widthPt: size.width, heightPt: size.height })
    out.set(row.documentId, byPage)
  }
  return out
}
