// @vitest-environment node
// Re-analysing a document (e.g. its scans at a higher resolution): the run carries its options to the
// worker, decisions stay on boxes found again, detected boxes no longer found go, manual boxes stay.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DocumentAudit, PageRect, ScanPage, ScanRedaction } from '@core/types'
import type { AnalysisEvent } from '@shared/analysis'
import type { AnalysisStart } from '@shared/ipc'
import { openDatabase, type WithheldDb } from '../../db/db'
import { createAnalysisQueue, type AnalysisApi } from './analysisQueue'
import { detectedRedactionId, writeAnalysisEvents } from './analysisWrites'
import { importIntoLibrary } from './importIntoLibrary'

let db: WithheldDb
let n = 0
beforeEach(async () => {
  db = openDatabase(`reanalysis-${++n}`)
  await db.open()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

const meta: AnalysisEvent = {
  type: 'meta',
  meta: {
    pageCount: 1,
    producer: 'Scanner',
    title: null,
    encrypted: false,
    pages: [{ index: 0, width: 595, height: 842, rotation: 0, hasTextLayer: false }]
  }
}
const box = (bbox: PageRect): ScanRedaction => ({
  bbox,
  kind: 'black',
  source: 'raster',
  confidence: 0.95,
  label: null,
  grounds: [],
  leak: null,
  leakedText: null,
  evidence: [],
  status: 'found',
  passage: null
})
const scan = (boxes: PageRect[]): ScanPage => ({
  index: 0,
  width: 595,
  height: 842,
  rotation: 0,
  scanned: true,
  hasTextLayer: false,
  withheldInFull: false,
  redactions: boxes.map(box)
})
const run = (boxes: PageRect[]): AnalysisEvent[] => [
  meta,
  { type: 'page', page: scan(boxes) },
  { type: 'done', regime: 'unknown' }
]

const A: PageRect = [72, 100, 200, 114]
const B: PageRect = [72, 200, 260, 214]
const C: PageRect = [72, 300, 180, 314]
const NEW: PageRect = [72, 150, 150, 164]

async function importOne(): Promise<string> {
  const bytes = new TextEncoder().encode('%PDF-')
  const { added } = await importIntoLibrary(
    db,
    [{ name: 'scan.pdf', byteSize: bytes.length, sha256: 's'.padEnd(64, '0'), bytes }],
    null
  )
  return added[0]!.id
}

describe('re-analysis', () => {
  it('keeps decisions on the same boxes, drops boxes no longer found, never touches manual ones', async () => {
    const id = await importOne()
    await writeAnalysisEvents(db, id, run([A, B, C]))
    await db.redactions.update(detectedRedactionId(id, 0, 1), { status: 'accepted', note: 'B is fine' })
    await db.redactions.update(detectedRedactionId(id, 0, 2), { status: 'disputed', note: 'C?' })
    await db.redactions.put({
      id: 'manual-1',
      documentId: id,
      pageIndex: 0,
      pageRect: [300, 500, 400, 520],
      kind: 'black',
      origin: 'manual',
      source: null,
      confidence: 1,
      grounds: [],
      label: null,
      status: 'accepted',
      note: 'drawn by me',
      leak: null,
      createdAt: 1,
      updatedAt: 1
    })

    // At a higher resolution: a new box before B (shifting B's order), B a little tighter, C gone.
    await writeAnalysisEvents(db, id, run([A, NEW, [73, 200.5, 259, 214]]))
    const rows = await db.redactions.where('documentId').equals(id).toArray()
    const byNote = (note: string) => rows.find((r) => r.note === note)
    expect(rows).toHaveLength(4)
    expect(byNote('B is fine')).toMatchObject({ id: detectedRedactionId(id, 0, 2), status: 'accepted' })
    expect(byNote('C?')).toBeUndefined()
    expect(await db.redactions.get(detectedRedactionId(id, 0, 1))).toMatchObject({
      pageRect: NEW,
      status: 'unreviewed',
      note: ''
    })
    expect(byNote('drawn by me')).toMatchObject({ id: 'manual-1', origin: 'manual' })

    // Fewer boxes than before: the rows past the new count go.
    await writeAnalysisEvents(db, id, run([A]))
    const left = await db.redactions.where('documentId').equals(id).toArray()
    expect(left.map((r) => r.id).sort()).toEqual([detectedRedactionId(id, 0, 0), 'manual-1'].sort())
  })

  it('stores a scanned page’s OCR words and replaces them on the next run', async () => {
    const id = await importOne()
    const word = (text: string, pageRect: PageRect) => ({ text, pageRect, confidence: 90 })
    const withWords = (words: ReturnType<typeof word>[]): AnalysisEvent[] => [
      meta,
      { type: 'page', page: { ...scan([A]), ocrWords: words } },
      { type: 'done', regime: 'unknown' }
    ]
    await writeAnalysisEvents(db, id, withWords([word('takahe', [72, 300, 110, 312])]))
    expect((await db.pageWords.get([id, 0]))?.words.map((w) => w.text)).toEqual(['takahe'])
    await writeAnalysisEvents(db, id, withWords([word('kakapo', [72, 320, 110, 332])]))
    expect((await db.pageWords.get([id, 0]))?.words).toEqual([word('kakapo', [72, 320, 110, 332])])
    // A run that sends the page without words (read without OCR) leaves none behind.
    await writeAnalysisEvents(db, id, run([A]))
    expect(await db.pageWords.count()).toBe(0)
  })

  it('stores the leak audit without any recovered text, replaces it, and drops it after a run without one', async () => {
    const id = await importOne()
    const finding = {
      kind: 'metadata',
      where: 'document information: Subject',
      pageIndex: null,
      leak: { kind: 'metadata', chars: 11, sha256: 'a'.repeat(64) },
      text: 'Jane Citizen'
    } as const
    const audited = (audit: DocumentAudit): AnalysisEvent[] => [
      ...run([A]).slice(0, -1),
      { type: 'done', regime: 'unknown', audit }
    ]
    const leaks: DocumentAudit = {
      verdict: 'leaks',
      checked: ['metadata'],
      unread: [],
      counts: { metadata: 1 },
      findings: [finding]
    }
    await writeAnalysisEvents(db, id, audited(leaks))
    const stored = (await db.documentAudits.get(id))?.audit
    expect(stored?.verdict).toBe('leaks')
    expect(stored?.findings).toEqual([{ ...finding, text: null }])
    expect(JSON.stringify(stored)).not.toContain('Jane')

    const unread = [{ what: 'revision 1 of 2', why: 'its cross-reference table is damaged' }]
    await writeAnalysisEvents(
      db,
      id,
      audited({ verdict: 'incomplete', checked: [], unread, counts: {}, findings: [] })
    )
    expect((await db.documentAudits.get(id))?.audit).toMatchObject({ verdict: 'incomplete', unread })

    await writeAnalysisEvents(db, id, run([A]))
    expect(await db.documentAudits.get(id)).toBeUndefined()
  })

  it('sends the run its options, over the defaults', async () => {
    const id = await importOne()
    const starts: AnalysisStart[] = []
    const events: { listener: ((jobId: string, event: AnalysisEvent) => void) | null } = { listener: null }
    const api: AnalysisApi = {
      // Holds no imported bytes (as after a restart): the queue sends them from the library.
      startAnalysis: async (start) => {
        if (!start.bytes) return 'bytes-needed'
        starts.push(start)
        return 'started'
      },
      cancelAnalysis: async () => {},
      onAnalysisEvent: (l) => {
        events.listener = l
        return () => (events.listener = null)
      }
    }
    const queue = createAnalysisQueue(db, api, (e) => expect.fail(String(e)))
    queue.enqueue(id, undefined, { rasterDpi: 200 })
    for (let i = 0; i < 200 && starts.length === 0; i++) await new Promise((r) => setTimeout(r, 5))
    expect(starts[0]?.options).toEqual({ revealLeaks: false, pageText: true, rasterDpi: 200 })
    for (const event of run([A])) events.listener?.(starts[0]!.jobId, event)
    await queue.idle()
    expect((await db.documents.get(id))?.analysisState).toBe('done')
    queue.dispose()
  })
})
