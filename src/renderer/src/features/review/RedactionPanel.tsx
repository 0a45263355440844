/**
 * The review column beside the pages: filters with live counts, the redactions in reading order,
 * the selected one in full (or a multi-selection's summary), and the keyboard commands that work
 * through them. Every decision goes through actions.ts / editActions.ts (one transaction plus a
 * history row, however many boxes it touches); selection is shared with the page overlay through
 * selection.ts.
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
import { publishReviewFilter } from '../export/reviewFilterScope'
import { deleteRedactions, reviewRedactions } from './actions'
import { usePageTool } from './editMode'
import { MultiSelectionDetail } from './MultiSelectionDetail'
import { FilterBar } from './FilterBar'
import { GroundsPicker } from './GroundsPicker'
import { useDocumentRedactions, useDocumentRegime } from './queries'
import { rememberGrounds, useRecentGrounds } from './recentGrounds'
import { RedactionDetail, type RedactionDetailHandle } from './RedactionDetail'
import { RedactionList } from './RedactionList'
import { revealRedaction } from './reveal'
import {
  openSelection,
  selectRedaction,
  toggleSelected,
  useSelectedIds,
  useSelectedRedactionId
} from './selection'
import { ShortcutSheet } from './ShortcutSheet'
import { useEditCommands } from './useEditCommands'
import { useOptimisticRows } from './useOptimisticRows'
import { useReviewKeyboard } from './useReviewKeyboard'
import './review.css'

/** Strictly newer than every row, so two keys in one millisecond still order (pending rows prune by it). */
const stampAfter = (rows: readonly RedactionRow[]): number =>
  rows.reduce((at, r) => Math.max(at, r.updatedAt + 1), Date.now())

export function RedactionPanel(props: {
  documentId: string
  /** Scrolls the page column to a page (the viewer's own paging). */
  onGoToPage(pageIndex: number): void
  /** Where focus returns after a note or dialog, so the keys keep working. */
  onFocusPages?(): void
  /** The page the viewer shows (for "withheld in full" and "all on page" with nothing selected). */
  currentPageIndex?: number
  /** Sets the viewer's zoom, CSS px per point ("zoom to selection"). */
  onZoom?(scale: number): void
}): React.JSX.Element {
  const { documentId, onGoToPage } = props
  const toasts = useToasts()
  const rows = useDocumentRedactions(documentId)
  const regime = useDocumentRegime(documentId)
  const selectedId = useSelectedRedactionId()
  const selectedIdList = useSelectedIds()
  const tool = usePageTool()
  const recent = useRecentGrounds()
  const [filter, setFilter] = useState<ReviewFilter>({})
  /** 'one': the selection (one box or many); 'shown': every redaction the filter shows (bulk tagging). */
  const [picker, setPicker] = useState<'one' | 'shown' | null>(null)
  const [sheet, setSheet] = useState(false)
  const detailRef = useRef<RedactionDetailHandle>(null)
  const { merged, show, drop } = useOptimisticRows(rows)

  useEffect(() => openSelection(documentId), [documentId])
  // The export dialog offers "only what the filter shows" while a filter is set.
  useEffect(() => {
    publishReviewFilter(documentId, filter)
    return () => publishReviewFilter(null, {})
  }, [documentId, filter])

  const ordered = useMemo(() => sortReadingOrder(merged ?? []), [merged])
  const counts = useMemo(() => countItems(ordered), [ordered])
  const shown = useMemo(() => applyFilter(ordered, filter), [ordered, filter])
  const byId = useMemo(() => new Map(ordered.map((r) => [r.id, r])), [ordered])
  const selected = (selectedId !== null ? byId.get(selectedId) : undefined) ?? null
  const selectedSet = useMemo(() => new Set(selectedIdList), [selectedIdList])
  /** Every selected row that exists (a deleted one drops out), primary included. */
  const selection = useMemo(() => selectedIdList.flatMap((id) => byId.get(id) ?? []), [selectedIdList, byId])
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
  /** One decision on the selection (one box or many): shown at once, stored as one undoable entry. */
  const act = (action: ReviewAction): void => {
    if (selection.length === 0) return
    if (action.type === 'set-grounds') rememberGrounds(action.grounds)
    const now = stampAfter(selection)
    const after = selection.flatMap((row) => {
      const next = reduceReview(row, action, now)
      return next === row ? [] : [next]
    })
    if (after.length === 0) return
    show(after)
    reviewRedactions(
      withheld,
      after.map((r) => r.id),
      action,
      now
    )
      .then((changed) => {
        // The stored rows already said so (changed elsewhere meanwhile): nothing will catch up.
        if (changed < after.length) drop(after)
      })
      .catch((error: unknown) => {
        drop(after)
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
    const gone = new Set(selection.map((r) => r.id))
    // Select the nearest survivor first, so the reviewer keeps their place in the list.
    const rest = shown.filter((r) => !gone.has(r.id) || r.id === selected.id)
    const next = stepFrom(rest, selected.id, 1)
    const neighbour = next !== selected.id ? next : stepFrom(rest, selected.id, -1)
    selectRedaction(neighbour !== selected.id ? neighbour : null)
    deleteRedactions(withheld, [...gone])
      .then((n) =>
        toasts.info(
          `${n === 1 ? 'Box' : `${n} boxes`} deleted. Ctrl+Z brings ${n === 1 ? 'it' : 'them'} back.`
        )
      )
      .catch(fail('Deleting the box'))
  }
  const edits = useEditCommands({
    documentId,
    ordered,
    selected,
    selection,
    currentPageIndex: props.currentPageIndex,
    onZoom: props.onZoom,
    onGoToPage
  })
  const focusPages = (): void => props.onFocusPages?.()

  useReviewKeyboard({
    selected,
    selectedCount: selection.length,
    tool,
    quickGrounds,
    step: (direction) => choose(stepFrom(shown, selectedId, direction)),
    act,
    remove,
    editNote: () => {
      if (selection.length === 1) requestAnimationFrame(() => detailRef.current?.focusNote())
    },
    openPicker: () => setPicker('one'),
    toggleSheet: () => setSheet((open) => !open),
    clearSelection: () => selectRedaction(null),
    ...edits
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
        <RedactionList
          items={shown}
          selectedId={selectedId}
          selection={selection.length > 1 ? selectedSet : undefined}
          onSelect={(id, additive) => (additive ? toggleSelected(id) : choose(id))}
        />
      )}
      {selected && selection.length > 1 ? (
        <MultiSelectionDetail
          rows={selection}
          onAccept={() => act({ type: 'accept' })}
          onDispute={() => act({ type: 'dispute' })}
          onPickGrounds={() => setPicker('one')}
          onDelete={remove}
          onClear={() => selectRedaction(null)}
        />
      ) : selected ? (
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
          row={picker === 'one' && selection.length === 1 ? selected : null}
          count={picker === 'one' ? selection.length : shown.length}
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
