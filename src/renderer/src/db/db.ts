/**
 * The renderer's one IndexedDB database (architecture.md, "Storage"). Owns the schema and its
 * versions: every released `version(n)` stays declared forever, each dated, and each has a fixture in
 * ./fixtures/ that migrations.test.ts opens with the current code (security.md D6).
 *
 * Opened with strict durability: Chrome ≥ 121 defaults readwrite transactions to "relaxed" (commit once
 * the OS buffer has them); a user's review work should survive a power cut (security.md D4).
 */
import { Dexie, type EntityTable, type Table } from 'dexie'
import type {
  DocumentAuditRow,
  DocumentRow,
  FileRow,
  HistoryRow,
  PageRow,
  PageWordsRow,
  RedactionRow,
  ReleaseRow,
  ViewStateRow
} from './rows'

export const DATABASE_NAME = 'withheld'

export type WithheldDb = Dexie & {
  releases: EntityTable<ReleaseRow, 'id'>
  documents: EntityTable<DocumentRow, 'id'>
  files: EntityTable<FileRow, 'documentId'>
  pages: Table<PageRow, [string, number]>
  pageWords: Table<PageWordsRow, [string, number]>
  documentAudits: EntityTable<DocumentAuditRow, 'documentId'>
  redactions: EntityTable<RedactionRow, 'id'>
  viewState: EntityTable<ViewStateRow, 'documentId'>
  history: EntityTable<HistoryRow, 'id'>
}

/** Version 1, 2026-11-28: the architecture's data model. Never edit; add version(2) below it. */
export const SCHEMA_V1 = {
  releases: 'id, updatedAt',
  documents: 'id, &sha256, releaseId, importedAt',
  files: 'documentId',
  pages: '[documentId+pageIndex], documentId',
  redactions: 'id, documentId, [documentId+pageIndex], status, *grounds',
  viewState: 'documentId',
  history: '++id, at'
} as const

/**
 * Version 2, 2026-12-07: adds `pageWords`, the OCR words of scanned pages for search (issue 10 point
 * 8). Only a table is added, so every version 1 row is a version 2 row as it stands; documents
 * analysed before it have no words until they are analysed again. Never edit; add version(3) below.
 */
export const SCHEMA_V2 = { ...SCHEMA_V1, pageWords: '[documentId+pageIndex], documentId' } as const

/**
 * Version 3, 2026-12-07: adds `documentAudits`, each document's deep leak audit and verdict (issue
 * 13). Only a table is added, so every version 2 row is a version 3 row as it stands; documents
 * analysed before it have no audit ("Not audited") until they are analysed again. Never edit; add
 * version(4) below.
 */
export const SCHEMA_V3 = { ...SCHEMA_V2, documentAudits: 'documentId' } as const

/** The version this code writes; a database above it was written by a newer Withheld. */
export const CURRENT_DB_VERSION = 3

/** A database handle with every version declared. Does not open it (Dexie opens on first use). */
export function openDatabase(name: string = DATABASE_NAME): WithheldDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as WithheldDb
  db.version(1).stores(SCHEMA_V1)
  db.version(2).stores(SCHEMA_V2)
  db.version(3).stores(SCHEMA_V3)
  return db
}

/** The app's database. */
export const withheld: WithheldDb = openDatabase()

export type OpenOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false
      readonly reason: 'newer-version' | 'blocked' | 'unavailable'
      readonly message: string
    }

/** Dexie stores version n as IndexedDB version n × 10 (+1 per automatic schema patch). */
function dexieVersionOf(nativeVersion: number): number {
  return Math.floor(nativeVersion / 10)
}

/**
 * The version already on disk, read without opening it: opening would let Dexie "patch" a newer
 * schema to match ours (Dexie 4 reopens a higher version instead of raising VersionError), and a
 * newer Withheld's library must not be touched (security.md D6).
 */
async function installedVersion(name: string): Promise<number | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null
  const found = (await indexedDB.databases()).find((d) => d.name === name)
  return found?.version === undefined ? null : dexieVersionOf(found.version)
}

const NEWER_VERSION_MESSAGE =
  'Your library was saved by a newer version of Withheld. Nothing has been changed; ' +
  'install the newer version to open it.'

/** Opens the database and says in words what went wrong, instead of letting the first query throw. */
export async function openForApp(db: WithheldDb): Promise<OpenOutcome> {
  try {
    const onDisk = await installedVersion(db.name)
    if (onDisk !== null && onDisk > CURRENT_DB_VERSION) {
      return { ok: false, reason: 'newer-version', message: NEWER_VERSION_MESSAGE }
    }
    await db.open()
    // Where databases() is missing, check after the fact and stop before any write.
    if (dexieVersionOf(db.backendDB().version) > CURRENT_DB_VERSION) {
      db.close()
      return { ok: false, reason: 'newer-version', message: NEWER_VERSION_MESSAGE }
    }
    return { ok: true }
  } catch (error) {
    const name = error instanceof Error ? error.name : ''
    if (name === Dexie.errnames.Version) {
      return { ok: false, reason: 'newer-version', message: NEWER_VERSION_MESSAGE }
    }
    if (name === Dexie.errnames.DatabaseClosed || name === 'BlockedError') {
      return {
        ok: false,
        reason: 'blocked',
        message: 'Another Withheld window is holding the library open. Close it and reload.'
      }
    }
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: 'unavailable', message: `The library could not be opened: ${detail}` }
  }
}

/**
 * Asks the browser not to evict our storage (Electron grants it for every origin anyway; plain
 * Chromium in tests says no) and logs what it answered and how much room is left, for a bug report
 * about lost data (security.md D2). Best effort: a refusal changes nothing the user can act on.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    const persisted = (await navigator.storage?.persist?.()) ?? false
    const estimate = await navigator.storage?.estimate?.()
    const mb = (bytes: number | undefined): string => (bytes === undefined ? '?' : (bytes / 1e6).toFixed(1))
    console.info(`storage: persisted=${persisted}, using ${mb(estimate?.usage)} of ${mb(estimate?.quota)} MB`)
    return persisted
  } catch {
    return false
  }
}
