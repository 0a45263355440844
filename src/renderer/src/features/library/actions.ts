/**
 * The library's user actions: create, edit, move and delete releases and documents. Each is one
 * transaction that also writes its HistoryRow (db/history.ts), so every one can be undone, even
 * after a reload. Deletes keep whole rows in the undo list, PDF bytes included.
 */
import type { WithheldDb } from '../../db/db'
import { recordAction } from '../../db/history'
import { newId } from '../../db/ids'
import type { HistoryChange, ReleaseRow } from '../../db/rows'

export type ReleaseFields = Pick<
  ReleaseRow,
  'name' | 'agency' | 'requestRef' | 'requestDate' | 'responseDate' | 'notes'
>

export const EMPTY_RELEASE_FIELDS: ReleaseFields = {
  name: '',
  agency: '',
  requestRef: '',
  requestDate: '',
  responseDate: '',
  notes: ''
}

/** A new release row; `regime` stays unknown until an analysis infers it from the grounds cited. */
export function makeRelease(fields: ReleaseFields, now: number = Date.now()): ReleaseRow {
  return {
    id: newId(),
    ...fields,
    name: fields.name.trim() || 'Untitled release',
    regime: 'unknown',
    createdAt: now,
    updatedAt: now
  }
}

export async function createRelease(db: WithheldDb, fields: ReleaseFields): Promise<string> {
  const release = makeRelease(fields)
  await recordAction(db, async () => ({
    label: `Create release “${release.name}”`,
    redo: [{ op: 'put', table: 'releases', row: release }],
    undo: [{ op: 'delete', table: 'releases', key: release.id }]
  }))
  return release.id
}

export async function updateRelease(
  db: WithheldDb,
  id: string,
  fields: Partial<ReleaseFields>
): Promise<void> {
  await recordAction(db, async () => {
    const before = await db.releases.get(id)
    if (!before) return null
    const after: ReleaseRow = {
      ...before,
      ...fields,
      name: (fields.name ?? before.name).trim() || before.name,
      updatedAt: Date.now()
    }
    const renamed = after.name !== before.name
    return {
      label: renamed ? `Rename release “${before.name}” to “${after.name}”` : `Edit release “${after.name}”`,
      redo: [{ op: 'put', table: 'releases', row: after }],
      undo: [{ op: 'put', table: 'releases', row: before }]
    }
  })
}

export async function moveDocument(db: WithheldDb, documentId: string, releaseId: string): Promise<void> {
  await recordAction(db, async () => {
    const before = await db.documents.get(documentId)
    const target = await db.releases.get(releaseId)
    if (!before || !target || before.releaseId === releaseId) return null
    return {
      label: `Move “${before.name}” to “${target.name}”`,
      redo: [{ op: 'put', table: 'documents', row: { ...before, releaseId } }],
      undo: [{ op: 'put', table: 'documents', row: before }]
    }
  })
}

/** The changes that delete one document and everything hanging off it, with their inverse. */
async function documentDeletion(
  db: WithheldDb,
  documentId: string
): Promise<{ redo: HistoryChange[]; undo: HistoryChange[]; name: string } | null> {
  const document = await db.documents.get(documentId)
  if (!document) return null
  const file = await db.files.get(documentId)
  const pages = await db.pages.where('documentId').equals(documentId).toArray()
  const pageWords = await db.pageWords.where('documentId').equals(documentId).toArray()
  const redactions = await db.redactions.where('documentId').equals(documentId).toArray()
  const audit = await db.documentAudits.get(documentId)
  const redo: HistoryChange[] = [
    ...redactions.map((r): HistoryChange => ({ op: 'delete', table: 'redactions', key: r.id })),
    ...pages.map((p): HistoryChange => ({ op: 'delete', table: 'pages', key: [p.documentId, p.pageIndex] })),
    ...pageWords.map((p): HistoryChange => ({
      op: 'delete',
      table: 'pageWords',
      key: [p.documentId, p.pageIndex]
    })),
    ...(audit ? [{ op: 'delete', table: 'documentAudits', key: documentId } satisfies HistoryChange] : []),
    { op: 'delete', table: 'files', key: documentId },
    { op: 'delete', table: 'documents', key: documentId }
  ]
  const undo: HistoryChange[] = [
    { op: 'put', table: 'documents', row: document },
    ...(file ? [{ op: 'put', table: 'files', row: file } satisfies HistoryChange] : []),
    ...pages.map((row): HistoryChange => ({ op: 'put', table: 'pages', row })),
    ...pageWords.map((row): HistoryChange => ({ op: 'put', table: 'pageWords', row })),
    ...(audit ? [{ op: 'put', table: 'documentAudits', row: audit } satisfies HistoryChange] : []),
    ...redactions.map((row): HistoryChange => ({ op: 'put', table: 'redactions', row }))
  ]
  return { redo, undo, name: document.name }
}

export async function deleteDocument(db: WithheldDb, documentId: string): Promise<void> {
  await recordAction(db, async () => {
    const deletion = await documentDeletion(db, documentId)
    if (!deletion) return null
    return { label: `Delete “${deletion.name}”`, redo: deletion.redo, undo: deletion.undo }
  })
}

/** Deletes a release with every document in it. */
export async function deleteRelease(db: WithheldDb, releaseId: string): Promise<void> {
  await recordAction(db, async () => {
    const release = await db.releases.get(releaseId)
    if (!release) return null
    const redo: HistoryChange[] = []
    const undo: HistoryChange[] = [{ op: 'put', table: 'releases', row: release }]
    for (const id of await db.documents.where('releaseId').equals(releaseId).primaryKeys()) {
      const deletion = await documentDeletion(db, id)
      if (!deletion) continue
      redo.push(...deletion.redo)
      undo.push(...deletion.undo)
    }
    redo.push({ op: 'delete', table: 'releases', key: releaseId })
    return { label: `Delete release “${release.name}”`, redo, undo }
  })
}
