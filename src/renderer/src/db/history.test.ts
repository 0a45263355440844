// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type WithheldDb } from './db'
import { historyLabels, MAX_HISTORY_ENTRIES, recordAction, redo, undo } from './history'

let db: WithheldDb
let n = 0
beforeEach(async () => {
  db = openDatabase(`history-${++n}`)
  await db.open()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

/** An action that renames release r1 from `from` to `to`. */
const rename = (from: string, to: string) =>
  recordAction(db, async () => ({
    label: `Rename to ${to}`,
    redo: [{ op: 'put', table: 'releases', row: { id: 'r1', name: to } }],
    undo: [{ op: 'put', table: 'releases', row: { id: 'r1', name: from } }]
  }))

const name = async (): Promise<string | undefined> => (await db.releases.get('r1'))?.name

describe('history stack', () => {
  it('undoes newest first, redoes oldest undone first, and a new action drops the redo stack', async () => {
    await rename('a', 'b')
    await rename('b', 'c')
    await rename('c', 'd')
    expect(await undo(db)).toBe('Rename to d')
    expect(await undo(db)).toBe('Rename to c')
    expect(await name()).toBe('b')
    expect(await historyLabels(db)).toEqual({ undo: 'Rename to b', redo: 'Rename to c' })
    expect(await redo(db)).toBe('Rename to c')
    expect(await name()).toBe('c')
    await rename('c', 'e')
    expect(await historyLabels(db)).toEqual({ undo: 'Rename to e', redo: null })
    expect(await redo(db)).toBeNull()
    expect((await db.history.toArray()).map((r) => [r.label, r.undone])).toEqual([
      ['Rename to b', false],
      ['Rename to c', false],
      ['Rename to e', false]
    ])
    expect(await undo(db)).toBe('Rename to e')
    expect(await undo(db)).toBe('Rename to c')
    expect(await undo(db)).toBe('Rename to b')
    expect(await undo(db)).toBeNull()
    expect(await name()).toBe('a')
    expect(await historyLabels(db)).toEqual({ undo: null, redo: 'Rename to b' })
  })

  it('keeps at most MAX_HISTORY_ENTRIES, dropping the oldest', async () => {
    for (let i = 0; i < MAX_HISTORY_ENTRIES + 3; i++) await rename(`v${i}`, `v${i + 1}`)
    expect(await db.history.count()).toBe(MAX_HISTORY_ENTRIES)
    expect((await db.history.orderBy('id').first())?.label).toBe('Rename to v4')
  })
})
