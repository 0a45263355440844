// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type WithheldDb } from '../../db/db'
import { redo, undo } from '../../db/history'
import type { PageRow, RedactionRow } from '../../db/rows'
import { deleteRedactions, reviewRedactions } from './actions'
import { addManualRedaction, nudgeRedactions, setPageWithheld, setRedactionRects } from './editActions'

let db: WithheldDb
let n = 0

const page = (pageIndex: number): PageRow => ({
  documentId: 'doc',
  pageIndex,
  width: 612,
  height: 792,
  rotation: 0,
  hasTextLayer: true,
  scanned: false,
  withheldInFull: false,
  error: null
})

const detected = (id: string, pageIndex: number, pageRect: RedactionRow['pageRect']): RedactionRow => ({
  id,
  documentId: 'doc',
  pageIndex,
  pageRect,
  kind: 'black',
  origin: 'detected',
  source: 'vector',
  confidence: 0.98,
  grounds: ['9(2)(a)'],
  label: 's9(2)(a)',
  status: 'unreviewed',
  note: '',
  leak: null,
  createdAt: 1,
  updatedAt: 1
})

beforeEach(async () => {
  db = openDatabase(`edit-actions-${++n}`)
  await db.open()
  await db.pages.bulkPut([page(0), page(1), page(2)])
  await db.redactions.bulkPut([
    detected('r1', 0, [72, 200, 330, 216]),
    detected('r2', 0, [72, 420, 290, 436]),
    detected('full', 2, [18, 18, 594, 774])
  ])
})
afterEach(async () => {
  db.close()
  await db.delete()
})

const all = async () => (await db.redactions.toArray()).sort((a, b) => a.id.localeCompare(b.id))

describe('manual boxes', () => {
  it('a drawn box is stored as manual, unreviewed, and undo/redo remove and restore it exactly', async () => {
    const row = await addManualRedaction(db, 'doc', 1, [100, 100, 200, 130], 42)
    const stored = await db.redactions.get(row.id)
    expect(stored).toEqual({
      ...row,
      origin: 'manual',
      source: null,
      kind: 'black',
      status: 'unreviewed',
      grounds: [],
      pageRect: [100, 100, 200, 130]
    })
    expect(await undo(db)).toBe('Draw a box on page 2')
    expect(await db.redactions.get(row.id)).toBeUndefined()
    await redo(db)
    expect(await db.redactions.get(row.id)).toEqual(stored)
  })

  it('moving a detected box keeps its origin and undoes to the old rect', async () => {
    const before = await all()
    const changed = await setRedactionRects(db, new Map([['r1', [80, 210, 338, 226] as const]]), 'Move', 9)
    expect(changed).toBe(1)
    expect(await db.redactions.get('r1')).toMatchObject({
      origin: 'detected',
      pageRect: [80, 210, 338, 226],
      updatedAt: 9
    })
    expect(await undo(db)).toBe('Move 1 box')
    expect(await all()).toEqual(before)
  })

  it('an unchanged rect records nothing', async () => {
    expect(await setRedactionRects(db, new Map([['r1', [72, 200, 330, 216] as const]]), 'Nudge')).toBe(0)
    expect(await db.history.count()).toBe(0)
  })
})

describe('bulk actions on a multi-selection', () => {
  it('accept, grounds and delete on two boxes are one history entry each; one undo reverts each', async () => {
    const before = await all()
    expect(await reviewRedactions(db, ['r1', 'r2'], { type: 'accept' })).toBe(2)
    expect(await reviewRedactions(db, ['r1', 'r2'], { type: 'set-grounds', grounds: ['6(a)'] })).toBe(2)
    expect(await deleteRedactions(db, ['r1', 'r2'])).toBe(2)
    expect(await db.history.count()).toBe(3)
    expect(await db.redactions.count()).toBe(1)
    expect(await undo(db)).toBe('Delete 2 redactions')
    expect((await all()).filter((r) => r.id !== 'full').map((r) => [r.status, r.grounds])).toEqual([
      ['accepted', ['6(a)']],
      ['accepted', ['6(a)']]
    ])
    await undo(db)
    await undo(db)
    expect(await all()).toEqual(before)
  })
})

describe('withheld in full', () => {
  it('marking adds one page-size manual box of kind page; undo takes both back', async () => {
    const before = await all()
    expect(await setPageWithheld(db, 'doc', 1, true, 5)).toBe(true)
    expect((await db.pages.get(['doc', 1]))?.withheldInFull).toBe(true)
    const boxes = await db.redactions.where('[documentId+pageIndex]').equals(['doc', 1]).toArray()
    expect(boxes).toHaveLength(1)
    expect(boxes[0]).toMatchObject({ kind: 'page', origin: 'manual', pageRect: [0, 0, 612, 792] })
    expect(await setPageWithheld(db, 'doc', 1, true)).toBe(false) // already marked
    await undo(db)
    expect((await db.pages.get(['doc', 1]))?.withheldInFull).toBe(false)
    expect(await all()).toEqual(before)
  })

  it('a page already blacked out by a detected box gets no second box; unmarking keeps the detected one', async () => {
    await setPageWithheld(db, 'doc', 2, true)
    expect(await db.redactions.where('[documentId+pageIndex]').equals(['doc', 2]).count()).toBe(1)
    await setPageWithheld(db, 'doc', 2, false)
    expect((await db.pages.get(['doc', 2]))?.withheldInFull).toBe(false)
    expect(await db.redactions.get('full')).toBeDefined()
  })

  it('unmarking removes the box marking made, and undo of the unmark brings it back', async () => {
    await setPageWithheld(db, 'doc', 1, true)
    const [box] = await db.redactions.where('[documentId+pageIndex]').equals(['doc', 1]).toArray()
    await setPageWithheld(db, 'doc', 1, false)
    expect(await db.redactions.get(box!.id)).toBeUndefined()
    await undo(db)
    expect(await db.redactions.get(box!.id)).toEqual(box)
    expect((await db.pages.get(['doc', 1]))?.withheldInFull).toBe(true)
  })

  it('a page without a row (analysis unfinished) is left alone', async () => {
    expect(await setPageWithheld(db, 'doc', 9, true)).toBe(false)
    expect(await db.history.count()).toBe(0)
  })
})

describe('nudging', () => {
  it('moves every listed box by the step, stops at the page edge, one undo step', async () => {
    const before = await all()
    expect(await nudgeRedactions(db, ['r1', 'r2'], -100, 10, 7)).toBe(2)
    expect((await db.redactions.get('r1'))?.pageRect).toEqual([0, 210, 258, 226])
    expect((await db.redactions.get('r2'))?.pageRect).toEqual([0, 430, 218, 446])
    expect(await db.history.count()).toBe(1)
    expect(await undo(db)).toBe('Nudge 2 boxes')
    expect(await all()).toEqual(before)
  })
})
