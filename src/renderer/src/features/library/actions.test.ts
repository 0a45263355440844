// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type WithheldDb } from '../../db/db'
import { historyLabels, MAX_HISTORY_ENTRIES, recordAction, redo, undo } from '../../db/history'
import type { DocumentRow } from '../../db/rows'
import {
  createRelease,
  deleteDocument,
  deleteRelease,
  EMPTY_RELEASE_FIELDS,
  moveDocument,
  updateRelease
} from './actions'

let db: WithheldDb
let n = 0
beforeEach(async () => {
  db = openDatabase(`actions-${++n}`)
  await db.open()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

function doc(id: string, releaseId: string): DocumentRow {
  return {
    id,
    releaseId,
    name: `${id}.pdf`,
    sha256: id.padEnd(64, '0'),
    byteSize: 1000,
    pageCount: 1,
    producer: null,
    title: null,
    importedAt: 1,
    analysisState: 'done',
    analysisError: null,
    analysedPages: 1,
    engineVersion: null,
    isResponseLetter: false
  }
}

async function seedDocument(id: string, releaseId: string): Promise<void> {
  await db.documents.add(doc(id, releaseId))
  await db.files.add({ documentId: id, bytes: new Blob(['%PDF-']) })
  await db.pages.add({
    documentId: id,
    pageIndex: 0,
    width: 600,
    height: 800,
    rotation: 0,
    hasTextLayer: true,
    scanned: false,
    withheldInFull: false,
    error: null
  })
  await db.pageWords.add({
    documentId: id,
    pageIndex: 0,
    words: [{ text: 'takahe', pageRect: [72, 100, 110, 112], confidence: 92 }]
  })
  await db.documentAudits.add({
    documentId: id,
    audit: { verdict: 'leaks', checked: ['metadata'], unread: [], counts: { metadata: 1 }, findings: [] }
  })
  await db.redactions.add({
    id: `${id}-r`,
    documentId: id,
    pageIndex: 0,
    pageRect: [1, 2, 3, 4],
    kind: 'black',
    origin: 'detected',
    source: 'vector',
    confidence: 1,
    grounds: ['9(2)(a)'],
    label: null,
    status: 'unreviewed',
    note: '',
    leak: null,
    createdAt: 1,
    updatedAt: 1
  })
}

const counts = async (): Promise<number[]> =>
  Promise.all([
    db.releases.count(),
    db.documents.count(),
    db.files.count(),
    db.pages.count(),
    db.pageWords.count(),
    db.redactions.count(),
    db.documentAudits.count()
  ])

describe('library actions with undo', () => {
  it('creates, renames and undoes/redoes a release', async () => {
    const id = await createRelease(db, { ...EMPTY_RELEASE_FIELDS, name: ' MBIE OIA ', agency: 'MBIE' })
    expect((await db.releases.get(id))?.name).toBe('MBIE OIA')
    await updateRelease(db, id, { name: 'MBIE OIA 2026-0412' })
    expect(await historyLabels(db)).toEqual({
      undo: 'Rename release “MBIE OIA” to “MBIE OIA 2026-0412”',
      redo: null
    })
    expect(await undo(db)).toMatch(/^Rename/)
    expect((await db.releases.get(id))?.name).toBe('MBIE OIA')
    expect(await undo(db)).toMatch(/^Create/)
    expect(await db.releases.count()).toBe(0)
    expect(await undo(db)).toBeNull()
    expect(await redo(db)).toMatch(/^Create/)
    expect(await redo(db)).toMatch(/^Rename/)
    expect((await db.releases.get(id))?.name).toBe('MBIE OIA 2026-0412')
    expect(await redo(db)).toBeNull()
  })

  it('a new action drops the redo stack', async () => {
    const a = await createRelease(db, { ...EMPTY_RELEASE_FIELDS, name: 'A' })
    await undo(db)
    await createRelease(db, { ...EMPTY_RELEASE_FIELDS, name: 'B' })
    expect(await redo(db)).toBeNull()
    expect(await db.releases.get(a)).toBeUndefined()
  })

  it('deletes a document with its file, pages, OCR words, redactions and leak audit, and undo restores all of them', async () => {
    const r = await createRelease(db, { ...EMPTY_RELEASE_FIELDS, name: 'R' })
    await seedDocument('d1', r)
    expect(await counts()).toEqual([1, 1, 1, 1, 1, 1, 1])
    await deleteDocument(db, 'd1')
    expect(await counts()).toEqual([1, 0, 0, 0, 0, 0, 0])
    await undo(db)
    expect(await counts()).toEqual([1, 1, 1, 1, 1, 1, 1])
    expect((await db.files.get('d1'))?.documentId).toBe('d1')
    expect((await db.pageWords.get(['d1', 0]))?.words[0]?.text).toBe('takahe')
    expect((await db.documentAudits.get('d1'))?.audit.verdict).toBe('leaks')
    await redo(db)
    expect(await counts()).toEqual([1, 0, 0, 0, 0, 0, 0])
  })

  it('deletes a release with its documents; undo brings back both', async () => {
    const r = await createRelease(db, { ...EMPTY_RELEASE_FIELDS, name: 'R' })
    const other = await createRelease(db, { ...EMPTY_RELEASE_FIELDS, name: 'Other' })
    await seedDocument('d1', r)
    await seedDocument('d2', r)
    await seedDocument('d3', other)
    await deleteRelease(db, r)
    expect(await counts()).toEqual([1, 1, 1, 1, 1, 1, 1])
    expect(await undo(db)).toBe('Delete release “R”')
    expect(await counts()).toEqual([2, 3, 3, 3, 3, 3, 3])
  })

  it('moves a document between releases and back', async () => {
    const a = await createRelease(db, { ...EMPTY_RELEASE_FIELDS, name: 'A' })
    const b = await createRelease(db, { ...EMPTY_RELEASE_FIELDS, name: 'B' })
    await seedDocument('d1', a)
    await moveDocument(db, 'd1', b)
    expect((await db.documents.get('d1'))?.releaseId).toBe(b)
    expect((await historyLabels(db)).undo).toBe('Move “d1.pdf” to “B”')
    await undo(db)
    expect((await db.documents.get('d1'))?.releaseId).toBe(a)
  })

  it('a failing action leaves neither its change nor its history row (one transaction)', async () => {
    const a = await createRelease(db, { ...EMPTY_RELEASE_FIELDS, name: 'A' })
    await seedDocument('d1', a)
    const before = await db.history.count()
    // The second put breaks the unique sha256 index after the first has been applied.
    const clash = { ...doc('d2', a), sha256: doc('d1', a).sha256 }
    await expect(
      recordAction(db, async () => ({
        label: 'Broken',
        redo: [
          { op: 'put', table: 'releases', row: { ...(await db.releases.get(a))!, name: 'Changed' } },
          { op: 'put', table: 'documents', row: clash }
        ],
        undo: []
      }))
    ).rejects.toThrow()
    expect(await db.history.count()).toBe(before)
    expect((await db.releases.get(a))?.name).toBe('A')
  })

  it(`keeps at most ${MAX_HISTORY_ENTRIES} history entries`, async () => {
    const id = await createRelease(db, { ...EMPTY_RELEASE_FIELDS, name: 'R0' })
    for (let i = 1; i <= MAX_HISTORY_ENTRIES + 5; i++) await updateRelease(db, id, { name: `R${i}` })
    expect(await db.history.count()).toBe(MAX_HISTORY_ENTRIES)
  })
})
