/**
 * Reads what a report needs from IndexedDB in one read-only transaction, so the rows agree with one
 * another even while an analysis is still writing (a page row never arrives without its document).
 */
import type { WithheldDb } from '../../db/db'
import type { ExportRows } from './reportInput'

/** Null when the release is gone (deleted in another part of the app while the dialog was open). */
export async function loadExportRows(db: WithheldDb, releaseId: string): Promise<ExportRows | null> {
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
