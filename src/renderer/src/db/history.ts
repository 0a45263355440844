/**
 * Undo/redo and the audit trail (architecture.md, "history"). A user action is a pair of change
 * lists: `redo` (what it does) and `undo` (its inverse, built from the rows as they were). Recording
 * applies `redo` and writes the HistoryRow in one transaction (security.md D3), so an action and its
 * record can never be torn apart. Undo and redo survive reloads because they live in IndexedDB.
 *
 * The stack: entries with `undone: false` are the past (undo takes the newest); entries with
 * `undone: true` wait for redo (redo takes the oldest of them); a new action drops them.
 *
 * Cost: the undone entries are always the newest ids (undo marks the newest live entry, redo clears
 * the oldest undone one, a new action deletes them all, each in one transaction), so every lookup
 * walks back from the newest id and stops at the first live entry: O(undone + 1) rows, never the
 * whole table. Scanning it cost ~100 ms per action once it held bulk entries of 5,000 rows each
 * (bench/review.bench.ts), since a row is read with its change lists; a boolean cannot be indexed.
 */
import type { Table } from 'dexie'
import type { WithheldDb } from './db'
import type { HistoryChange, HistoryRow, HistoryTable } from './rows'

export const HISTORY_TABLES: readonly HistoryTable[] = [
  'releases',
  'documents',
  'files',
  'pages',
  'pageWords',
  'documentAudits',
  'redactions'
]

/** 200 actions: enough to walk back a review session; delete entries hold whole rows (even PDF Blobs). */
export const MAX_HISTORY_ENTRIES = 200

export interface RecordedAction {
  readonly label: string
  readonly redo: readonly HistoryChange[]
  readonly undo: readonly HistoryChange[]
}

function tableOf(db: WithheldDb, name: HistoryTable): Table<unknown, unknown> {
  return db.table(name) as Table<unknown, unknown>
}

/** Applies changes in order. Must run inside a transaction covering HISTORY_TABLES. */
export async function applyChanges(db: WithheldDb, changes: readonly HistoryChange[]): Promise<void> {
  for (const change of changes) {
    const table = tableOf(db, change.table)
    if (change.op === 'put') await table.put(change.row)
    else await table.delete(change.key)
  }
}

/** Records a user action and applies it, both in one transaction. Returns the history id. */
export async function recordAction(
  db: WithheldDb,
  build: () => Promise<RecordedAction | null>
): Promise<number | null> {
  return db.transaction('rw', [...HISTORY_TABLES, 'history'], async () => {
    // Built inside the transaction so the "before" rows it reads are the ones it replaces.
    const action = await build()
    if (!action) return null
    await applyChanges(db, action.redo)
    const undone = await undoneSuffix(db)
    if (undone.length > 0) await db.history.bulkDelete(undone.map((row) => row.id!))
    const id = await db.history.add({
      at: Date.now(),
      label: action.label,
      undo: [...action.undo],
      redo: [...action.redo],
      undone: false
    })
    await pruneOldest(db)
    return id ?? null
  })
}

/** The undone entries (newest first): the run of `undone` rows above the newest live one. */
async function undoneSuffix(db: WithheldDb): Promise<HistoryRow[]> {
  return db.history
    .orderBy('id')
    .reverse()
    .until((row) => !row.undone)
    .toArray()
}

/** The newest entry still in effect, read past the (few) undone ones above it. */
async function newestLive(db: WithheldDb): Promise<HistoryRow | undefined> {
  return db.history
    .orderBy('id')
    .reverse()
    .until((row) => !row.undone, true)
    .filter((row) => !row.undone)
    .first()
}

async function pruneOldest(db: WithheldDb): Promise<void> {
  const excess = (await db.history.count()) - MAX_HISTORY_ENTRIES
  if (excess > 0) await db.history.orderBy('id').limit(excess).delete()
}

/** Undoes the newest action still in effect; returns its label, or null when there is none. */
export async function undo(db: WithheldDb): Promise<string | null> {
  return db.transaction('rw', [...HISTORY_TABLES, 'history'], async () => {
    const entry = await newestLive(db)
    if (!entry || entry.id === undefined) return null
    await applyChanges(db, entry.undo)
    await db.history.update(entry.id, { undone: true })
    return entry.label
  })
}

/** Redoes the most recently undone action; returns its label, or null when there is none. */
export async function redo(db: WithheldDb): Promise<string | null> {
  return db.transaction('rw', [...HISTORY_TABLES, 'history'], async () => {
    const entry: HistoryRow | undefined = (await undoneSuffix(db)).at(-1)
    if (!entry || entry.id === undefined) return null
    await applyChanges(db, entry.redo)
    await db.history.update(entry.id, { undone: false })
    return entry.label
  })
}

/** What Undo and Redo would do now, for menu labels and disabled states. */
export async function historyLabels(db: WithheldDb): Promise<{ undo: string | null; redo: string | null }> {
  const last = await newestLive(db)
  const next = (await undoneSuffix(db)).at(-1)
  return { undo: last?.label ?? null, redo: next?.label ?? null }
}
