/**
 * The review's reads of IndexedDB as small named hooks. One live query per open document: Dexie
 * re-runs it after any write to the redactions table, which for 5,000 rows is a few milliseconds of
 * IndexedDB reading, and the panel derives sort, filter and counts from the one array.
 */
import type { Regime } from '@core/types'
import { useLiveQuery } from 'dexie-react-hooks'
import { withheld } from '../../db/db'
import type { PageRow, RedactionRow } from '../../db/rows'

/** Every redaction of the document, undefined while loading. */
export const useDocumentRedactions = (documentId: string): RedactionRow[] | undefined =>
  useLiveQuery(() => withheld.redactions.where('documentId').equals(documentId).toArray(), [documentId])

/** The release's regime, for ranking grounds in the picker; 'unknown' until read. */
export const useDocumentRegime = (documentId: string): Regime =>
  useLiveQuery(
    async () => {
      const doc = await withheld.documents.get(documentId)
      const release = doc ? await withheld.releases.get(doc.releaseId) : undefined
      return release?.regime ?? 'unknown'
    },
    [documentId],
    'unknown'
  )

/** One page's row (size in points, withheld in full), undefined while loading or before analysis wrote it. */
export const usePageRow = (documentId: string, pageIndex: number): PageRow | undefined =>
  useLiveQuery(() => withheld.pages.get([documentId, pageIndex]), [documentId, pageIndex])
