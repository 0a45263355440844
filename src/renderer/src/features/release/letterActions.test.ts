// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type WithheldDb } from '../../db/db'
import { historyLabels, undo } from '../../db/history'
import type { DocumentRow } from '../../db/rows'
import { setResponseLetter } from './letterActions'

let db: WithheldDb
let n = 0
beforeEach(async () => {
  db = openDatabase(`letter-${++n}`)
  await db.open()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

const doc = (id: string, releaseId: string, isResponseLetter = false): DocumentRow => ({
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
  isResponseLetter
})

const letters = async (): Promise<string[]> =>
  (await db.documents.toArray()).filter((d) => d.isResponseLetter).map((d) => d.id)

describe('setResponseLetter', () => {
  it('keeps one letter per release, and one undo restores the previous letter', async () => {
    await db.documents.bulkPut([doc('a', 'r1', true), doc('b', 'r1'), doc('c', 'r2', true)])
    await setResponseLetter(db, 'b', true)
    expect((await letters()).sort()).toEqual(['b', 'c'])
    expect((await historyLabels(db)).undo).toBe('Mark “b.pdf” as the response letter')
    await undo(db)
    expect((await letters()).sort()).toEqual(['a', 'c'])
  })

  it('unmarks, and does nothing (no history) when already so', async () => {
    await db.documents.bulkPut([doc('a', 'r1', true)])
    await setResponseLetter(db, 'a', true)
    expect(await db.history.count()).toBe(0)
    await setResponseLetter(db, 'a', false)
    expect(await letters()).toEqual([])
  })
})
