/**
 * The detail card for a multi-selection: how many boxes, on which pages, their statuses and grounds,
 * and the decisions that then apply to all of them at once (one transaction, one undo step).
 */
import { countItems } from '@core/review/reviewItems'
import type { RedactionRow } from '../../db/rows'
import { groundLabel } from './families'

export interface MultiSelectionDetailProps {
  rows: readonly RedactionRow[]
  onAccept(): void
  onDispute(): void
  onPickGrounds(): void
  onDelete(): void
  onClear(): void
}

export function MultiSelectionDetail(props: MultiSelectionDetailProps): React.JSX.Element {
  const { rows } = props
  const counts = countItems(rows)
  const pages = [...new Set(rows.map((r) => r.pageIndex + 1))]
  const grounds = [...counts.byGround.entries()].sort((a, b) => b[1] - a[1])
  return (
    <section
      className="review-detail review-multi"
      aria-label="Selected redactions"
      data-testid="review-detail"
    >
      <header className="review-detail-head">
        <span data-testid="review-selected-count">{rows.length} selected</span>
        <span className="review-muted">
          {pages.length === 1 ? `page ${pages[0]}` : `${pages.length} pages`}
        </span>
      </header>
      <p className="review-detail-facts">
        {counts.byStatus.unreviewed} to do · {counts.byStatus.accepted} accepted · {counts.byStatus.disputed}{' '}
        disputed
      </p>
      <ul className="review-multi-grounds" data-testid="review-grounds">
        {grounds.map(([code, n]) => (
          <li key={code}>
            <strong>{code === '__none__' ? 'No ground' : code}</strong>{' '}
            {code === '__none__' ? '' : groundLabel(code)} ×{n}
          </li>
        ))}
      </ul>
      <div className="review-actions">
        <button
          type="button"
          className="button button-small"
          onClick={props.onAccept}
          data-testid="review-accept"
        >
          Accept all <kbd>A</kbd>
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={props.onDispute}
          data-testid="review-dispute"
        >
          Dispute all <kbd>D</kbd>
        </button>
        <button type="button" className="button button-small" onClick={props.onPickGrounds}>
          Grounds <kbd>G</kbd>
        </button>
      </div>
      <div className="review-actions-secondary">
        <button type="button" className="button button-small button-quiet" onClick={props.onClear}>
          Clear selection <kbd>Esc</kbd>
        </button>
        <button
          type="button"
          className="button button-small button-quiet review-delete"
          onClick={props.onDelete}
        >
          Delete {rows.length} boxes <kbd>Del</kbd>
        </button>
      </div>
    </section>
  )
}
