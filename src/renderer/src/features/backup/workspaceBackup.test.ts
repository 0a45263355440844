// @vitest-environment node
/**
 * Export → wipe → restore round trip on fake-indexeddb (Node's Blob survives its structured clone,
 * jsdom's does not: see db/migrations.test.ts), and a restore that hits a full disk.
 */
import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { encodeBody } from '@core/backup/codec'
import { WORKSPACE_SCHEMA_VERSION } from '@core/backup/format'
import type { RestoreChunk } from '@shared/ipc'
import { CURRENT_DB_VERSION, openDatabase, type WithheldDb } from '../../db/db'
import { v1 } from '../../db/fixtures/v1'
import { v3 } from '../../db/fixtures/v3'
import type { ReleaseRow } from '../../db/rows'
import {
  BACKUP_TABLES,
  blobAdapter,
  readWorkspaceBackup,
  replaceWorkspace,
  snapshotWorkspace,
  writeWorkspaceBackup,
  type BackupApi,
  type OpenedBackup
} from './workspaceBackup'

const opened: WithheldDb[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})
let seq = 0
function freshDb(): WithheldDb {
  const db = openDatabase(`withheld-backup-test-${++seq}`)
  opened.push(db)
  return db
}

const pdf = new Uint8Array(6_000_000).map((_, i) => (i * 13) & 0xff)

async function seed(db: WithheldDb): Promise<void> {
  // The newest fixture: every table, OCR words and leak audits included.
  const rows = structuredClone(v3.rows)
  await db.transaction('rw', [...BACKUP_TABLES], async () => {
    for (const [table, list] of Object.entries(rows)) {
      await db.table(table).bulkPut(
        list.map((row) => {
          if (table !== 'files') return row
          const { bytesBase64: _, ...rest } = row
          return { ...rest, bytes: new Blob([pdf], { type: 'application/pdf' }) }
        })
      )
    }
    // An undoable delete holds the PDF's bytes inside its history entry.
    await db.history.add({
      at: 1790000900000,
      label: 'Delete document old.pdf',
      undo: [
        { op: 'put', table: 'files', row: { documentId: 'old', bytes: new Blob([pdf.subarray(0, 999)]) } }
      ],
      redo: [{ op: 'delete', table: 'files', key: 'old' }],
      undone: false
    })
  })
}

/** Main stand-in: keeps the body in memory and streams it back in 1 MiB reads. */
function memoryApi() {
  const chunks: Uint8Array[] = []
  let facts: unknown = null
  const api: BackupApi = {
    beginBackup: async () => 'w1',
    writeBackup: async (_id, chunk) => {
      chunks.push(chunk.slice())
      return { ok: true }
    },
    finishBackup: async (_id, f) => {
      facts = f
      return { ok: true, fileName: 'b', byteSize: 0, createdAt: f.createdAt }
    },
    abortBackup: async () => undefined,
    readRestore: async (): Promise<RestoreChunk> => {
      const body = new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer())
      const at = reads++ * 1_048_576
      const bytes = body.subarray(at, at + 1_048_576)
      return { bytes, done: at + bytes.byteLength >= body.byteLength, intact: true }
    },
    closeRestore: async () => undefined
  }
  let reads = 0
  return { api, facts: () => facts as { counts: Record<string, number> } }
}

async function dump(db: WithheldDb): Promise<Record<string, unknown>> {
  const materialise = async (value: unknown): Promise<unknown> => {
    if (value instanceof Blob) {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await value.arrayBuffer()))
      return {
        type: value.type,
        size: value.size,
        sha256: Array.from(digest, (b) => b.toString(16)).join('')
      }
    }
    if (Array.isArray(value)) return Promise.all(value.map(materialise))
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) out[k] = await materialise(v)
      return out
    }
    return value
  }
  const out: Record<string, unknown> = {}
  for (const name of BACKUP_TABLES) out[name] = await materialise(await db.table(name).toArray())
  return out
}

describe('workspace backup', () => {
  it('knows the database version main checks backups against', () => {
    expect(WORKSPACE_SCHEMA_VERSION).toBe(CURRENT_DB_VERSION)
  })

  it('round-trips every table losslessly, PDF bytes included: export → wipe → restore', async () => {
    const source = freshDb()
    await seed(source)
    const before = await dump(source)
    const { api, facts } = memoryApi()
    const progress: { bytes: number; totalBytes: number }[] = []
    const saved = await writeWorkspaceBackup(source, 'automatic', api, (p) => progress.push(p))
    expect(saved).toMatchObject({ ok: true })
    // About the size of the PDFs: the one file's 6 MB, then the rows and the history's copy on top.
    expect(progress[0]!.totalBytes).toBe(pdf.length)
    expect(progress.at(-1)!.bytes).toBeGreaterThan(pdf.length)
    expect(facts().counts).toMatchObject({
      releases: 1,
      documents: 1,
      files: 1,
      redactions: 2,
      pageWords: 1,
      documentAudits: 1,
      history: 2,
      blobs: 2
    })

    await source.delete()
    const target = freshDb()
    await target.open()
    const opened: OpenedBackup = {
      ok: true,
      readId: 'r1',
      fileName: 'b',
      createdAt: new Date().toISOString(),
      schemaVersion: 1,
      counts: facts().counts,
      byteSize: 0
    }
    await replaceWorkspace(target, await readWorkspaceBackup(opened, api))
    expect(await dump(target)).toEqual(before)
  })

  it('restores a version 1 backup, which has no pageWords table, and clears the words there were', async () => {
    const source = freshDb()
    await seed(source)
    const snapshot = await snapshotWorkspace(source)
    // What version 1 wrote: the same tables without pageWords.
    const asV1 = { ...snapshot, tables: snapshot.tables.filter((t) => t.name !== 'pageWords') }
    const { api } = memoryApi()
    const counts: Record<string, number> = {}
    for await (const chunk of encodeBody(asV1, blobAdapter, counts)) await api.writeBackup('w1', chunk)
    expect(counts).not.toHaveProperty('pageWords')

    const target = freshDb()
    await seed(target)
    const decoded = await readWorkspaceBackup(
      { ok: true, readId: 'r', fileName: 'b', createdAt: '', schemaVersion: 1, counts, byteSize: 0 },
      api
    )
    await replaceWorkspace(target, decoded)
    expect(await target.documents.count()).toBe(1)
    expect(await target.redactions.count()).toBe(2)
    expect(await target.pageWords.count()).toBe(0)
  })

  it('restores a version 2 backup, which has no documentAudits table, keeping its OCR words', async () => {
    const source = freshDb()
    await seed(source)
    const snapshot = await snapshotWorkspace(source)
    // What version 2 wrote: the same tables without documentAudits.
    const asV2 = { ...snapshot, tables: snapshot.tables.filter((t) => t.name !== 'documentAudits') }
    const { api } = memoryApi()
    const counts: Record<string, number> = {}
    for await (const chunk of encodeBody(asV2, blobAdapter, counts)) await api.writeBackup('w2', chunk)
    expect(counts).not.toHaveProperty('documentAudits')

    const target = freshDb()
    await seed(target)
    const decoded = await readWorkspaceBackup(
      { ok: true, readId: 'r', fileName: 'b', createdAt: '', schemaVersion: 2, counts, byteSize: 0 },
      api
    )
    await replaceWorkspace(target, decoded)
    expect(await target.documents.count()).toBe(1)
    expect(await target.pageWords.count()).toBe(1)
    // No audit in the backup: the document shows as not audited, never as clean.
    expect(await target.documentAudits.count()).toBe(0)
  })

  it('a restore that fills the disk changes nothing and says so', async () => {
    const source = freshDb()
    await seed(source)
    const { api, facts } = memoryApi()
    await writeWorkspaceBackup(source, 'automatic', api)
    const decoded = await readWorkspaceBackup(
      {
        ok: true,
        readId: 'r',
        fileName: 'b',
        createdAt: '',
        schemaVersion: 1,
        counts: facts().counts,
        byteSize: 0
      },
      api
    )

    const target = freshDb()
    await target.releases.put({
      ...(v1.rows.releases![0] as unknown as ReleaseRow),
      id: 'mine',
      name: 'Current work'
    })
    // The middleware joins the stack when the database opens.
    target.close()
    target.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name)
          if (name !== 'files') return table
          return {
            ...table,
            mutate: () =>
              Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
          }
        }
      })
    })
    await target.open()
    await expect(replaceWorkspace(target, decoded)).rejects.toThrow(
      'The restore stopped: the disk is full. Your workspace is unchanged; free some space and try again.'
    )
    expect((await target.releases.toArray()).map((r) => r.name)).toEqual(['Current work'])
    expect(await target.documents.count()).toBe(0)
  })

  it('refuses a backup whose stream was not intact', async () => {
    const source = freshDb()
    await seed(source)
    const { api, facts } = memoryApi()
    await writeWorkspaceBackup(source, 'automatic', api)
    const tampered: BackupApi = {
      ...api,
      readRestore: async (id) => ({ ...(await api.readRestore(id)), intact: false })
    }
    const opened: OpenedBackup = {
      ok: true,
      readId: 'r',
      fileName: 'b',
      createdAt: '',
      schemaVersion: 1,
      counts: facts().counts,
      byteSize: 0
    }
    await expect(readWorkspaceBackup(opened, tampered)).rejects.toThrow(/damaged while it was read/)
    await expect(readWorkspaceBackup({ ...opened, schemaVersion: 9 }, api)).rejects.toThrow(/newer version/)
  })
})
