/**
 * The export dialog's choices, one fieldset each: what to report on, formats, layout (page pictures,
 * paper) and leaked text, which needs an explicit confirmation of a warning before it is included.
 */
import type { PaperSize, ReportFileFormat } from '@shared/ipc'
import type { ExportScope } from '@core/report/fromLibrary'
import { plural } from '../../ui/format'
import { FORMAT_LABELS, FORMAT_ORDER } from './outputs'

export function ScopeChoice(props: {
  scopeKind: ExportScope['kind']
  onScope(kind: ExportScope['kind']): void
  releaseName: string
  documentCount: number
  /** The open document, or null. */
  documentName: string | null
  /** The review filter in words, or null when none is set. */
  filterLabel: string | null
  /** Documents whose analysis has not finished. */
  unfinished: number
}): React.JSX.Element {
  const { scopeKind, onScope, unfinished } = props
  return (
    <fieldset className="export-group">
      <legend>What to report on</legend>
      <label className="export-choice">
        <input
          type="radio"
          name="scope"
          checked={scopeKind === 'release'}
          onChange={() => onScope('release')}
        />
        The whole release “{props.releaseName}” ({plural(props.documentCount, 'document')})
      </label>
      <label className="export-choice">
        <input
          type="radio"
          name="scope"
          checked={scopeKind === 'document'}
          disabled={props.documentName === null}
          onChange={() => onScope('document')}
        />
        {props.documentName !== null
          ? `This document, “${props.documentName}”`
          : 'This document (open one to choose it)'}
      </label>
      <label className="export-choice">
        <input
          type="radio"
          name="scope"
          checked={scopeKind === 'filter'}
          disabled={props.filterLabel === null}
          onChange={() => onScope('filter')}
        />
        {props.filterLabel !== null
          ? `Only the redactions the review filter shows (${props.filterLabel})`
          : 'The review filter (set one in the review panel to choose it)'}
      </label>
      {unfinished > 0 ? (
        <p className="export-note">
          {plural(unfinished, 'document')} in this release {unfinished === 1 ? 'is' : 'are'} not fully
          analysed: {unfinished === 1 ? 'its' : 'their'} redactions may be missing from the report.
        </p>
      ) : null}
    </fieldset>
  )
}

export function FormatChoice(props: {
  formats: ReadonlySet<ReportFileFormat>
  onToggle(format: ReportFileFormat): void
}): React.JSX.Element {
  return (
    <fieldset className="export-group">
      <legend>Formats</legend>
      {FORMAT_ORDER.map((format) => (
        <label key={format} className="export-choice">
          <input
            type="checkbox"
            checked={props.formats.has(format)}
            onChange={() => props.onToggle(format)}
            data-testid={`export-format-${format}`}
          />
          {FORMAT_LABELS[format]}
        </label>
      ))}
      <p className="export-note">
        {props.formats.size > 1
          ? 'Several formats: you choose a folder and each file is named after the report.'
          : 'One format: you choose the file.'}
      </p>
    </fieldset>
  )
}

/** The select's value for "no choice": the paper follows the release's law (report/regime.ts paperFor). */
const REGIME_PAPER = 'regime'

export function LayoutChoice(props: {
  thumbnails: boolean
  /** HTML or PDF is chosen: the only formats with pictures. */
  pictures: boolean
  onThumbnails(): void
  /** Null: as the regime calls for (US Letter for a US law, else A4), decided when the report is built. */
  paper: PaperSize | null
  onPaper(paper: PaperSize | null): void
}): React.JSX.Element {
  return (
    <fieldset className="export-group export-row">
      <legend>Layout</legend>
      <label className="export-choice">
        <input
          type="checkbox"
          checked={props.thumbnails}
          disabled={!props.pictures}
          onChange={props.onThumbnails}
          data-testid="export-thumbnails"
        />
        Page pictures with the boxes drawn on them
      </label>
      <label className="export-choice">
        Paper{' '}
        <select
          className="select-small"
          value={props.paper ?? REGIME_PAPER}
          onChange={(event) =>
            props.onPaper(event.target.value === REGIME_PAPER ? null : (event.target.value as PaperSize))
          }
          data-testid="export-paper"
        >
          <option value={REGIME_PAPER}>As the law (US Letter for US)</option>
          <option value="a4">A4</option>
          <option value="letter">US Letter</option>
        </select>
      </label>
    </fieldset>
  )
}

/** Off by default; ticking it shows the warning, and only "Include leaked text" there turns it on. */
export function LeakedTextChoice(props: {
  included: boolean
  warning: boolean
  onToggle(): void
  onConfirm(): void
  onKeepOut(): void
}): React.JSX.Element {
  return (
    <fieldset className="export-group">
      <legend>Leaked text</legend>
      <label className="export-choice">
        <input
          type="checkbox"
          checked={props.included}
          onChange={props.onToggle}
          data-testid="export-leaked-text"
        />
        Include the text still readable under leaking boxes
      </label>
      {props.warning ? (
        <div
          className="export-warning"
          role="alertdialog"
          aria-labelledby="export-leak-warning"
          data-testid="export-leak-warning"
        >
          <p id="export-leak-warning">
            This puts back in the report the very words the agency meant to withhold: names, addresses,
            advice. Anyone you send the report to can read them. Without it, the report still lists each leak
            with its size and a fingerprint (SHA-256).
          </p>
          <div className="export-warning-actions">
            <button type="button" className="button" onClick={props.onKeepOut} autoFocus>
              Keep it out
            </button>
            <button
              type="button"
              className="button button-danger"
              onClick={props.onConfirm}
              data-testid="export-leak-confirm"
            >
              Include leaked text
            </button>
          </div>
        </div>
      ) : null}
    </fieldset>
  )
}
