/**
 * The library's reads of IndexedDB as small live hooks: each re-renders its component when the rows
 * it reads change (an import, an analysis event, an undo in another part of the app).
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { withheld } from '../../db/db'
import type { DocumentRow, ReleaseRow } from '../../db/rows'

/** Releases, newest first; undefined while loading. */
export const useReleases = (): ReleaseRow[] | undefined =>
  useLiveQuery(() =>
    withheld.releases.toArray().then((rows) => rows.sort((a, b) => b.createdAt - a.createdAt))
  )

/** Every document (rows are small: bytes live in `files`), oldest import first. */
export const useDocuments = (): DocumentRow[] | undefined =>
  useLiveQuery(() => withheld.documents.orderBy('importedAt').toArray())

export interface RedactionSummary {
  readonly redactions: number
  /** Boxes with recoverable content underneath. */
  readonly leaks: number
}

/** Counted per document row: a library holds hundreds of documents, each with tens to thousands of boxes. */
export const useRedactionSummary = (documentId: string): RedactionSummary | undefined =>
  useLiveQuery(async () => {
    let redactions = 0
    let leaks = 0
    await withheld.redactions
      .where('documentId')
      .equals(documentId)
      .each((row) => {
        redactions++
        if (row.leak) leaks++
      })
    return { redactions, leaks }
  }, [documentId])

/** How many of a document's pages are scans (set by the analysis), for "Re-analyse at … dpi". */
export const useScannedPageCount = (documentId: string): number | undefined =>
  useLiveQuery(
    () =>
      withheld.pages
        .where('documentId')
        .equals(documentId)
        .filter((page) => page.scanned)
        .count(),
    [documentId]
  )
