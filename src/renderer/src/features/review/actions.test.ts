// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type WithheldDb } from '../../db/db'
import { historyLabels, redo, undo } from '../../db/history'
import type { RedactionRow } from '../../db/rows'
import { deleteRedactions, reviewRedactions } from './actions'

let db: WithheldDb
let n = 0
beforeEach(async () => {
  db = openDatabase(`review-actions-${++n}`)
  await db.open()
  await db.redactions.bulkPut([box('r1', 0), box('r2', 1), box('r3', 1)])
})
afterEach(async () => {
  db.close()
  await db.delete()
})

function box(id: string, pageIndex: number): RedactionRow {
  return {
    id,
    documentId: 'doc',
    pageIndex,
    pageRect: [72, 100, 300, 120],
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
  }
}

const get = async (id: string) => (await db.redactions.get(id))!

describe('review actions', () => {
  it('accept is one history entry that undo and redo replay', async () => {
    expect(await reviewRedactions(db, ['r1'], { type: 'accept' }, 50)).toBe(1)
    expect((await get('r1')).status).toBe('accepted')
    expect(await historyLabels(db)).toEqual({ undo: 'Accept 1 redaction', redo: null })
    expect(await undo(db)).toBe('Accept 1 redaction')
    expect(await get('r1')).toEqual(box('r1', 0))
    expect(await redo(db)).toBe('Accept 1 redaction')
    expect(await get('r1')).toMatchObject({ status: 'accepted', updatedAt: 50 })
  })

  it('a repeated action changes nothing and records nothing', async () => {
    await reviewRedactions(db, ['r1'], { type: 'accept' })
    expect(await reviewRedactions(db, ['r1'], { type: 'accept' })).toBe(0)
    expect(await db.history.count()).toBe(1)
  })

  it('dispute with a note, then a grounds change, undo one step at a time', async () => {
    await reviewRedactions(db, ['r2'], { type: 'dispute', note: 'The name is already public' })
    await reviewRedactions(db, ['r2'], { type: 'set-grounds', grounds: ['9(2)(g)(i)'] })
    expect(await get('r2')).toMatchObject({
      status: 'disputed',
      grounds: ['9(2)(g)(i)'],
      note: 'The name is already public'
    })
    await undo(db)
    expect(await get('r2')).toMatchObject({ status: 'disputed', grounds: ['9(2)(a)'] })
    await undo(db)
    expect(await get('r2')).toMatchObject({ status: 'unreviewed', note: '' })
  })

  it('bulk tagging fifty boxes is one undoable entry; rows it would not change are left alone', async () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      ...box(`m${i}`, 2),
      grounds: i < 10 ? ['6(a)'] : []
    }))
    await db.redactions.bulkPut(many)
    const changed = await reviewRedactions(
      db,
      many.map((r) => r.id),
      { type: 'add-ground', ground: '6(a)' }
    )
    expect(changed).toBe(40)
    expect(await db.history.count()).toBe(1)
    expect(await db.redactions.where('grounds').equals('6(a)').count()).toBe(50)
    await undo(db)
    expect(await db.redactions.where('grounds').equals('6(a)').count()).toBe(10)
  })

  it('delete removes the box and undo brings the same row back', async () => {
    expect(await deleteRedactions(db, ['r3', 'missing'])).toBe(1)
    expect(await db.redactions.get('r3')).toBeUndefined()
    await undo(db)
    expect(await get('r3')).toEqual(box('r3', 1))
  })

  it('history survives closing and reopening the database', async () => {
    await reviewRedactions(db, ['r1'], { type: 'note', note: 'check the covering letter' })
    db.close()
    db = openDatabase(db.name)
    await db.open()
    expect((await get('r1')).note).toBe('check the covering letter')
    await undo(db)
    expect((await get('r1')).note).toBe('')
  })
})
