/**
 * One document in the library: what it is, how far its analysis got, and what can be done with it.
 * A click anywhere on the row opens it (the controls in it keep their own clicks); from the keyboard
 * the name is the row's button (Tab to it, Enter). The name wraps at its separators, so long names
 * that differ only at their end stay told apart at any window width.
 */
import { Fragment, useEffect, useRef } from 'react'
import type { DocumentRow, ReleaseRow } from '../../db/rows'
import { VerdictBadge } from '../audit/VerdictBadge'
import { formatBytes, formatDate, plural } from '../../ui/format'
import { nameSegments } from './nameBreaks'
import { useRedactionSummary, useScannedPageCount } from './queries'

/** The drag payload type for moving a document onto another release. */
export const DOCUMENT_DRAG_TYPE = 'application/x-withheld-document'

export interface DocumentItemProps {
  readonly document: DocumentRow
  readonly releases: readonly ReleaseRow[]
  readonly highlighted: boolean
  readonly onOpen: (documentId: string) => void
  readonly onMove: (documentId: string, releaseId: string) => void
  readonly onDelete: (document: DocumentRow) => void
  readonly onRetry: (document: DocumentRow) => void
  readonly onPassword: (document: DocumentRow) => void
  /** Marks or unmarks the document as the release's response letter. */
  readonly onToggleLetter?: (document: DocumentRow) => void
  /** Analyses the document again, its scanned pages' images read at `rasterDpi`. */
  readonly onReanalyse?: (document: DocumentRow, rasterDpi: number) => void
}

/**
 * Resolutions offered for reading scanned pages again. 100 dpi is the default (a 12 pt line is ~17 px);
 * small print, thin boxes and faint labels read better at 200–300 dpi, at 4–9× the pixels.
 */
export const REANALYSE_DPIS = [100, 150, 200, 300] as const

/** A click on one of these inside a row is that control's, not "open the document". */
const ROW_CONTROLS = 'button, select, option, input, textarea, a, label'

/** The name with a line-break opportunity after each separator (nameBreaks.ts). */
function WrappingName({ name }: { name: string }): React.JSX.Element {
  const segments = nameSegments(name)
  return (
    <>
      {segments.map((segment, i) => (
        <Fragment key={i}>
          {segment}
          {i < segments.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </>
  )
}

export function DocumentItem(props: DocumentItemProps): React.JSX.Element {
  const { document, releases, highlighted } = props
  const others = releases.filter((r) => r.id !== document.releaseId)
  const nameRef = useRef<HTMLButtonElement>(null)
  // Highlighted after a duplicate import: focus it once, so the keyboard lands where the eye does.
  useEffect(() => {
    if (highlighted) nameRef.current?.focus()
  }, [highlighted])
  return (
    <tr
      className={highlighted ? 'document-row is-highlighted' : 'document-row'}
      data-testid="document-row"
      data-document-id={document.id}
      data-state={document.analysisState}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(DOCUMENT_DRAG_TYPE, document.id)
        event.dataTransfer.effectAllowed = 'move'
      }}
      onClick={(event) => {
        if (event.target instanceof Element && event.target.closest(ROW_CONTROLS)) return
        // A drag that selected text in the row is not a click meant to open it.
        if (window.getSelection()?.toString()) return
        props.onOpen(document.id)
      }}
    >
      <td className="col-name">
        <button
          type="button"
          className="link-button document-name"
          onClick={() => props.onOpen(document.id)}
          title={document.title ? `${document.name} — ${document.title}` : document.name}
          ref={nameRef}
        >
          <WrappingName name={document.name} />
        </button>
        {document.isResponseLetter ? (
          <span className="badge letter-badge" data-testid="letter-badge">
            Response letter
          </span>
        ) : null}
      </td>
      <td className="col-pages" data-testid="document-pages">
        {document.pageCount > 0 ? document.pageCount.toLocaleString() : '–'}
      </td>
      <td className="col-size" data-testid="document-size">
        {formatBytes(document.byteSize)}
      </td>
      <td className="col-date">{formatDate(document.importedAt)}</td>
      <td className="col-state" data-testid="document-state">
        <AnalysisState {...props} />
      </td>
      <td className="col-actions">
        <div className="document-actions">
          {others.length > 0 && (
            <select
              className="select-small"
              aria-label={`Move ${document.name} to another release`}
              value=""
              onChange={(event) => event.target.value && props.onMove(document.id, event.target.value)}
            >
              <option value="">Move to…</option>
              {others.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
          {props.onToggleLetter ? (
            <button
              type="button"
              className="button button-small button-quiet"
              aria-pressed={document.isResponseLetter}
              aria-label={
                document.isResponseLetter
                  ? `Unmark ${document.name} as the response letter`
                  : `Mark ${document.name} as the response letter`
              }
              onClick={() => props.onToggleLetter?.(document)}
              data-testid="toggle-letter"
            >
              {document.isResponseLetter ? 'Unmark letter' : 'Mark as letter'}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-small button-quiet"
            aria-label={`Delete ${document.name}`}
            onClick={() => props.onDelete(document)}
          >
            Delete
          </button>
        </div>
      </td>
    </tr>
  )
}

/** Only for documents with scanned pages, once their analysis is done. */
function ReanalyseSelect({ document, onReanalyse }: DocumentItemProps): React.JSX.Element | null {
  const scannedPages = useScannedPageCount(document.id)
  if (!onReanalyse || document.analysisState !== 'done' || !scannedPages) return null
  return (
    <select
      className="select-small reanalyse-select"
      aria-label={`Re-analyse the scanned pages of ${document.name} at a resolution`}
      title={`${plural(scannedPages, 'scanned page')}: read their images again at a higher resolution`}
      value=""
      data-testid="reanalyse-dpi"
      onChange={(event) => {
        const dpi = Number(event.target.value)
        if (dpi > 0) onReanalyse(document, dpi)
      }}
    >
      <option value="">Re-analyse…</option>
      {REANALYSE_DPIS.map((dpi) => (
        <option key={dpi} value={dpi}>
          at {dpi} dpi{dpi === 100 ? ' (default)' : ''}
        </option>
      ))}
    </select>
  )
}

function AnalysisState(props: DocumentItemProps): React.JSX.Element {
  const { document, onRetry, onPassword } = props
  const summary = useRedactionSummary(document.id)
  switch (document.analysisState) {
    case 'pending':
      return <span className="state state-muted">Waiting to analyse</span>
    case 'running': {
      const total = document.pageCount
      return (
        <span className="state state-running">
          <span>{total > 0 ? `Analysing ${document.analysedPages} of ${total}` : 'Opening…'}</span>
          <progress
            className="progress"
            max={Math.max(total, 1)}
            value={total > 0 ? document.analysedPages : undefined}
            aria-label={`Analysis progress for ${document.name}`}
          />
        </span>
      )
    }
    case 'done':
      return (
        <span className="state state-done">
          <span>
            {summary
              ? summary.redactions
                ? plural(summary.redactions, 'redaction')
                : 'No redactions found'
              : '…'}
          </span>
          {summary && summary.leaks > 0 && (
            <span className="badge badge-warning" title="Content under these boxes can still be recovered">
              {plural(summary.leaks, 'leak warning')}
            </span>
          )}
          <VerdictBadge documentId={document.id} onReanalyse={() => onRetry(document)} />
          <ReanalyseSelect {...props} />
        </span>
      )
    case 'failed':
      return (
        <span className="state state-failed">
          <span role="note">Analysis failed: {document.analysisError ?? 'unknown error.'}</span>
          <button type="button" className="button button-small" onClick={() => onRetry(document)}>
            Retry
          </button>
        </span>
      )
    case 'needs-password':
      return (
        <span className="state state-locked">
          <span>Needs a password</span>
          <button type="button" className="button button-small" onClick={() => onPassword(document)}>
            Enter password…
          </button>
        </span>
      )
  }
}
