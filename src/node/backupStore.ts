/**
 * Workspace backups on disk (Node, Electron-free): writes a backup that arrives in chunks into an
 * atomic file (header filled in last with the body's SHA-256), keeps the rolling automatic backups in
 * `<userData>/backups/`, verifies and streams a backup back for a restore, and keeps the workspace
 * marker (`<userData>/workspace.json`). The renderer never sends a path: a target is a kind, a chosen
 * path comes from a dialog in main, and a stored backup is named by a file name this store listed.
 *
 * Failures come back as one sentence, never as a thrown IPC error; a full disk (ENOSPC) says so and
 * leaves every earlier backup and the live workspace untouched (the temp file is removed).
 */
import { createHash, randomUUID, type Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises'
import { basename, join } from 'node:path'
import {
  BackupFormatError,
  buildHeader,
  checkBody,
  encodeHeader,
  HEADER_BYTES,
  parseHeader,
  type BackupCounts,
  type BackupHeader
} from '@core/backup/format'
import { parseMarker, type WorkspaceMarker } from '@core/backup/marker'
import {
  backupsToDelete,
  parseStoredBackupName,
  storedBackupName,
  type StoredBackupKind
} from '@core/backup/retention'
import {
  isAtomicTempName,
  isDiskFullError,
  openAtomicFile,
  writeFileAtomic,
  type AtomicFile,
  type OpenForWrite
} from './atomicWrite'

/** 1 MiB per read: one IPC message (a 1 GB restore is ~1,000), small enough not to stall the page. */
export const RESTORE_CHUNK_BYTES = 1024 * 1024

export type WriteTarget =
  { readonly kind: 'file'; readonly path: string } | { readonly kind: StoredBackupKind }

export interface BackupFacts {
  readonly createdAt: string
  readonly schemaVersion: number
  readonly counts: BackupCounts
}

export type StepResult = { readonly ok: true } | { readonly ok: false; readonly message: string }
export type SavedBackup =
  | { readonly ok: true; readonly fileName: string; readonly byteSize: number; readonly createdAt: string }
  | { readonly ok: false; readonly message: string }

export interface StoredBackup {
  readonly fileName: string
  readonly kind: StoredBackupKind
  readonly createdAt: string
  readonly counts: BackupCounts
  readonly byteSize: number
}

export type ReadSource =
  { readonly kind: 'file'; readonly path: string } | { readonly kind: 'stored'; readonly fileName: string }

export type OpenedBackup =
  | {
      readonly ok: true
      readonly readId: string
      readonly fileName: string
      readonly createdAt: string
      readonly schemaVersion: number
      readonly counts: BackupCounts
      readonly byteSize: number
    }
  | { readonly ok: false; readonly message: string }

export interface BackupChunk {
  readonly bytes: Uint8Array
  readonly done: boolean
  /** When done: the body read matched the header's SHA-256 (checked again: the file may have changed). */
  readonly intact: boolean
}

export interface BackupStoreOptions {
  /** `<userData>`: backups go to `<userData>/backups/`, the marker to `<userData>/workspace.json`. */
  readonly userDataDir: string
  /** The newest database version this Withheld can restore (db.ts CURRENT_DB_VERSION). */
  readonly maxSchemaVersion: number
  readonly now?: () => Date
  /** Tests inject a full disk here. */
  readonly openFile?: OpenForWrite
}

export interface BackupStore {
  readonly backupsDir: string
  beginWrite(target: WriteTarget): Promise<string>
  write(writeId: string, chunk: Uint8Array): Promise<StepResult>
  finish(writeId: string, facts: BackupFacts): Promise<SavedBackup>
  abort(writeId: string): Promise<void>
  /** Backups Withheld keeps itself, newest first. */
  list(): Promise<StoredBackup[]>
  openRead(source: ReadSource): Promise<OpenedBackup>
  read(readId: string): Promise<BackupChunk>
  closeRead(readId: string): Promise<void>
  readMarker(): Promise<WorkspaceMarker | null>
  writeMarker(marker: WorkspaceMarker): Promise<void>
  /** Removes temp files left by a process killed mid-write. */
  cleanUp(): Promise<void>
  /** Aborts open writes and closes open reads (quit, end of a test). */
  dispose(): Promise<void>
}

const DISK_FULL =
  'The disk is full, so the backup was not saved. Your workspace is unchanged; free some space and try again.'

const describeWriteError = (error: unknown): string =>
  isDiskFullError(error)
    ? DISK_FULL
    : `The backup could not be saved: ${error instanceof Error ? error.message : String(error)}`

interface OpenWrite {
  readonly file: AtomicFile
  readonly hash: Hash
  readonly kind: WriteTarget['kind']
  readonly target: string
  failed: string | null
}

interface OpenRead {
  readonly handle: FileHandle
  readonly header: BackupHeader
  readonly hash: Hash
  position: number
}

export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const backupsDir = join(options.userDataDir, 'backups')
  const markerPath = join(options.userDataDir, 'workspace.json')
  const now = options.now ?? (() => new Date())
  const writes = new Map<string, OpenWrite>()
  const reads = new Map<string, OpenRead>()

  async function prune(): Promise<void> {
    for (const name of backupsToDelete(await readdir(backupsDir))) {
      await unlink(join(backupsDir, name)).catch(() => undefined)
    }
  }

  async function readHeaderOf(path: string): Promise<{ header: BackupHeader; byteSize: number }> {
    const handle = await open(path, 'r')
    try {
      const { size } = await handle.stat()
      const first = new Uint8Array(Math.min(size, HEADER_BYTES))
      await handle.read(first, 0, first.byteLength, 0)
      return { header: parseHeader(first, size, options.maxSchemaVersion), byteSize: size }
    } finally {
      await handle.close()
    }
  }

  async function hashBody(path: string): Promise<{ sha256: string; bytes: number }> {
    const hash = createHash('sha256')
    let bytes = 0
    for await (const chunk of createReadStream(path, {
      start: HEADER_BYTES,
      highWaterMark: RESTORE_CHUNK_BYTES
    })) {
      hash.update(chunk as Buffer)
      bytes += (chunk as Buffer).byteLength
    }
    return { sha256: hash.digest('hex'), bytes }
  }

  const store: BackupStore = {
    backupsDir,

    async beginWrite(target) {
      let path: string
      if (target.kind === 'file') path = target.path
      else {
        await mkdir(backupsDir, { recursive: true })
        path = join(backupsDir, storedBackupName(target.kind, now()))
      }
      const file = await openAtomicFile(path, options.openFile ? { openFile: options.openFile } : {})
      const writeId = randomUUID()
      const entry: OpenWrite = {
        file,
        hash: createHash('sha256'),
        kind: target.kind,
        target: path,
        failed: null
      }
      writes.set(writeId, entry)
      try {
        // The header's place, filled in by finish() once the body's length and hash are known.
        await file.write(new Uint8Array(HEADER_BYTES).fill(0x20))
      } catch (error) {
        entry.failed = describeWriteError(error)
        await file.abort()
      }
      return writeId
    },

    async write(writeId, chunk) {
      const entry = writes.get(writeId)
      if (!entry) return { ok: false, message: 'The backup was already closed.' }
      if (entry.failed) return { ok: false, message: entry.failed }
      try {
        await entry.file.write(chunk)
        entry.hash.update(chunk)
        return { ok: true }
      } catch (error) {
        entry.failed = describeWriteError(error)
        await entry.file.abort()
        return { ok: false, message: entry.failed }
      }
    },

    async finish(writeId, facts) {
      const entry = writes.get(writeId)
      writes.delete(writeId)
      if (!entry) return { ok: false, message: 'The backup was already closed.' }
      if (entry.failed) return { ok: false, message: entry.failed }
      try {
        const header = buildHeader({
          createdAt: facts.createdAt,
          schemaVersion: facts.schemaVersion,
          counts: facts.counts,
          bodyBytes: entry.file.bytesWritten - HEADER_BYTES,
          sha256: entry.hash.digest('hex')
        })
        await entry.file.writeAt(encodeHeader(header), 0)
        const byteSize = entry.file.bytesWritten
        await entry.file.commit()
        if (entry.kind !== 'file') await prune()
        return { ok: true, fileName: basename(entry.target), byteSize, createdAt: header.createdAt }
      } catch (error) {
        await entry.file.abort()
        return { ok: false, message: describeWriteError(error) }
      }
    },

    async abort(writeId) {
      const entry = writes.get(writeId)
      writes.delete(writeId)
      await entry?.file.abort()
    },

    async list() {
      const names = await readdir(backupsDir).catch(() => [] as string[])
      const found: StoredBackup[] = []
      for (const fileName of names) {
        const parsed = parseStoredBackupName(fileName)
        if (!parsed) continue
        try {
          const { header, byteSize } = await readHeaderOf(join(backupsDir, fileName))
          found.push({
            fileName,
            kind: parsed.kind,
            createdAt: header.createdAt,
            counts: header.counts,
            byteSize
          })
        } catch {
          // An unreadable or incomplete file is not offered for a restore.
        }
      }
      return found.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    },

    async openRead(source) {
      let path: string
      if (source.kind === 'stored') {
        if (!parseStoredBackupName(source.fileName)) return { ok: false, message: 'There is no such backup.' }
        path = join(backupsDir, source.fileName)
      } else path = source.path
      try {
        const { header, byteSize } = await readHeaderOf(path)
        // Checked in full before anyone is asked to replace their workspace with it.
        checkBody(header, await hashBody(path))
        const handle = await open(path, 'r')
        const readId = randomUUID()
        reads.set(readId, { handle, header, hash: createHash('sha256'), position: HEADER_BYTES })
        return {
          ok: true,
          readId,
          fileName: basename(path),
          createdAt: header.createdAt,
          schemaVersion: header.schemaVersion,
          counts: header.counts,
          byteSize
        }
      } catch (error) {
        if (error instanceof BackupFormatError) return { ok: false, message: error.message }
        const code = (error as { code?: unknown }).code
        if (code === 'ENOENT') return { ok: false, message: 'The backup file is no longer there.' }
        if (code === 'EACCES' || code === 'EPERM') {
          return { ok: false, message: 'Withheld is not allowed to read that file.' }
        }
        if (code === 'EISDIR') return { ok: false, message: 'That is a folder, not a backup file.' }
        return { ok: false, message: `The backup could not be read: ${(error as Error).message}` }
      }
    },

    async read(readId) {
      const entry = reads.get(readId)
      if (!entry) throw new Error('restore:read: this backup is not open.')
      const end = HEADER_BYTES + entry.header.bodyBytes
      const length = Math.min(RESTORE_CHUNK_BYTES, end - entry.position)
      const bytes = new Uint8Array(Math.max(0, length))
      let got = 0
      while (got < length) {
        const { bytesRead } = await entry.handle.read(bytes, got, length - got, entry.position + got)
        if (bytesRead === 0) break
        got += bytesRead
      }
      entry.position += got
      const chunk = got === bytes.byteLength ? bytes : bytes.subarray(0, got)
      entry.hash.update(chunk)
      const done = got < length || entry.position >= end
      if (!done) return { bytes: chunk, done, intact: false }
      const intact = entry.position === end && entry.hash.digest('hex') === entry.header.sha256
      await store.closeRead(readId)
      return { bytes: chunk, done, intact }
    },

    async closeRead(readId) {
      const entry = reads.get(readId)
      reads.delete(readId)
      await entry?.handle.close().catch(() => undefined)
    },

    readMarker: async () => parseMarker(await readFile(markerPath, 'utf8').catch(() => null)),

    async writeMarker(marker) {
      await mkdir(options.userDataDir, { recursive: true })
      await writeFileAtomic(markerPath, `${JSON.stringify(marker)}\n`)
    },

    async cleanUp() {
      const names = await readdir(backupsDir).catch(() => [] as string[])
      for (const name of names.filter(isAtomicTempName))
        await unlink(join(backupsDir, name)).catch(() => undefined)
    },

    async dispose() {
      for (const id of [...writes.keys()]) await store.abort(id)
      for (const id of [...reads.keys()]) await store.closeRead(id)
    }
  }
  return store
}
