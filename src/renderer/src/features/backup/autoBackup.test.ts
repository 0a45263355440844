// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { QUIET_BEFORE_BACKUP_MS } from '@core/backup/schedule'
import type { WorkspaceMarker } from '@shared/ipc'
import { openDatabase, type WithheldDb } from '../../db/db'
import type { DocumentRow } from '../../db/rows'
import { AutoBackup, MARKER_DEBOUNCE_MS, touchesWork, type AutoBackupApi, type Timers } from './autoBackup'

/** Timers run by hand: each entry is a pending callback and its delay. */
function manualTimers() {
  const pending = new Map<number, { run: () => void; delayMs: number }>()
  let next = 1
  const timers: Timers = {
    set: (run, delayMs) => {
      pending.set(next, { run, delayMs })
      return next++
    },
    clear: (handle) => void pending.delete(handle as number)
  }
  return { timers, delays: () => [...pending.values()].map((p) => p.delayMs).sort((a, b) => a - b), pending }
}

function fakeApi() {
  const markers: WorkspaceMarker[] = []
  const calls: string[] = []
  const api: AutoBackupApi = {
    beginBackup: async (target) => {
      calls.push(`begin ${target}`)
      return 'w'
    },
    writeBackup: async () => ({ ok: true }),
    finishBackup: async (_id, facts) => {
      calls.push('finish')
      return { ok: true, fileName: 'auto', byteSize: 1, createdAt: facts.createdAt }
    },
    abortBackup: async () => undefined,
    readRestore: async () => ({ bytes: new Uint8Array(), done: true, intact: true }),
    closeRestore: async () => undefined,
    writeWorkspaceMarker: async (marker) => void markers.push(marker),
    closeReady: async () => void calls.push('close-ready')
  }
  return { api, markers, calls }
}

const doc = (id: string): DocumentRow => ({
  id,
  releaseId: 'r',
  name: `${id}.pdf`,
  sha256: id.padEnd(64, '0'),
  byteSize: 1,
  pageCount: 1,
  producer: null,
  title: null,
  importedAt: 1,
  analysisState: 'done',
  analysisError: null,
  analysedPages: 1,
  engineVersion: null,
  isResponseLetter: false
})

const dbs: WithheldDb[] = []
const backups: AutoBackup[] = []
afterEach(async () => {
  for (const b of backups.splice(0)) b.stop()
  for (const db of dbs.splice(0)) await db.delete()
})

let seq = 0
async function setUp() {
  const db = openDatabase(`withheld-auto-${++seq}`)
  dbs.push(db)
  // Opening announces every table as changed (Dexie's "everything" set); the app starts after that.
  await db.open()
  await settle()
  const clock = { ms: Date.parse('2026-11-28T17:00:00Z') }
  const { timers, delays, pending } = manualTimers()
  const { api, markers, calls } = fakeApi()
  const auto = new AutoBackup({
    db,
    api,
    instanceId: 'inst-1',
    lastBackupMs: null,
    timers,
    now: () => clock.ms
  })
  backups.push(auto)
  auto.start()
  const fire = async (delayMs: number): Promise<void> => {
    for (const [id, p] of pending) {
      if (p.delayMs === delayMs) {
        pending.delete(id)
        p.run()
      }
    }
  }
  return { db, auto, delays, fire, markers, calls }
}

/** storagemutated is delivered after the commit, asynchronously. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20))

describe('automatic backups', () => {
  it('read only work tables of this database from change events', () => {
    expect(touchesWork({ 'idb://withheld/redactions/': {} }, 'withheld')).toBe(true)
    expect(touchesWork({ 'idb://withheld/viewState/': {} }, 'withheld')).toBe(false)
    expect(touchesWork({ 'idb://other/redactions/': {} }, 'withheld')).toBe(false)
  })

  it('a committed change schedules the marker and a backup after a pause; both run', async () => {
    const { db, auto, delays, fire, markers, calls } = await setUp()
    await db.documents.add(doc('a'))
    await settle()
    expect(auto.dirty).toBe(true)
    expect(delays()).toEqual([MARKER_DEBOUNCE_MS, QUIET_BEFORE_BACKUP_MS])
    await fire(MARKER_DEBOUNCE_MS)
    await vi.waitFor(() => expect(markers).toHaveLength(1))
    expect(markers).toEqual([
      { documentCount: 1, instanceId: 'inst-1', updatedAt: '2026-11-28T17:00:00.000Z' }
    ])
    await fire(QUIET_BEFORE_BACKUP_MS)
    await vi.waitFor(() => expect(auto.dirty).toBe(false))
    expect(calls).toEqual(['begin automatic', 'finish'])
    expect(delays()).toEqual([])
  })

  it('view state changes are not work', async () => {
    const { db, auto, delays } = await setUp()
    await db.viewState.put({ documentId: 'a', pageIndex: 3, zoom: 1.5, updatedAt: 1 })
    await settle()
    expect(auto.dirty).toBe(false)
    expect(delays()).toEqual([])
  })

  it('suspended while a reset is suspected: no marker, no backup until resumed', async () => {
    const { db, auto, delays, markers } = await setUp()
    auto.setSuspended(true)
    await db.documents.add(doc('b'))
    await settle()
    expect(delays()).toEqual([])
    await auto.backupNow()
    await auto.writeMarker()
    expect(markers).toEqual([])
    auto.setSuspended(false)
    expect(delays()).toEqual([MARKER_DEBOUNCE_MS, QUIET_BEFORE_BACKUP_MS])
  })

  it('on close backs up unsaved changes first, then lets the window close', async () => {
    const { db, auto, calls } = await setUp()
    await auto.beforeClose()
    expect(calls).toEqual(['close-ready'])
    await db.documents.add(doc('c'))
    await settle()
    await auto.beforeClose()
    expect(calls).toEqual(['close-ready', 'begin automatic', 'finish', 'close-ready'])
  })
})
