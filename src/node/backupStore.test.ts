import { open, readdir, readFile, rm, truncate, writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BodyDecoder, encodeBody, type BinaryAdapter } from '@core/backup/codec'
import { encodeHeader, HEADER_BYTES, buildHeader } from '@core/backup/format'
import { createBackupStore, type BackupStore } from './backupStore'
import type { OpenForWrite } from './atomicWrite'

const blobs: BinaryAdapter<Blob> = {
  is: (value): value is Blob => value instanceof Blob,
  size: (value) => value.size,
  type: (value) => value.type,
  read: async (value, start, end) => new Uint8Array(await value.slice(start, end).arrayBuffer()),
  make: (parts, type) => new Blob(parts as Uint8Array<ArrayBuffer>[], { type })
}

let dir: string
let clock: number
let store: BackupStore
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'withheld-backups-'))
  clock = Date.parse('2026-11-28T17:00:00.000Z')
  store = createBackupStore({ userDataDir: dir, maxSchemaVersion: 1, now: () => new Date((clock += 60_000)) })
})
afterEach(async () => {
  await store.dispose()
  await rm(dir, { recursive: true, force: true })
})

// Larger than several restore chunks.
const pdf = new Uint8Array(5_000_000).map((_, i) => (i * 7) & 0xff)
const snapshot = {
  tables: [
    { name: 'documents', rows: [{ id: 'd1', name: 'briefing.pdf' }] },
    { name: 'files', rows: [{ documentId: 'd1', bytes: new Blob([pdf]) }] }
  ],
  settings: {}
}

async function writeBackup(target: Parameters<BackupStore['beginWrite']>[0], s: BackupStore = store) {
  const counts: Record<string, number> = {}
  const writeId = await s.beginWrite(target)
  for await (const chunk of encodeBody(snapshot, blobs, counts, 1 << 20)) {
    const step = await s.write(writeId, chunk)
    if (!step.ok) return step
  }
  return s.finish(writeId, { createdAt: new Date(clock).toISOString(), schemaVersion: 1, counts })
}

async function readBack(source: Parameters<BackupStore['openRead']>[0]) {
  const opened = await store.openRead(source)
  if (!opened.ok) return opened
  const decoder = new BodyDecoder(blobs, ['documents', 'files'])
  for (;;) {
    const chunk = await store.read(opened.readId)
    decoder.push(chunk.bytes)
    if (chunk.done) return { ...opened, intact: chunk.intact, decoded: decoder.finish(opened.counts) }
  }
}

describe('backup store', () => {
  it('writes a chosen file atomically and streams it back intact', async () => {
    const path = join(dir, 'My backup.withheld-backup')
    const saved = await writeBackup({ kind: 'file', path })
    expect(saved).toMatchObject({ ok: true, fileName: 'My backup.withheld-backup' })
    expect(await readdir(dir)).toEqual(['My backup.withheld-backup'])
    const back = await readBack({ kind: 'file', path })
    if (!back.ok) throw new Error(back.message)
    expect(back.intact).toBe(true)
    expect(back.counts).toMatchObject({ documents: 1, files: 1, blobs: 1, blobBytes: pdf.length })
    const file = back.decoded.tables.get('files')![0] as { bytes: Blob }
    expect(Buffer.compare(new Uint8Array(await file.bytes.arrayBuffer()), pdf)).toBe(0)
  })

  it('keeps the newest five automatic backups and the before-restore copies apart', async () => {
    for (let i = 0; i < 7; i++) expect((await writeBackup({ kind: 'automatic' })).ok).toBe(true)
    expect((await writeBackup({ kind: 'before-restore' })).ok).toBe(true)
    const listed = await store.list()
    expect(listed.map((b) => b.kind)).toEqual(['before-restore', ...Array(5).fill('automatic')])
    expect(listed[1]!.createdAt > listed[2]!.createdAt).toBe(true)
    expect(await readdir(store.backupsDir)).toHaveLength(6)
    const back = await readBack({ kind: 'stored', fileName: listed[1]!.fileName })
    expect(back).toMatchObject({ ok: true, intact: true })
  })

  it('says the disk is full, removes the partial file and keeps earlier backups', async () => {
    expect((await writeBackup({ kind: 'automatic' })).ok).toBe(true)
    const before = await readdir(store.backupsDir)
    const fillsUp: OpenForWrite = async (path) => {
      const real = await open(path, 'wx')
      let written = 0
      return {
        write: (async (buffer: Uint8Array, offset = 0, length = buffer.byteLength, position = null) => {
          written += length
          if (written > 3_000_000) throw Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' })
          return real.write(buffer, offset, length, position)
        }) as never,
        sync: () => real.sync(),
        close: () => real.close()
      }
    }
    const full = createBackupStore({ userDataDir: dir, maxSchemaVersion: 1, openFile: fillsUp })
    const result = await writeBackup({ kind: 'automatic' }, full)
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/^The disk is full.*workspace is unchanged/)
    })
    expect(await readdir(store.backupsDir)).toEqual(before)
  })

  it('refuses damaged, truncated, foreign and newer files with a sentence each', async () => {
    const path = join(dir, 'b.withheld-backup')
    await writeBackup({ kind: 'file', path })
    const bytes = await readFile(path)

    bytes[HEADER_BYTES + 100] = bytes[HEADER_BYTES + 100]! ^ 0xff
    await writeFile(join(dir, 'flipped'), bytes)
    expect(await store.openRead({ kind: 'file', path: join(dir, 'flipped') })).toEqual({
      ok: false,
      message: expect.stringMatching(/^The backup is damaged/)
    })

    await writeFile(join(dir, 'cut'), bytes)
    await truncate(join(dir, 'cut'), bytes.length - 1000)
    expect(await store.openRead({ kind: 'file', path: join(dir, 'cut') })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The backup is incomplete/)
    })

    await writeFile(join(dir, 'pdf'), '%PDF-1.7\n')
    expect(await store.openRead({ kind: 'file', path: join(dir, 'pdf') })).toMatchObject({
      message: 'This file is not a Withheld workspace backup.'
    })

    const newer = Buffer.concat([
      encodeHeader({
        ...buildHeader({
          createdAt: new Date().toISOString(),
          schemaVersion: 1,
          counts: {},
          bodyBytes: 0,
          sha256: '0'.repeat(64)
        }),
        version: 2
      })
    ])
    await writeFile(join(dir, 'newer'), newer)
    expect(await store.openRead({ kind: 'file', path: join(dir, 'newer') })).toMatchObject({
      message: expect.stringMatching(/newer version of Withheld/)
    })

    expect(await store.openRead({ kind: 'file', path: join(dir, 'absent') })).toMatchObject({
      message: 'The backup file is no longer there.'
    })
    expect(await store.openRead({ kind: 'stored', fileName: '../b.withheld-backup' })).toMatchObject({
      message: 'There is no such backup.'
    })
  })

  it('keeps the workspace marker and cleans temp files left by a kill', async () => {
    expect(await store.readMarker()).toBeNull()
    const marker = { documentCount: 3, instanceId: 'i-1', updatedAt: '2026-11-28T17:00:00.000Z' }
    await store.writeMarker(marker)
    expect(await store.readMarker()).toEqual(marker)
    expect(JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8'))).toEqual(marker)

    const writeId = await store.beginWrite({ kind: 'automatic' })
    await store.write(writeId, new Uint8Array(10))
    expect(await readdir(store.backupsDir)).toHaveLength(1) // the temp file of an unfinished backup
    await store.cleanUp()
    expect(await readdir(store.backupsDir)).toEqual([])
    expect(await store.list()).toEqual([])
  })
})
