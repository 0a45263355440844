/**
 * One search over a release: the reviewer's notes and the labels printed on boxes (from IndexedDB),
 * then the pages' text (read by pageText.ts) and the words OCR read on scanned pages (ocrPages.ts).
 * Plain data in, hits out, so the dialog only renders.
 */
import { matchRects } from '@core/review/ocrText'
import { findMatches, queryPattern, snippetAround, type Snippet } from '@core/review/textSearch'
import type { PageRect } from '@core/types'
import type { DocumentRow, RedactionRow } from '../../db/rows'
import type { OcrSearchPages } from './ocrPages'
import type { DocumentText } from './pageText'

/** Hits kept per page: a word on every line of a page is one place to look, not twenty. */
export const HITS_PER_PAGE = 3
/** Results shown at most; a query this common needs more words, and rendering 10,000 rows helps no one. */
export const MAX_HITS = 300

export type SearchHit =
  | {
      readonly kind: 'note' | 'label'
      readonly key: string
      readonly documentId: string
      readonly documentName: string
      readonly pageIndex: number
      readonly redactionId: string
      readonly snippet: Snippet
    }
  | {
      readonly kind: 'page'
      readonly key: string
      readonly documentId: string
      readonly documentName: string
      readonly pageIndex: number
      /** Which match on its page, 0-based. */
      readonly occurrence: number
      readonly snippet: Snippet
    }
  | {
      /** Words OCR read on a scanned page: marked on the page from their boxes. */
      readonly kind: 'scan'
      readonly key: string
      readonly documentId: string
      readonly documentName: string
      readonly pageIndex: number
      readonly snippet: Snippet
      /** The matched words' boxes, one per line: points on the displayed page, origin top-left. */
      readonly rectsPt: readonly PageRect[]
      readonly pageWidthPt: number
      readonly pageHeightPt: number
    }

export interface SearchResult {
  readonly hits: readonly SearchHit[]
  /** True when MAX_HITS cut the list. */
  readonly truncated: boolean
}

export function searchRelease(
  query: string,
  documents: readonly Pick<DocumentRow, 'id' | 'name'>[],
  redactions: readonly Pick<
    RedactionRow,
    'id' | 'documentId' | 'pageIndex' | 'pageRect' | 'note' | 'label'
  >[],
  texts: ReadonlyMap<string, DocumentText>,
  ocrPages: OcrSearchPages = new Map()
): SearchResult {
  const pattern = queryPattern(query)
  if (!pattern) return { hits: [], truncated: false }
  const hits: SearchHit[] = []
  const names = new Map(documents.map((d) => [d.id, d.name]))
  const order = new Map(documents.map((d, i) => [d.id, i]))
  const sorted = [...redactions]
    .filter((r) => names.has(r.documentId))
    .sort(
      (a, b) =>
        order.get(a.documentId)! - order.get(b.documentId)! ||
        a.pageIndex - b.pageIndex ||
        a.pageRect[1] - b.pageRect[1]
    )
  for (const r of sorted) {
    for (const [kind, text] of [
      ['note', r.note],
      ['label', r.label ?? '']
    ] as const) {
      const [hit] = findMatches(text, pattern, 1)
      if (!hit) continue
      hits.push({
        kind,
        key: `${kind}:${r.id}`,
        documentId: r.documentId,
        documentName: names.get(r.documentId)!,
        pageIndex: r.pageIndex,
        redactionId: r.id,
        snippet: snippetAround(text, hit)
      })
    }
  }
  for (const d of documents) {
    const pages = texts.get(d.id)?.pages ?? []
    const scanned = ocrPages.get(d.id)
    const pageCount = Math.max(pages.length, ...(scanned ? [...scanned.keys()].map((i) => i + 1) : []))
    for (let pageIndex = 0; pageIndex < pageCount; pageIndex++) {
      const text = pages[pageIndex] ?? ''
      const ocr = scanned?.get(pageIndex)
      if (ocr) {
        findMatches(ocr.text.text, pattern, HITS_PER_PAGE).forEach((hit, n) =>
          hits.push({
            kind: 'scan',
            key: `scan:${d.id}:${pageIndex}:${n}`,
            documentId: d.id,
            documentName: d.name,
            pageIndex,
            snippet: snippetAround(ocr.text.text, hit),
            rectsPt: matchRects(ocr.text, hit),
            pageWidthPt: ocr.widthPt,
            pageHeightPt: ocr.heightPt
          })
        )
      }
      findMatches(text, pattern, HITS_PER_PAGE).forEach((hit, n) =>
        hits.push({
          kind: 'page',
          key: `page:${d.id}:${pageIndex}:${n}`,
          documentId: d.id,
          documentName: d.name,
          pageIndex,
          occurrence: n,
          snippet: snippetAround(text, hit)
        })
      )
      if (hits.length > MAX_HITS) return { hits: hits.slice(0, MAX_HITS), truncated: true }
    }
  }
  return { hits: hits.slice(0, MAX_HITS), truncated: hits.length > MAX_HITS }
}
