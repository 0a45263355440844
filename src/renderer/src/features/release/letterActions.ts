/**
 * Marking a release's response letter (issue 5, "Release level"): the agency's letter is a document
 * in the release whose text names the grounds relied on. A release has one letter: marking a
 * document unmarks any other in its release, in the same transaction and history entry, so one
 * Ctrl+Z puts both back.
 */
import type { WithheldDb } from '../../db/db'
import { recordAction } from '../../db/history'
import type { HistoryChange } from '../../db/rows'

export async function setResponseLetter(
  db: WithheldDb,
  documentId: string,
  isLetter: boolean
): Promise<void> {
  await recordAction(db, async () => {
    const before = await db.documents.get(documentId)
    if (!before || before.isResponseLetter === isLetter) return null
    const others = isLetter
      ? (await db.documents.where('releaseId').equals(before.releaseId).toArray()).filter(
          (d) => d.id !== documentId && d.isResponseLetter
        )
      : []
    const redo: HistoryChange[] = [
      ...others.map((d): HistoryChange => ({
        op: 'put',
        table: 'documents',
        row: { ...d, isResponseLetter: false }
      })),
      { op: 'put', table: 'documents', row: { ...before, isResponseLetter: isLetter } }
    ]
    const undo: HistoryChange[] = [
      { op: 'put', table: 'documents', row: before },
      ...others.map((d): HistoryChange => ({ op: 'put', table: 'documents', row: d }))
    ]
    return {
      label: isLetter
        ? `Mark “${before.name}” as the response letter`
        : `Unmark “${before.name}” as the response letter`,
      redo,
      undo
    }
  })
}
