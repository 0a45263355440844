/**
 * The review's reads of IndexedDB as small named hooks. The document's redactions are one array,
 * kept current row by row (documentRedactions.ts); the panel derives sort, filter and counts from it.
 */
import type { Regime } from '@core/types'
import { useLiveQuery } from 'dexie-react-hooks'
import { withheld } from '../../db/db'
import type { PageRow, RedactionRow } from '../../db/rows'
import { useFollowedRedactions } from './documentRedactions'

/**
 * Every redaction of the document, undefined while loading. Read once, then patched per committed
 * change (documentRedactions.ts): a one-row decision re-reads one row, not 5,000.
 */
export const useDocumentRedactions = (documentId: string): RedactionRow[] | undefined =>
  useFollowedRedactions(withheld, documentId)

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
