/**
 * The whole workspace to and from a backup (format: src/core/backup/). Writing takes one read-only
 * snapshot transaction (a consistent state; PDF Blobs are handles, their bytes are read later in 256 KiB
 * slices), then streams the encoded body to main chunk by chunk, so the UI thread never holds more
 * than a chunk and a row, and is free between chunks. Restoring decodes the verified stream first (PDF
 * bytes become Blobs again), then replaces every table in **one** transaction: a failure part-way
 * (a full disk) aborts it and leaves the previous workspace exactly as it was.
 */
import type { Table } from 'dexie'
import { BodyDecoder, encodeBody, type BinaryAdapter, type DecodedWorkspace } from '@core/backup/codec'
import type { Api, BackupSaved, BackupTarget, RestoreOpened } from '@shared/ipc'
import { CURRENT_DB_VERSION, type WithheldDb } from '../../db/db'
import { isQuotaError } from '../../db/describeDbError'

/** Every table of the workspace, in restore order. viewState is the last page and zoom per document. */
export const BACKUP_TABLES = [
  'releases',
  'documents',
  'files',
  'pages',
  'pageWords',
  'documentAudits',
  'redactions',
  'viewState',
  'history'
] as const

/** Preferences in localStorage that belong to the workspace (recent grounds, selected release). */
export const SETTINGS_PREFIX = 'withheld.'
/** Not a setting: which database instance this is (see instance.ts); a restore must not copy it. */
export const INSTANCE_KEY = 'withheld.dbInstanceId'

export type BackupApi = Pick<
  Api,
  'beginBackup' | 'writeBackup' | 'finishBackup' | 'abortBackup' | 'readRestore' | 'closeRestore'
>

export const blobAdapter: BinaryAdapter<Blob> = {
  is: (value): value is Blob => value instanceof Blob,
  size: (value) => value.size,
  type: (value) => value.type,
  read: async (value, start, end) => new Uint8Array(await value.slice(start, end).arrayBuffer()),
  make: (parts, type) => new Blob(parts as unknown as BlobPart[], { type })
}

function readSettings(): Record<string, string> {
  const settings: Record<string, string> = {}
  if (typeof localStorage === 'undefined') return settings
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i)
    if (key?.startsWith(SETTINGS_PREFIX) && key !== INSTANCE_KEY)
      settings[key] = localStorage.getItem(key) ?? ''
  }
  return settings
}

function writeSettings(settings: Readonly<Record<string, string>>): void {
  if (typeof localStorage === 'undefined') return
  try {
    for (const [key, value] of Object.entries(settings)) {
      if (key.startsWith(SETTINGS_PREFIX) && key !== INSTANCE_KEY) localStorage.setItem(key, value)
    }
  } catch {
    // Preferences only: the library itself is restored either way.
  }
}

const tableOf = (db: WithheldDb, name: string): Table<unknown, unknown> => db.table(name)

/** Every row of every table, read in one transaction so the backup is one consistent state. */
export async function snapshotWorkspace(db: WithheldDb) {
  const tables = await db.transaction('r', [...BACKUP_TABLES], async () => {
    const out: { name: string; rows: unknown[] }[] = []
    for (const name of BACKUP_TABLES) out.push({ name, rows: await tableOf(db, name).toArray() })
    return out
  })
  return { tables, settings: readSettings() }
}

/** Bytes written or read so far, of about `totalBytes` (a backup is ~ the size of its PDFs). */
export interface BackupProgress {
  readonly bytes: number
  readonly totalBytes: number
}

const pdfBytesOf = (tables: readonly { name: string; rows: unknown[] }[]): number =>
  (tables.find((t) => t.name === 'files')?.rows ?? []).reduce<number>(
    (sum, row) =>
      sum + ((row as { bytes?: unknown }).bytes instanceof Blob ? (row as { bytes: Blob }).bytes.size : 0),
    0
  )

/**
 * Writes a backup of `db` to `target` through main. Resolves to null when the user cancelled the
 * save dialog; a failure (full disk…) comes back as `{ ok: false, message }` with nothing left behind.
 */
export async function writeWorkspaceBackup(
  db: WithheldDb,
  target: BackupTarget,
  api: BackupApi = window.api,
  onProgress?: (progress: BackupProgress) => void
): Promise<BackupSaved | null> {
  const createdAt = new Date().toISOString()
  const snapshot = await snapshotWorkspace(db)
  const writeId = await api.beginBackup(target)
  if (writeId === null) return null
  const totalBytes = pdfBytesOf(snapshot.tables)
  const counts: Record<string, number> = {}
  let bytes = 0
  try {
    for await (const chunk of encodeBody(snapshot, blobAdapter, counts)) {
      const step = await api.writeBackup(writeId, chunk)
      if (!step.ok) return step
      bytes += chunk.byteLength
      onProgress?.({ bytes, totalBytes: Math.max(bytes, totalBytes) })
    }
  } catch (error) {
    await api.abortBackup(writeId)
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `The backup could not be made: ${detail}` }
  }
  return api.finishBackup(writeId, { createdAt, schemaVersion: CURRENT_DB_VERSION, counts })
}

export type OpenedBackup = Extract<RestoreOpened, { ok: true }>

export class RestoreError extends Error {
  override name = 'RestoreError'
}

/**
 * Reads and decodes an opened backup; throws RestoreError with one sentence if it is not usable.
 * Rows are restored as the backup holds them. That is right for a version 1 or 2 backup too: version 2
 * only added the `pageWords` table and version 3 the `documentAudits` table, which such a backup lacks
 * (restored empty: its scanned pages are searchable, and its documents audited, once analysed again). A later version that changes rows must migrate an older
 * backup first: restore it into a scratch database declared at its version, let Dexie's upgrade run,
 * then copy.
 */
export async function readWorkspaceBackup(
  opened: OpenedBackup,
  api: BackupApi = window.api,
  onProgress?: (progress: BackupProgress) => void
): Promise<DecodedWorkspace> {
  if (opened.schemaVersion > CURRENT_DB_VERSION) {
    await api.closeRestore(opened.readId)
    throw new RestoreError(
      'This backup was made by a newer version of Withheld; install it to restore this backup.'
    )
  }
  const decoder = new BodyDecoder(blobAdapter, BACKUP_TABLES)
  try {
    for (let bytes = 0; ;) {
      const chunk = await api.readRestore(opened.readId)
      decoder.push(chunk.bytes)
      bytes += chunk.bytes.byteLength
      onProgress?.({ bytes, totalBytes: opened.byteSize })
      if (chunk.done) {
        if (!chunk.intact)
          throw new RestoreError('The backup changed or was damaged while it was read. Nothing was changed.')
        return decoder.finish(opened.counts)
      }
    }
  } catch (error) {
    await api.closeRestore(opened.readId)
    if (error instanceof RestoreError) throw error
    const detail = error instanceof Error ? error.message : String(error)
    throw new RestoreError(`The backup is damaged (${detail}). Nothing was changed.`)
  }
}

/** Replaces every table with the decoded rows, all or nothing, then the preferences. */
export async function replaceWorkspace(db: WithheldDb, decoded: DecodedWorkspace): Promise<void> {
  try {
    await db.transaction('rw', [...BACKUP_TABLES], async () => {
      for (const name of BACKUP_TABLES) await tableOf(db, name).clear()
      for (const name of BACKUP_TABLES) await tableOf(db, name).bulkAdd(decoded.tables.get(name) ?? [])
    })
  } catch (error) {
    if (isQuotaError(error)) {
      throw new RestoreError(
        'The restore stopped: the disk is full. Your workspace is unchanged; free some space and try again.'
      )
    }
    const detail = error instanceof Error ? error.message : String(error)
    throw new RestoreError(`The restore failed and your workspace is unchanged: ${detail}`)
  }
  writeSettings(decoded.settings)
}
