// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ScanPage } from '@core/types'
import type { AnalysisEvent } from '@shared/analysis'
import type { AnalysisStart, ImportedFile } from '@shared/ipc'
import { openDatabase, type WithheldDb } from '../../db/db'
import { createAnalysisQueue, type AnalysisApi } from './analysisQueue'
import { detectedRedactionId, writeAnalysisEvent, writeAnalysisEvents } from './analysisWrites'
import { importIntoLibrary, UNSORTED_RELEASE_NAME } from './importIntoLibrary'

let db: WithheldDb
let n = 0
beforeEach(async () => {
  db = openDatabase(`import-${++n}`)
  await db.open()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

const file = (name: string, sha: string): ImportedFile => ({
  name,
  byteSize: 5,
  sha256: sha.padEnd(64, '0'),
  bytes: new TextEncoder().encode('%PDF-')
})

const meta: AnalysisEvent = {
  type: 'meta',
  meta: {
    pageCount: 2,
    producer: 'Word',
    title: 'Briefing',
    encrypted: false,
    pages: [0, 1].map((index) => ({ index, width: 595, height: 842, rotation: 0, hasTextLayer: true }))
  }
}
const page = (index: number, boxes: number): ScanPage => ({
  index,
  width: 595,
  height: 842,
  rotation: 0,
  scanned: false,
  hasTextLayer: true,
  withheldInFull: false,
  redactions: Array.from({ length: boxes }, (_, i) => ({
    bbox: [72, 100 + i * 20, 300, 114 + i * 20] as const,
    kind: 'black' as const,
    source: 'vector' as const,
    confidence: 0.9,
    label: 's9(2)(a)',
    grounds: ['9(2)(a)'],
    leak: null,
    leakedText: null,
    evidence: [],
    status: 'found',
    passage: null
  }))
})

describe('importIntoLibrary', () => {
  it('stores new files in an Unsorted release and reports duplicates by sha256', async () => {
    const first = await importIntoLibrary(db, [file('a.pdf', 'a'), file('b.pdf', 'b')], null)
    expect(first.added.map((d) => d.name)).toEqual(['a.pdf', 'b.pdf'])
    expect((await db.releases.get(first.releaseId))?.name).toBe(UNSORTED_RELEASE_NAME)
    expect(await db.files.count()).toBe(2)

    const again = await importIntoLibrary(
      db,
      [file('renamed-a.pdf', 'a'), file('c.pdf', 'c')],
      first.releaseId
    )
    expect(again.added.map((d) => d.name)).toEqual(['c.pdf'])
    expect(again.duplicates).toEqual([
      { name: 'renamed-a.pdf', existingId: first.added[0]!.id, existingName: 'a.pdf' }
    ])
    expect(await db.documents.count()).toBe(3)
    expect(await db.releases.count()).toBe(1)
  })

  it('puts files into the selected release', async () => {
    await db.releases.add({
      id: 'r1',
      name: 'MBIE',
      agency: '',
      requestRef: '',
      requestDate: '',
      responseDate: '',
      notes: '',
      regime: 'unknown',
      createdAt: 1,
      updatedAt: 1
    })
    const result = await importIntoLibrary(db, [file('a.pdf', 'a')], 'r1')
    expect(result.added[0]?.releaseId).toBe('r1')
  })
})

describe('writeAnalysisEvent', () => {
  it('writes pages, redactions, progress and the final state; a re-run keeps user decisions', async () => {
    const { added, releaseId } = await importIntoLibrary(db, [file('a.pdf', 'a')], null)
    const id = added[0]!.id
    await writeAnalysisEvent(db, id, meta)
    expect(await db.documents.get(id)).toMatchObject({
      pageCount: 2,
      producer: 'Word',
      analysisState: 'running'
    })
    expect(await db.pages.where('documentId').equals(id).count()).toBe(2)
    await writeAnalysisEvent(db, id, { type: 'page', page: page(0, 2) })
    expect((await db.documents.get(id))?.analysedPages).toBe(1)
    await db.redactions.update(detectedRedactionId(id, 0, 1), { status: 'disputed', note: 'why?' })
    // An interrupted analysis runs again from the start.
    await writeAnalysisEvent(db, id, meta)
    await writeAnalysisEvent(db, id, { type: 'page', page: page(0, 2) })
    await writeAnalysisEvent(db, id, { type: 'page', page: page(1, 1) })
    await writeAnalysisEvent(db, id, { type: 'done', regime: 'nz-oia' })
    expect(await db.redactions.where('documentId').equals(id).count()).toBe(3)
    expect(await db.redactions.get(detectedRedactionId(id, 0, 1))).toMatchObject({
      status: 'disputed',
      note: 'why?'
    })
    expect(await db.documents.get(id)).toMatchObject({ analysisState: 'done', analysedPages: 2 })
    expect((await db.releases.get(releaseId))?.regime).toBe('nz-oia')
  })

  it('writes a batch of events in order, in one transaction', async () => {
    const { added } = await importIntoLibrary(db, [file('a.pdf', 'a'), file('b.pdf', 'b')], null)
    const [a, b] = [added[0]!.id, added[1]!.id]
    const events: AnalysisEvent[] = [
      meta,
      { type: 'page', page: page(0, 2) },
      { type: 'page', page: page(1, 1) },
      { type: 'done', regime: 'us-foia' }
    ]
    await writeAnalysisEvents(db, a, events)
    for (const event of events) await writeAnalysisEvent(db, b, event)
    const strip = async (id: string) => {
      const { id: _id, sha256: _sha, name: _name, importedAt: _at, ...rest } = (await db.documents.get(id))!
      return rest
    }
    expect(await strip(a)).toEqual(await strip(b))
    expect(await strip(a)).toMatchObject({ analysisState: 'done', analysedPages: 2, pageCount: 2 })
    expect(await db.redactions.where('documentId').equals(a).count()).toBe(3)
    // A batch that breaks part-way leaves nothing of itself behind.
    const c = (await importIntoLibrary(db, [file('c.pdf', 'c')], null)).added[0]!.id
    const broken = { type: 'page', page: { ...page(0, 1), redactions: null } } as unknown as AnalysisEvent
    await expect(writeAnalysisEvents(db, c, [meta, broken])).rejects.toThrow()
    expect(await db.pages.where('documentId').equals(c).count()).toBe(0)
    expect((await db.documents.get(c))?.analysisState).toBe('pending')
  })

  it('marks password and other failures, and ignores deleted documents', async () => {
    const { added } = await importIntoLibrary(db, [file('a.pdf', 'a'), file('b.pdf', 'b')], null)
    await writeAnalysisEvent(db, added[0]!.id, {
      type: 'failed',
      reason: 'password',
      message: 'Needs a password.'
    })
    await writeAnalysisEvent(db, added[1]!.id, {
      type: 'failed',
      reason: 'timeout',
      message: 'Took too long.'
    })
    expect(await db.documents.get(added[0]!.id)).toMatchObject({
      analysisState: 'needs-password',
      analysisError: 'Needs a password.'
    })
    expect(await db.documents.get(added[1]!.id)).toMatchObject({
      analysisState: 'failed',
      analysisError: 'Took too long.'
    })
    await writeAnalysisEvent(db, 'gone', meta)
    expect(await db.pages.where('documentId').equals('gone').count()).toBe(0)
  })
})

/**
 * A main process stand-in: records the analyses it started; the test sends events when it wants to.
 * It holds the imported bytes of the files in `held` (by SHA-256) and answers `bytes-needed` to a
 * start that names any other file by hash, as main does after a restart.
 */
function fakeApi(held: ReadonlySet<string> = new Set()) {
  const starts: AnalysisStart[] = []
  const cancelled: string[] = []
  let listener: ((jobId: string, event: AnalysisEvent) => void) | null = null
  const api: AnalysisApi = {
    startAnalysis: async (start) => {
      if (!start.bytes && !held.has(start.sha256 ?? '')) return 'bytes-needed'
      starts.push(start)
      return 'started'
    },
    cancelAnalysis: async (jobId) => void cancelled.push(jobId),
    onAnalysisEvent: (l) => {
      listener = l
      return () => (listener = null)
    }
  }
  const emit = (jobId: string, event: AnalysisEvent): void => listener?.(jobId, event)
  return { api, starts, cancelled, emit }
}

const until = async (check: () => boolean | Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 5))
  if (!(await check())) throw new Error('condition never held')
}

describe('analysis queue', () => {
  it('runs at most two at once, in order, and writes their events', async () => {
    const { added } = await importIntoLibrary(
      db,
      ['a', 'b', 'c'].map((s) => file(`${s}.pdf`, s)),
      null
    )
    const { api, starts, emit } = fakeApi()
    const queue = createAnalysisQueue(db, api, (e) => expect.fail(String(e)))
    for (const d of added) queue.enqueue(d.id)
    await until(() => starts.length === 2)
    expect(starts.map((s) => s.fileName)).toEqual(['a.pdf', 'b.pdf'])
    expect(starts[0]?.options).toEqual({ revealLeaks: false, pageText: true })
    expect(new TextDecoder().decode(starts[0]!.bytes)).toBe('%PDF-')
    emit(starts[0]!.jobId, meta)
    emit(starts[0]!.jobId, { type: 'page', page: page(0, 1) })
    emit(starts[0]!.jobId, { type: 'page', page: page(1, 0) })
    emit(starts[0]!.jobId, { type: 'done', regime: 'unknown' })
    await until(() => starts.length === 3)
    expect(starts[2]?.fileName).toBe('c.pdf')
    expect(await db.documents.get(added[0]!.id)).toMatchObject({ analysisState: 'done', pageCount: 2 })
    emit(starts[1]!.jobId, { type: 'failed', reason: 'invalid', message: 'Not a PDF.' })
    emit(starts[2]!.jobId, { type: 'failed', reason: 'password', message: 'Password.' })
    await queue.idle()
    expect((await db.documents.toArray()).map((d) => d.analysisState).sort()).toEqual([
      'done',
      'failed',
      'needs-password'
    ])
    queue.dispose()
  })

  it('names a file main still holds by its hash instead of sending the bytes back', async () => {
    const { added } = await importIntoLibrary(
      db,
      ['a', 'b'].map((s) => file(`${s}.pdf`, s)),
      null
    )
    const { api, starts } = fakeApi(new Set(['a'.padEnd(64, '0')]))
    const queue = createAnalysisQueue(db, api, (e) => expect.fail(String(e)))
    for (const d of added) queue.enqueue(d.id)
    await until(() => starts.length === 2)
    expect(starts[0]).toMatchObject({ fileName: 'a.pdf', sha256: 'a'.padEnd(64, '0') })
    expect(starts[0]!.bytes).toBeUndefined()
    // b.pdf is no longer held: its bytes come from the library.
    expect(starts[1]!.sha256).toBeUndefined()
    expect(new TextDecoder().decode(starts[1]!.bytes)).toBe('%PDF-')
    queue.dispose()
  })

  it('re-queues documents left pending or running, and passes a password through once', async () => {
    const { added } = await importIntoLibrary(
      db,
      ['a', 'b', 'c'].map((s) => file(`${s}.pdf`, s)),
      null
    )
    await db.documents.update(added[1]!.id, { analysisState: 'running' })
    await db.documents.update(added[2]!.id, { analysisState: 'done' })
    const { api, starts, cancelled } = fakeApi()
    const queue = createAnalysisQueue(db, api, (e) => expect.fail(String(e)))
    await queue.resumeInterrupted()
    await until(() => starts.length === 2)
    expect(starts.map((s) => s.fileName)).toEqual(['a.pdf', 'b.pdf'])
    queue.cancel(added[0]!.id)
    expect(cancelled).toEqual([starts[0]!.jobId])
    queue.enqueue(added[2]!.id, 'secret')
    await until(() => starts.length === 3)
    expect(starts[2]).toMatchObject({ fileName: 'c.pdf', password: 'secret' })
    queue.dispose()
  })
})
