/**
 * The review's writes: each user action is one Dexie transaction that changes the redaction rows and
 * records a HistoryRow (db/history.ts), so Ctrl+Z undoes it, even after a reload. The decision
 * itself (what "accept" or "add ground" does to a row) is core's reduceReview; here it is only read,
 * applied and recorded.
 */
import { describeReview, planReview, type ReviewAction } from '@core/review/reviewActions'
import type { WithheldDb } from '../../db/db'
import { recordAction } from '../../db/history'
import type { HistoryChange, RedactionRow } from '../../db/rows'

async function rowsById(db: WithheldDb, ids: readonly string[]): Promise<RedactionRow[]> {
  const rows = await db.redactions.bulkGet([...ids])
  return rows.filter((row): row is RedactionRow => row !== undefined)
}

/**
 * Applies `action` to every listed redaction that it changes, as one history entry. Returns the
 * number of rows changed (0 writes nothing and records nothing: pressing "a" twice is one action).
 */
export async function reviewRedactions(
  db: WithheldDb,
  ids: readonly string[],
  action: ReviewAction,
  now: number = Date.now()
): Promise<number> {
  let changed = 0
  await recordAction(db, async () => {
    const plan = planReview(await rowsById(db, ids), action, now)
    changed = plan.length
    if (plan.length === 0) return null
    const put = (row: RedactionRow): HistoryChange => ({ op: 'put', table: 'redactions', row })
    return {
      label: describeReview(action, plan.length),
      redo: plan.map((c) => put(c.after)),
      undo: plan.map((c) => put(c.before))
    }
  })
  return changed
}

/** Deletes the listed redactions (a box the engine got wrong), undoably. Returns how many went. */
export async function deleteRedactions(db: WithheldDb, ids: readonly string[]): Promise<number> {
  let deleted = 0
  await recordAction(db, async () => {
    const rows = await rowsById(db, ids)
    deleted = rows.length
    if (rows.length === 0) return null
    return {
      label: rows.length === 1 ? 'Delete 1 redaction' : `Delete ${rows.length} redactions`,
      redo: rows.map((row) => ({ op: 'delete', table: 'redactions', key: row.id }) as const),
      undo: rows.map((row) => ({ op: 'put', table: 'redactions', row }) as const)
    }
  })
  return deleted
}
