/**
 * Choosing the grounds of a redaction: search the catalogues by code ("9 2 a") or words ("privacy"),
 * tick several, see the detected label and its confidence. The box's current grounds start ticked,
 * so confirming the engine's reading is one Enter. Keys in the search field: ↑/↓ move, Enter ticks
 * or unticks the highlighted ground, Ctrl+Enter applies, Escape cancels.
 */
import { allGrounds, searchGrounds } from '@core/review/groundsSearch'
import { normaliseGrounds } from '@core/review/reviewActions'
import { familyOf } from '@core/review/reviewItems'
import type { Regime } from '@core/types'
import { useMemo, useState } from 'react'
import type { RedactionRow } from '../../db/rows'
import { Dialog } from '../../ui/Dialog'

const GROUNDS = allGrounds()

export function GroundsPicker(props: {
  /** The redaction being tagged, or null when tagging several at once. */
  row: RedactionRow | null
  /** How many redactions the choice applies to. */
  count: number
  regime: Regime
  recent: readonly string[]
  onApply(grounds: string[]): void
  onClose(): void
}): React.JSX.Element {
  const { row } = props
  // Several at once start empty: their grounds may differ, and the choice replaces them all.
  const [chosen, setChosen] = useState<string[]>(() => [...(row?.grounds ?? [])])
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const hits = useMemo(() => searchGrounds(query, GROUNDS, props.regime, 40), [query, props.regime])
  const activeIndex = Math.min(active, Math.max(0, hits.length - 1))

  const toggle = (code: string): void =>
    setChosen((prev) => (prev.includes(code) ? prev.filter((c) => c !== code) : [...prev, code]))
  const apply = (): void => props.onApply(normaliseGrounds(chosen))

  return (
    <Dialog
      title={row ? 'Grounds for this redaction' : `Grounds for ${props.count} redactions`}
      testId="grounds-picker"
      onClose={props.onClose}
      onSubmit={apply}
      actions={
        <>
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="grounds-apply">
            Apply
          </button>
        </>
      }
    >
      <div className="grounds-picker">
        {!row ? (
          <p className="grounds-detected">
            The grounds you choose replace those of all {props.count} redactions shown.
          </p>
        ) : row.label ? (
          <p className="grounds-detected">
            Printed beside the box: <strong>“{row.label}”</strong>
            {row.origin === 'detected'
              ? ` · detected with ${Math.round(row.confidence * 100)} % confidence`
              : ''}
          </p>
        ) : (
          <p className="grounds-detected">No ground is printed beside this box.</p>
        )}
        <div className="grounds-chosen" aria-label="Chosen grounds">
          {chosen.length === 0 ? <span className="grounds-none">None chosen</span> : null}
          {chosen.map((code) => (
            <button
              key={code}
              type="button"
              className={`grounds-chip family-${familyOf([code])}`}
              onClick={() => toggle(code)}
              title="Remove"
            >
              {code} <span aria-hidden="true">×</span>
            </button>
          ))}
        </div>
        <input
          type="search"
          className="grounds-search"
          placeholder="Search: 9 2 a, privacy, b6…"
          aria-label="Search grounds"
          value={query}
          autoFocus
          data-testid="grounds-search"
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(0)
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault()
              setActive(
                Math.min(hits.length - 1, Math.max(0, activeIndex + (e.key === 'ArrowDown' ? 1 : -1)))
              )
            } else if (e.key === 'Enter' && !(e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              const hit = hits[activeIndex]
              if (hit) toggle(hit.ground.code)
            }
          }}
        />
        {query === '' && props.recent.length > 0 ? (
          <p className="grounds-recent">
            Recent (keys 1–9 in the viewer):{' '}
            {props.recent.map((code, i) => (
              <span key={code}>
                {i > 0 ? ', ' : ''}
                <kbd>{i + 1}</kbd> {code}
              </span>
            ))}
          </p>
        ) : null}
        <ul
          className="grounds-results"
          role="listbox"
          aria-label="Matching grounds"
          aria-multiselectable="true"
        >
          {hits.length === 0 ? <li className="grounds-empty">No ground matches “{query}”.</li> : null}
          {hits.map((hit, i) => {
            const code = hit.ground.code
            const on = chosen.includes(code)
            return (
              <li
                key={`${hit.ground.regime}:${code}`}
                role="option"
                aria-selected={on}
                className={i === activeIndex ? 'active' : undefined}
                data-code={code}
                onMouseEnter={() => setActive(i)}
                onClick={() => toggle(code)}
              >
                <input type="checkbox" checked={on} readOnly tabIndex={-1} aria-hidden="true" />
                <span className={`grounds-code family-${hit.ground.family}`}>{code}</span>
                <span className="grounds-text">
                  <strong>{hit.ground.label}</strong>
                  <span>{hit.ground.meaning}</span>
                </span>
                <span className="grounds-regime">{REGIME_WORDS[hit.ground.regime]}</span>
              </li>
            )
          })}
        </ul>
      </div>
    </Dialog>
  )
}

const REGIME_WORDS: Record<string, string> = {
  'nz-oia': 'OIA',
  'nz-lgoima': 'LGOIMA',
  'us-foia': 'FOIA',
  custom: 'Custom'
}
