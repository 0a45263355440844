/**
 * The panel's list: redactions in reading order, grouped by page, virtualised (listLayout.ts). A
 * listbox with the selection as its active descendant, so screen readers follow "j" and "k"; rows are
 * options, not buttons, so Enter reaches the review keys instead of re-clicking a row.
 */
import { isPossible } from '@core/review/possible'
import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { familyOf } from '@core/review/reviewItems'
import type { RedactionRow } from '../../db/rows'
import { FAMILY_WORDS, groundLabel } from './families'
import { entryAt, layoutList, OVERSCAN_ROWS, scrollToShow } from './listLayout'

const STATUS_WORDS: Record<RedactionRow['status'], string> = {
  unreviewed: 'To do',
  accepted: 'Accepted',
  disputed: 'Disputed'
}

export function RedactionList(props: {
  items: readonly RedactionRow[]
  selectedId: string | null
  /** The whole multi-selection (the primary included), marked without moving the list. */
  selection?: ReadonlySet<string>
  /** `additive`: Shift+click, which adds the row to the selection or takes it out. */
  onSelect(id: string, additive: boolean): void
}): React.JSX.Element {
  const { items, selectedId } = props
  const layout = useMemo(() => layoutList(items), [items])
  const scrollRef = useRef<HTMLDivElement>(null)
  const [view, setView] = useState({ top: 0, height: 600 })

  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const measure = (): void => setView({ top: el.scrollTop, height: el.clientHeight })
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // Keep the selected row in view when the selection moves (keys, a click on the page).
  useLayoutEffect(() => {
    const el = scrollRef.current
    const index = selectedId === null ? undefined : layout.indexById.get(selectedId)
    if (!el || index === undefined) return
    const next = scrollToShow(layout.tops, index, el.scrollTop, el.clientHeight)
    if (next !== null) el.scrollTop = next
  }, [selectedId, layout])

  const first = Math.max(0, entryAt(layout.tops, view.top) - OVERSCAN_ROWS)
  const last = Math.min(
    layout.entries.length - 1,
    entryAt(layout.tops, view.top + view.height) + OVERSCAN_ROWS
  )
  const rows: React.JSX.Element[] = []
  for (let i = first; i <= last; i++) {
    const entry = layout.entries[i]!
    const style = { top: layout.tops[i], height: layout.tops[i + 1]! - layout.tops[i]! }
    if (entry.type === 'page') {
      rows.push(
        <div key={`page-${entry.pageIndex}`} className="review-page-header" style={style} role="presentation">
          Page {entry.pageIndex + 1}
          <span>{entry.count === 1 ? '1 redaction' : `${entry.count} redactions`}</span>
        </div>
      )
      continue
    }
    const row = entry.item
    const family = familyOf(row.grounds)
    rows.push(
      <div
        key={row.id}
        id={`review-row-${row.id}`}
        role="option"
        aria-selected={row.id === selectedId}
        className={`review-row family-${family} status-${row.status}${props.selection?.has(row.id) ? ' in-selection' : ''}`}
        data-redaction-id={row.id}
        style={style}
        onClick={(event) => props.onSelect(row.id, event.shiftKey)}
      >
        <span className="review-swatch" title={FAMILY_WORDS[family]} />
        <span className="review-row-main">
          <span className="review-row-grounds">
            {row.grounds.length > 0 ? row.grounds.join(', ') : 'No ground'}
            {row.grounds[0] ? (
              <span className="review-row-meaning">{groundLabel(row.grounds[0])}</span>
            ) : null}
          </span>
          <span className="review-row-meta">
            #{entry.ordinal + 1}
            {row.kind !== 'black' ? ` · ${row.kind}` : ''}
            {row.origin === 'manual' ? ' · drawn' : ''}
            {row.note ? ' · note' : ''}
          </span>
        </span>
        {row.leak ? <span className="review-badge review-badge-leak">Leak</span> : null}
        {isPossible(row) ? (
          <span
            className="review-badge review-badge-possible"
            title="The detector was unsure: a to confirm, Del to dismiss"
          >
            Possible
          </span>
        ) : null}
        <span className={`review-badge review-badge-${row.status}`}>{STATUS_WORDS[row.status]}</span>
      </div>
    )
  }

  return (
    <div
      ref={scrollRef}
      className="review-list"
      role="listbox"
      tabIndex={0}
      aria-label="Redactions in reading order"
      aria-activedescendant={selectedId ? `review-row-${selectedId}` : undefined}
      data-testid="review-list"
      data-count={items.length}
      onScroll={(e) => {
        const el = e.currentTarget
        setView({ top: el.scrollTop, height: el.clientHeight })
      }}
    >
      <div className="review-list-inner" style={{ height: layout.tops[layout.tops.length - 1] }}>
        {rows}
      </div>
    </div>
  )
}
