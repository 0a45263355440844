/**
 * Puts what main accepted into the library. The same bytes are never stored twice (the documents
 * table has a unique sha256 index): a file already there is reported as a duplicate so the UI can
 * open the existing document instead. Each new file is one transaction (document row + PDF Blob),
 * so a failure part-way through a batch keeps the files already stored.
 */
import { Dexie } from 'dexie'
import type { ImportedFile } from '@shared/ipc'
import type { WithheldDb } from '../../db/db'
import { newId } from '../../db/ids'
import type { DocumentRow } from '../../db/rows'
import { makeRelease, EMPTY_RELEASE_FIELDS } from '../library/actions'

/** Where imports go when no release is selected. */
export const UNSORTED_RELEASE_NAME = 'Unsorted'

export interface Duplicate {
  /** The name the file was imported under this time. */
  readonly name: string
  readonly existingId: string
  readonly existingName: string
}

export interface LibraryImport {
  readonly releaseId: string
  readonly added: readonly DocumentRow[]
  readonly duplicates: readonly Duplicate[]
}

/** The selected release if it still exists, else the "Unsorted" release (made on first use). */
async function targetRelease(db: WithheldDb, selectedReleaseId: string | null): Promise<string> {
  return db.transaction('rw', db.releases, async () => {
    if (selectedReleaseId && (await db.releases.get(selectedReleaseId))) return selectedReleaseId
    const unsorted = await db.releases.filter((r) => r.name === UNSORTED_RELEASE_NAME).first()
    if (unsorted) return unsorted.id
    const release = makeRelease({ ...EMPTY_RELEASE_FIELDS, name: UNSORTED_RELEASE_NAME })
    await db.releases.add(release)
    return release.id
  })
}

export function newDocumentRow(file: ImportedFile, releaseId: string, now: number = Date.now()): DocumentRow {
  return {
    id: newId(),
    releaseId,
    name: file.name,
    sha256: file.sha256,
    byteSize: file.byteSize,
    pageCount: 0,
    producer: null,
    title: null,
    importedAt: now,
    analysisState: 'pending',
    analysisError: null,
    analysedPages: 0,
    engineVersion: null,
    isResponseLetter: false
  }
}

export async function importIntoLibrary(
  db: WithheldDb,
  files: readonly ImportedFile[],
  selectedReleaseId: string | null
): Promise<LibraryImport> {
  const added: DocumentRow[] = []
  const duplicates: Duplicate[] = []
  if (files.length === 0) return { releaseId: selectedReleaseId ?? '', added, duplicates }
  const releaseId = await targetRelease(db, selectedReleaseId)
  // Files of one import often land in the same millisecond; strictly rising times keep the order the
  // user picked them in, which the library list and the resume-after-restart queue both sort by.
  let importedAt = 0
  for (const file of files) {
    const existing = await db.documents.where('sha256').equals(file.sha256).first()
    if (existing) {
      duplicates.push({ name: file.name, existingId: existing.id, existingName: existing.name })
      continue
    }
    importedAt = Math.max(Date.now(), importedAt + 1)
    const row = newDocumentRow(file, releaseId, importedAt)
    try {
      await db.transaction('rw', [db.documents, db.files], async () => {
        await db.documents.add(row)
        await db.files.add({
          documentId: row.id,
          bytes: new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })
        })
      })
      added.push(row)
    } catch (error) {
      // Another import of the same bytes won the race to the unique index.
      if (!(error instanceof Dexie.ConstraintError)) throw error
      const winner = await db.documents.where('sha256').equals(file.sha256).first()
      if (!winner) throw error
      duplicates.push({ name: file.name, existingId: winner.id, existingName: winner.name })
    }
  }
  return { releaseId, added, duplicates }
}
