/**
 * What the export dialog reports on: the open document's release (or the release the library shows,
 * or the newest one, as the library picks), the open document, and how many of the release's
 * documents have not finished their analysis. A live query, so an analysis finishing updates it.
 */
import type { ReviewFilter } from '@core/review/reviewItems'
import { useLiveQuery } from 'dexie-react-hooks'
import { withheld } from '../../db/db'
import type { DocumentRow, ReleaseRow } from '../../db/rows'

/** The review panel's filter on one document, described in words for the report's cover. */
export interface ReviewFilterScope {
  readonly documentId: string
  readonly filter: ReviewFilter
  readonly label: string
}

export interface ExportTarget {
  readonly release: ReleaseRow | null
  readonly document: DocumentRow | null
  readonly documentCount: number
  readonly unfinished: number
}

/** Undefined while loading. */
export const useExportTarget = (
  releaseId: string | null,
  documentId: string | null
): ExportTarget | undefined =>
  useLiveQuery(async () => {
    const document = documentId ? ((await withheld.documents.get(documentId)) ?? null) : null
    const wanted = document?.releaseId ?? releaseId
    const releases = await withheld.releases.toArray()
    const release =
      releases.find((r) => r.id === wanted) ??
      [...releases].sort((a, b) => b.createdAt - a.createdAt)[0] ??
      null
    const documents = release ? await withheld.documents.where('releaseId').equals(release.id).toArray() : []
    return {
      release,
      document: document && release && document.releaseId === release.id ? document : null,
      documentCount: documents.length,
      unfinished: documents.filter((d) => d.analysisState !== 'done').length
    }
  }, [releaseId, documentId])
