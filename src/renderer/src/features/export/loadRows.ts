/**
 * Reads what a report needs from IndexedDB in one read-only transaction, so the rows agree with one
 * another even while an analysis is still writing (a page row never arrives without its document).
 */
import type { ExportRows } from '@core/report/fromLibrary'
import type { WithheldDb } from '../../db/db'
import type { DocumentRow, PageRow, RedactionRow, ReleaseRow } from '../../db/rows'

/** The library's rows for one release; the row types satisfy the report's Library* shapes. */
export type LibraryRows = ExportRows<ReleaseRow, DocumentRow, PageRow, RedactionRow>

/** Null when the release is gone (deleted in another part of the app while the dialog was open). */
export async function loadExportRows(db: WithheldDb, releaseId: string): Promise<LibraryRows | null> {
  return db.transaction('r', [db.releases, db.documents, db.pages, db.redactions], async () => {
    const release = await db.releases.get(releaseId)
    if (!release) return null
    const documents = (await db.documents.where('releaseId').equals(releaseId).toArray()).sort(
      (a, b) => a.importedAt - b.importedAt
    )
    const ids = documents.map((d) => d.id)
    const [pages, redactions] = await Promise.all([
      db.pages.where('documentId').anyOf(ids).toArray(),
      db.redactions.where('documentId').anyOf(ids).toArray()
    ])
    return { release, documents, pages, redactions }
  })
}
