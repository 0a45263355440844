/**
 * The panel's filters with live counts: status as a segmented control (the filter used most),
 * ground, kind and origin as menus, leaks as a toggle. Counts are of the whole document, so a
 * reviewer sees how much is left whatever the filter shows.
 */
import { NO_GROUND, type ReviewCounts, type ReviewFilter, type ReviewStatus } from '@core/review/reviewItems'
import type { RedactionKind } from '@core/types'
import { groundLabel } from './families'

const STATUSES: readonly { value: ReviewStatus | null; label: string }[] = [
  { value: null, label: 'All' },
  { value: 'unreviewed', label: 'To do' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'disputed', label: 'Disputed' }
]

const KINDS: readonly RedactionKind[] = ['black', 'white', 'grey', 'colour', 'page', 'annotation']

const one = <T,>(value: T | null): ReadonlySet<T> | undefined =>
  value === null ? undefined : new Set([value])
const only = <T,>(set: ReadonlySet<T> | undefined): T | null => (set?.size === 1 ? [...set][0]! : null)

export function FilterBar(props: {
  filter: ReviewFilter
  counts: ReviewCounts
  onChange(filter: ReviewFilter): void
}): React.JSX.Element {
  const { filter, counts, onChange } = props
  const status = only(filter.statuses)
  const ground = only(filter.grounds)
  const kind = only(filter.kinds)
  const origin = only(filter.origins)
  const grounds = [...counts.byGround.entries()].sort((a, b) => b[1] - a[1])
  return (
    <div className="review-filters">
      <div className="review-status-filter" role="group" aria-label="Filter by status">
        {STATUSES.map((s) => (
          <button
            key={s.label}
            type="button"
            className="review-segment"
            aria-pressed={status === s.value}
            data-status={s.value ?? 'all'}
            onClick={() => onChange({ ...filter, statuses: one(s.value) })}
          >
            {s.label}
            <span className="review-count">{s.value === null ? counts.total : counts.byStatus[s.value]}</span>
          </button>
        ))}
      </div>
      <div className="review-filter-row">
        <select
          aria-label="Filter by ground"
          value={ground ?? ''}
          onChange={(e) => onChange({ ...filter, grounds: one(e.target.value || null) })}
        >
          <option value="">All grounds</option>
          {grounds.map(([code, n]) => (
            <option key={code} value={code}>
              {code === NO_GROUND ? 'No ground yet' : `${code} ${groundLabel(code)}`} ({n})
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by kind"
          value={kind ?? ''}
          onChange={(e) =>
            onChange({ ...filter, kinds: one((e.target.value || null) as RedactionKind | null) })
          }
        >
          <option value="">All kinds</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k === 'page' ? 'whole page' : k === 'annotation' ? 'unapplied mark' : k}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by origin"
          value={origin ?? ''}
          onChange={(e) =>
            onChange({ ...filter, origins: one((e.target.value || null) as 'detected' | 'manual' | null) })
          }
        >
          <option value="">Any origin</option>
          <option value="detected">Found</option>
          <option value="manual">Drawn</option>
        </select>
        <label className="review-leak-toggle">
          <input
            type="checkbox"
            checked={filter.leak === true}
            onChange={(e) => onChange({ ...filter, leak: e.target.checked ? true : undefined })}
          />
          Leaks ({counts.leaks})
        </label>
      </div>
    </div>
  )
}
