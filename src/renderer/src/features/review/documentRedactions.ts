/**
 * The open document's redactions, read once and then patched row by row. A live query re-reads every
 * row of the document after any write to the table: ~50–80 ms for 5,000 rows in Chromium
 * (bench/review.bench.ts, "re-reading 5000 rows"), which made one keypress cost ~170 ms end to end.
 * Instead this listens to Dexie's `storagemutated` event, which names the primary keys each
 * committed transaction wrote (for this window's writes and, through Dexie's BroadcastChannel,
 * other windows'), and re-reads only those rows. A write it cannot name key by key (a range delete,
 * a table clear) or a very large one re-reads the document, as the live query did.
 */
import { Dexie, RangeSet, type IntervalTree, type ObservabilitySet } from 'dexie'
import { useEffect, useState } from 'react'
import type { WithheldDb } from '../../db/db'
import type { RedactionRow } from '../../db/rows'

/** Above this many changed rows one indexed read of the document is cheaper than fetching each by key. */
export const FULL_RELOAD_KEYS = 1000

/** The keys a mutated part names, or null when it holds a range (then only a full read is safe). */
export function keysOf(tree: IntervalTree): string[] | null {
  const keys: string[] = []
  for (const node of RangeSet(tree)) {
    if (typeof node.from !== 'string' || node.from !== node.to) return null
    keys.push(node.from)
  }
  return keys
}

/**
 * Follows one document's redactions; calls `publish` with a fresh array after the first read and
 * after every committed change to them. Returns a function that stops following.
 */
export function followDocumentRedactions(
  db: WithheldDb,
  documentId: string,
  publish: (rows: RedactionRow[]) => void,
  onError: (error: unknown) => void = (error) => console.error(error)
): () => void {
  const part = `idb://${db.name}/redactions/`
  let rows: Map<string, RedactionRow> | null = null
  let pending: Set<string> | 'all' | null = 'all'
  let running = false
  let stopped = false

  const run = async (): Promise<void> => {
    // One pass at a time, in commit order; keys that arrive meanwhile wait for the next pass.
    if (running) return
    running = true
    try {
      while (pending !== null && !stopped) {
        const keys = pending
        pending = null
        if (keys === 'all' || rows === null) {
          const all = await db.redactions.where('documentId').equals(documentId).toArray()
          rows = new Map(all.map((row) => [row.id, row]))
        } else {
          const fresh = await db.redactions.bulkGet([...keys])
          let i = 0
          for (const key of keys) {
            const row = fresh[i++]
            if (row && row.documentId === documentId) rows.set(key, row)
            else rows.delete(key)
          }
        }
        if (!stopped) publish([...rows.values()])
      }
    } catch (error) {
      if (!stopped) onError(error)
    } finally {
      running = false
    }
  }

  const onMutated = (parts: ObservabilitySet): void => {
    const tree = parts[part]
    if (!tree) return
    const keys = keysOf(tree)
    if (keys === null || keys.length > FULL_RELOAD_KEYS || pending === 'all') pending = 'all'
    else {
      pending ??= new Set()
      for (const key of keys) pending.add(key)
    }
    void run()
  }

  Dexie.on.storagemutated.subscribe(onMutated)
  void run()
  return () => {
    stopped = true
    Dexie.on.storagemutated.unsubscribe(onMutated)
  }
}

/** Every redaction of the document, undefined while loading. */
export function useFollowedRedactions(db: WithheldDb, documentId: string): RedactionRow[] | undefined {
  const [state, setState] = useState<{ id: string; rows: RedactionRow[] } | null>(null)
  useEffect(
    () => followDocumentRedactions(db, documentId, (rows) => setState({ id: documentId, rows })),
    [db, documentId]
  )
  return state?.id === documentId ? state.rows : undefined
}
