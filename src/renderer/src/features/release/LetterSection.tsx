/**
 * The response letter and the reconciliation: which document is the letter (chosen here or from the
 * library), the grounds its text cites, and the three lists a requester acts on: grounds cited but
 * never used, grounds used but never cited (each with the redactions, one click from the page), and
 * redactions with no ground at all.
 */
import type { PagedCitation } from '@core/review/letterGrounds'
import type { GroundReconciliation } from '@core/review/reconcile'
import type { RegisterRow } from '@core/report/types'
import { withheld } from '../../db/db'
import { describeDbError } from '../../db/describeDbError'
import type { DocumentRow } from '../../db/rows'
import { plural } from '../../ui/format'
import { useToasts } from '../../ui/toasts'
import { groundLabel } from '../review/families'
import type { ViewerTarget } from '../search/navigation'
import { setResponseLetter } from './letterActions'
import type { LetterState } from './useLetterGrounds'

/** More links than this per list are folded behind "Show all": 500 uncited boxes would bury the page. */
const LINKS_SHOWN = 12

export function LetterSection(props: {
  documents: readonly DocumentRow[]
  letter: DocumentRow | null
  state: LetterState
  reconciliation: GroundReconciliation<RegisterRow>
  onOpenAt(target: ViewerTarget): void
}): React.JSX.Element {
  const { letter, state, reconciliation: rec } = props
  const toasts = useToasts()
  const choose = (documentId: string): void => {
    const action = documentId
      ? setResponseLetter(withheld, documentId, true)
      : letter
        ? setResponseLetter(withheld, letter.id, false)
        : Promise.resolve()
    action.catch((error: unknown) => toasts.error(describeDbError('Marking the letter', error)))
  }
  return (
    <section className="release-section" aria-labelledby="letter-heading" data-testid="letter-section">
      <h3 id="letter-heading">Response letter and reconciliation</h3>
      <label className="letter-choice">
        <span>Response letter</span>
        <select
          className="select-small"
          value={letter?.id ?? ''}
          onChange={(event) => choose(event.target.value)}
          data-testid="letter-select"
        >
          <option value="">None marked</option>
          {props.documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <LetterCites state={state} letterId={letter?.id ?? null} onOpenAt={props.onOpenAt} />
      {state.status === 'read' ? (
        <div className="reconciliation">
          <div className="reconcile-list" data-testid="cited-not-used">
            <h4>Cited in the letter, used on no redaction</h4>
            {rec.citedNotUsed.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <ul className="ground-chips">
                {rec.citedNotUsed.map((code) => {
                  const citation = state.grounds.citations.find((c) => c.code === code)
                  return (
                    <li key={code} data-code={code}>
                      <strong>{code}</strong> {groundLabel(code) !== code ? groundLabel(code) : ''}
                      {citation && letter ? (
                        <>
                          {' · '}
                          <CitationLink citation={citation} letterId={letter.id} onOpenAt={props.onOpenAt} />
                        </>
                      ) : null}
                    </li>
                  )
                })}
              </ul>
            )}
          </div>
          <div className="reconcile-list" data-testid="used-not-cited">
            <h4>Used on redactions, never cited in the letter</h4>
            {rec.usedNotCited.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <ul className="reconcile-groups">
                {rec.usedNotCited.map((group) => (
                  <li key={group.code} data-code={group.code}>
                    <strong>{group.code}</strong>{' '}
                    {groundLabel(group.code) !== group.code ? groundLabel(group.code) : ''}{' '}
                    <span className="muted">({plural(group.items.length, 'redaction')})</span>
                    <RedactionLinks rows={group.items} onOpenAt={props.onOpenAt} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      ) : null}
      <div className="reconcile-list" data-testid="without-ground">
        <h4>Redactions with no ground</h4>
        {rec.withoutGround.length === 0 ? (
          <p className="muted">None: every redaction carries a ground.</p>
        ) : (
          <RedactionLinks rows={rec.withoutGround} onOpenAt={props.onOpenAt} />
        )}
      </div>
    </section>
  )
}

/** "cited on page 2": opens the letter there with the citation marked. */
function CitationLink(props: {
  citation: PagedCitation
  letterId: string
  onOpenAt(target: ViewerTarget): void
}): React.JSX.Element {
  const { citation } = props
  return (
    <button
      type="button"
      className="link-button"
      data-citation={citation.code}
      onClick={() =>
        props.onOpenAt({
          documentId: props.letterId,
          pageIndex: citation.pageIndex,
          text: citation.text,
          occurrence: citation.occurrence
        })
      }
    >
      cited on page {citation.pageIndex + 1}
    </button>
  )
}

function LetterCites({
  state,
  letterId,
  onOpenAt
}: {
  state: LetterState
  letterId: string | null
  onOpenAt(target: ViewerTarget): void
}): React.JSX.Element {
  if (state.status === 'none') {
    return (
      <p className="muted">
        Mark the agency’s letter to compare the grounds it cites with the grounds on the pages. Until then
        only redactions with no ground are listed.
      </p>
    )
  }
  if (state.status === 'reading') return <p className="muted">Reading the letter…</p>
  if (state.textless) {
    return (
      <p className="notice" role="note">
        The letter has no text layer (a scan?), so its grounds cannot be read.
        {state.problem ? ` ${state.problem}` : ''}
      </p>
    )
  }
  const { codes, citations } = state.grounds
  return (
    <div data-testid="letter-grounds" data-codes={codes.join(' ')}>
      <p>
        {codes.length === 0 ? (
          'The letter cites no withholding ground.'
        ) : (
          <>
            The letter cites <strong>{plural(codes.length, 'ground')}</strong>: {codes.join(', ')}.
          </>
        )}
      </p>
      {citations.length > 0 ? (
        <details>
          <summary>Where the letter cites them</summary>
          <ul className="letter-citations">
            {citations.map((c) => (
              <li key={`${c.start}:${c.code}`}>
                <q>{c.text}</q> → {c.code}
                {letterId ? (
                  <>
                    {' · '}
                    <CitationLink citation={c} letterId={letterId} onOpenAt={onOpenAt} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {state.problem ? <p className="notice">{state.problem}</p> : null}
    </div>
  )
}

function RedactionLinks(props: {
  rows: readonly RegisterRow[]
  onOpenAt(target: ViewerTarget): void
}): React.JSX.Element {
  const shown = props.rows.slice(0, LINKS_SHOWN)
  const rest = props.rows.slice(LINKS_SHOWN)
  const link = (row: RegisterRow): React.JSX.Element => (
    <li key={row.redactionId}>
      <button
        type="button"
        className="link-button"
        data-redaction-id={row.redactionId}
        onClick={() =>
          props.onOpenAt({
            documentId: row.documentId,
            pageIndex: row.pageIndex,
            redactionId: row.redactionId
          })
        }
      >
        {row.documentName}, page {row.pageNumber}
      </button>{' '}
      <span className="muted">
        {row.position}
        {row.label ? ` · “${row.label}”` : ''}
      </span>
    </li>
  )
  return (
    <>
      <ul className="redaction-links">{shown.map(link)}</ul>
      {rest.length > 0 ? (
        <details>
          <summary>Show {rest.length} more</summary>
          <ul className="redaction-links">{rest.map(link)}</ul>
        </details>
      ) : null}
    </>
  )
}
