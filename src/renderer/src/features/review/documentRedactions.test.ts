// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type WithheldDb } from '../../db/db'
import { undo } from '../../db/history'
import type { RedactionRow } from '../../db/rows'
import { reviewRedactions } from './actions'
import { followDocumentRedactions } from './documentRedactions'
import { addManualRedaction } from './editActions'

let db: WithheldDb
let n = 0
let stop: (() => void) | null = null

const row = (id: string, documentId = 'doc'): RedactionRow => ({
  id,
  documentId,
  pageIndex: 0,
  pageRect: [72, 100, 300, 120],
  kind: 'black',
  origin: 'detected',
  source: 'vector',
  confidence: 0.98,
  grounds: ['9(2)(a)'],
  label: null,
  status: 'unreviewed',
  note: '',
  leak: null,
  createdAt: 1,
  updatedAt: 1
})

beforeEach(async () => {
  db = openDatabase(`follow-${++n}`)
  await db.open()
  await db.redactions.bulkPut([row('r1'), row('r2'), row('x1', 'other')])
})
afterEach(async () => {
  stop?.()
  db.close()
  await db.delete()
})

/** Follows 'doc' and returns a reader of its latest published rows (ids and statuses, sorted). */
function follow(): { latest(): string[]; reads(): number } {
  let latest: RedactionRow[] = []
  let reads = 0
  stop = followDocumentRedactions(db, 'doc', (rows) => {
    latest = rows
    reads++
  })
  return {
    latest: () => latest.map((r) => `${r.id}:${r.status}`).sort(),
    reads: () => reads
  }
}

const settle = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5))
}

describe('followDocumentRedactions', () => {
  it('reads the document, then patches each committed change: tag, add, undo, delete', async () => {
    const f = follow()
    await settle(() => f.latest().length === 2)
    expect(f.latest()).toEqual(['r1:unreviewed', 'r2:unreviewed'])

    await reviewRedactions(db, ['r1'], { type: 'accept' })
    await settle(() => f.latest().includes('r1:accepted'))
    expect(f.latest()).toEqual(['r1:accepted', 'r2:unreviewed'])

    const drawn = await addManualRedaction(db, 'doc', 0, [10, 10, 50, 30])
    await settle(() => f.latest().length === 3)
    expect(f.latest()).toContain(`${drawn.id}:unreviewed`)

    await undo(db) // the drawn box goes
    await settle(() => f.latest().length === 2)
    await db.redactions.delete('r2')
    await settle(() => f.latest().length === 1)
    expect(f.latest()).toEqual(['r1:accepted'])
  })

  it('ignores other documents and falls back to a full read after a table clear', async () => {
    const f = follow()
    await settle(() => f.latest().length === 2)
    const before = f.reads()
    await db.redactions.put({ ...row('x1', 'other'), status: 'accepted' })
    await db.redactions.put({ ...row('r3') })
    await settle(() => f.latest().length === 3)
    expect(f.latest()).toEqual(['r1:unreviewed', 'r2:unreviewed', 'r3:unreviewed'])
    expect(f.reads()).toBeGreaterThan(before)
    await db.redactions.clear()
    await settle(() => f.latest().length === 0)
    expect(f.latest()).toEqual([])
  })
})
