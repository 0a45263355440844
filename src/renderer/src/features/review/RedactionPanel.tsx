/**
 * The review column beside the pages: filters with live counts, the redactions in reading order,
 * the selected one in full, and the keyboard commands that work through them. Every decision goes
 * through actions.ts (one transaction plus a history row); selection is shared with the page overlay
 * through selection.ts.
 */
import { reduceReview, type ReviewAction } from '@core/review/reviewActions'
import {
  applyFilter,
  countItems,
  sortReadingOrder,
  stepFrom,
  type ReviewFilter
} from '@core/review/reviewItems'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { withheld } from '../../db/db'
import type { RedactionRow } from '../../db/rows'
import { describeDbError } from '../../db/describeDbError'
import { useToasts } from '../../ui/toasts'
import { deleteRedactions, reviewRedactions } from './actions'
import { FilterBar } from './FilterBar'
import { GroundsPicker } from './GroundsPicker'
import { useDocumentRedactions, useDocumentRegime } from './queries'
import { rememberGrounds, useRecentGrounds } from './recentGrounds'
import { RedactionDetail, type RedactionDetailHandle } from './RedactionDetail'
import { RedactionList } from './RedactionList'
import { revealRedaction } from './reveal'
import { openSelection, selectRedaction, useSelectedRedactionId } from './selection'
import { ShortcutSheet } from './ShortcutSheet'
import { useReviewKeyboard } from './useReviewKeyboard'
import './review.css'

export function RedactionPanel(props: {
  documentId: string
  /** Scrolls the page column to a page (the viewer's own paging). */
  onGoToPage(pageIndex: number): void
  /** Where focus returns after a note or dialog, so the keys keep working. */
  onFocusPages?(): void
}): React.JSX.Element {
  const { documentId, onGoToPage } = props
  const toasts = useToasts()
  const rows = useDocumentRedactions(documentId)
  const regime = useDocumentRegime(documentId)
  const selectedId = useSelectedRedactionId()
  const recent = useRecentGrounds()
  const [filter, setFilter] = useState<ReviewFilter>({})
  /** 'one': the selected redaction; 'shown': every redaction the filter shows (bulk tagging). */
  const [picker, setPicker] = useState<'one' | 'shown' | null>(null)
  const [sheet, setSheet] = useState(false)
  const detailRef = useRef<RedactionDetailHandle>(null)
  // Optimistic rows: a decision shows at once (~5 ms), not after its transaction and the live query's
  // re-read of every row (~200 ms for 5,000 rows, bench/review.bench.ts). An entry goes when the
  // stored row catches up (same updatedAt) or the write fails.
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

  useEffect(() => openSelection(documentId), [documentId])

  const merged = useMemo(
    () => (rows && pending.size > 0 ? rows.map((r) => pending.get(r.id) ?? r) : rows),
    [rows, pending]
  )
  const ordered = useMemo(() => sortReadingOrder(merged ?? []), [merged])
  const counts = useMemo(() => countItems(ordered), [ordered])
  const shown = useMemo(() => applyFilter(ordered, filter), [ordered, filter])
  const selected = useMemo(() => ordered.find((r) => r.id === selectedId) ?? null, [ordered, selectedId])
  // Before the reviewer has a history of their own, the number keys offer this document's commonest grounds.
  const quickGrounds = useMemo(() => {
    if (recent.length > 0) return recent
    return [...counts.byGround.entries()]
      .filter(([code]) => code !== '__none__')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 9)
      .map(([code]) => code)
  }, [recent, counts])

  const choose = useCallback(
    (id: string | null) => {
      selectRedaction(id)
      const row = id === null ? undefined : ordered.find((r) => r.id === id)
      if (row) revealRedaction(row.id, row.pageIndex, onGoToPage)
    },
    [ordered, onGoToPage]
  )

  const fail = (what: string) => (error: unknown) => toasts.error(describeDbError(what, error))
  const act = (action: ReviewAction): void => {
    if (!selected) return
    if (action.type === 'set-grounds') rememberGrounds(action.grounds)
    // Strictly newer than the row, so two keys in one millisecond still order (the pending rows prune by it).
    const now = Math.max(Date.now(), selected.updatedAt + 1)
    const after = reduceReview(selected, action, now)
    if (after === selected) return
    setPending((prev) => new Map(prev).set(after.id, after))
    const drop = (): void =>
      setPending((prev) => {
        const next = new Map(prev)
        if (next.get(after.id) === after) next.delete(after.id)
        return next
      })
    reviewRedactions(withheld, [selected.id], action, now)
      .then((changed) => {
        // The stored row already said so (changed elsewhere meanwhile): nothing will catch up.
        if (changed === 0) drop()
      })
      .catch((error: unknown) => {
        drop()
        fail('Saving the review')(error)
      })
  }
  /** One action on every redaction shown, as one undoable history entry. */
  const actOnShown = (action: ReviewAction): void => {
    if (action.type === 'set-grounds') rememberGrounds(action.grounds)
    reviewRedactions(
      withheld,
      shown.map((r) => r.id),
      action
    )
      .then((n) =>
        toasts.info(
          n === 0 ? 'Nothing to change.' : `Changed ${n} redaction${n === 1 ? '' : 's'}. Ctrl+Z undoes it.`
        )
      )
      .catch(fail('Saving the review'))
  }
  const remove = (): void => {
    if (!selected) return
    // Select the neighbour first, so the reviewer keeps their place in the list.
    const next = stepFrom(shown, selected.id, 1)
    const neighbour = next !== selected.id ? next : stepFrom(shown, selected.id, -1)
    selectRedaction(neighbour !== selected.id ? neighbour : null)
    deleteRedactions(withheld, [selected.id])
      .then(() => toasts.info('Box deleted. Ctrl+Z brings it back.'))
      .catch(fail('Deleting the box'))
  }
  const focusPages = (): void => props.onFocusPages?.()

  useReviewKeyboard({
    selected,
    quickGrounds,
    step: (direction) => choose(stepFrom(shown, selectedId, direction)),
    act,
    remove,
    editNote: () => requestAnimationFrame(() => detailRef.current?.focusNote()),
    openPicker: () => setPicker('one'),
    toggleSheet: () => setSheet((open) => !open),
    clearSelection: () => selectRedaction(null)
  })

  const ordinal = selected ? ordered.indexOf(selected) + 1 : 0
  return (
    <aside className="review-panel" aria-label="Review" data-testid="review-panel">
      <header className="review-panel-head">
        <h2>Redactions</h2>
        <span className="review-progress" data-testid="review-progress">
          {counts.total - counts.byStatus.unreviewed} of {counts.total} reviewed
        </span>
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => setSheet(true)}
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
      </header>
      <FilterBar filter={filter} counts={counts} onChange={setFilter} />
      {shown.length > 1 ? (
        <div className="review-bulk" data-testid="review-bulk">
          <span>{shown.length === ordered.length ? `All ${shown.length}` : `${shown.length} shown`}:</span>
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => actOnShown({ type: 'accept' })}
          >
            Accept all
          </button>
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => setPicker('shown')}
          >
            Set grounds…
          </button>
        </div>
      ) : null}
      {rows === undefined ? (
        <p className="review-empty">Reading redactions…</p>
      ) : ordered.length === 0 ? (
        <p className="review-empty">No redactions found in this document yet.</p>
      ) : shown.length === 0 ? (
        <p className="review-empty">
          No redaction matches these filters.{' '}
          <button type="button" className="button button-small" onClick={() => setFilter({})}>
            Show all
          </button>
        </p>
      ) : (
        <RedactionList items={shown} selectedId={selectedId} onSelect={choose} />
      )}
      {selected ? (
        <RedactionDetail
          key={selected.id}
          ref={detailRef}
          row={selected}
          ordinal={ordinal}
          total={ordered.length}
          onAccept={() => act({ type: 'accept' })}
          onDispute={() => {
            act({ type: 'dispute' })
            detailRef.current?.focusNote()
          }}
          onUnreview={() => act({ type: 'reset-status' })}
          onPickGrounds={() => setPicker('one')}
          onDelete={remove}
          onSaveNote={(note) => act({ type: 'note', note })}
          onDoneEditing={focusPages}
        />
      ) : (
        <p className="review-hint">
          Press <kbd>J</kbd> for the first redaction, <kbd>?</kbd> for all shortcuts.
        </p>
      )}
      {(picker === 'one' && selected) || picker === 'shown' ? (
        <GroundsPicker
          row={picker === 'one' ? selected : null}
          count={picker === 'one' ? 1 : shown.length}
          regime={regime}
          recent={quickGrounds}
          onClose={() => setPicker(null)}
          onApply={(grounds) => {
            setPicker(null)
            if (picker === 'one') act({ type: 'set-grounds', grounds })
            else actOnShown({ type: 'set-grounds', grounds })
          }}
        />
      ) : null}
      {sheet ? <ShortcutSheet onClose={() => setSheet(false)} /> : null}
    </aside>
  )
}
