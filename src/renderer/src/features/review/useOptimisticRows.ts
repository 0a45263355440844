/**
 * Optimistic rows: a decision shows in the panel at once (~5 ms), not after its transaction and the
 * stored rows' refresh. An entry goes when the stored row catches up (same or newer updatedAt) or
 * when the write fails or changes nothing.
 */
import { useCallback, useMemo, useState } from 'react'
import type { RedactionRow } from '../../db/rows'

export interface OptimisticRows {
  /** The stored rows with pending decisions laid over them; undefined while loading. */
  readonly merged: RedactionRow[] | undefined
  show(rows: readonly RedactionRow[]): void
  drop(rows: readonly RedactionRow[]): void
}

export function useOptimisticRows(rows: RedactionRow[] | undefined): OptimisticRows {
  const [pending, setPending] = useState<ReadonlyMap<string, RedactionRow>>(() => new Map())
  // React's "adjust state while rendering" pattern: prune on the render that sees new rows.
  const [seenRows, setSeenRows] = useState(rows)
  if (rows !== seenRows) {
    setSeenRows(rows)
    if (rows && pending.size > 0) {
      const stored = new Map(rows.map((r) => [r.id, r.updatedAt]))
      const left = [...pending].filter(([id, row]) => (stored.get(id) ?? -1) < row.updatedAt)
      if (left.length !== pending.size) setPending(new Map(left))
    }
  }
  const merged = useMemo(
    () => (rows && pending.size > 0 ? rows.map((r) => pending.get(r.id) ?? r) : rows),
    [rows, pending]
  )
  const show = useCallback((shown: readonly RedactionRow[]) => {
    setPending((prev) => {
      const next = new Map(prev)
      for (const row of shown) next.set(row.id, row)
      return next
    })
  }, [])
  const drop = useCallback((dropped: readonly RedactionRow[]) => {
    setPending((prev) => {
      const next = new Map(prev)
      for (const row of dropped) if (next.get(row.id) === row) next.delete(row.id)
      return next
    })
  }, [])
  return { merged, show, drop }
}
