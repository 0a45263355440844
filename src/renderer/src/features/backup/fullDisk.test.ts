// @vitest-environment node
/**
 * A full disk in the middle of a review action (security.md D2, D3): the action is one transaction
 * (redaction rows + history entry), so when IndexedDB refuses the history write with
 * QuotaExceededError the row change is rolled back with it, the user is told the disk is full, and
 * every earlier decision stays as it was.
 */
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type WithheldDb } from '../../db/db'
import { describeDbError } from '../../db/describeDbError'
import type { RedactionRow } from '../../db/rows'
import { reviewRedactions } from '../review/actions'

const dbs: WithheldDb[] = []
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

const redaction = (id: string): RedactionRow => ({
  id,
  documentId: 'd1',
  pageIndex: 0,
  pageRect: [72, 100, 300, 116],
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

describe('a full disk during a review action', () => {
  it('keeps everything saved before it, writes nothing half, and says the disk is full', async () => {
    const db = openDatabase('withheld-full-disk')
    dbs.push(db)
    let diskFull = false
    db.use({
      stack: 'dbcore',
      name: 'disk-fills-up',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name)
          if (name !== 'history') return table
          return {
            ...table,
            mutate: (request) =>
              diskFull
                ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
                : table.mutate(request)
          }
        }
      })
    })
    await db.redactions.bulkAdd([redaction('r1'), redaction('r2')])
    expect(await reviewRedactions(db, ['r1'], { type: 'accept' }, 10)).toBe(1)

    diskFull = true
    const error = await reviewRedactions(db, ['r2'], { type: 'accept' }, 20).catch((e: unknown) => e)
    expect(describeDbError('Accepting the redaction', error)).toBe(
      'Accepting the redaction failed: the disk is full. Everything saved before this is safe; free some space and try again.'
    )
    const rows = await db.redactions.toArray()
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['r1', 'accepted'],
      ['r2', 'unreviewed']
    ])
    expect(await db.history.count()).toBe(1)
  })
})
