/**
 * File › Export report…: what to cover (the release, the open document, or the review panel's
 * filter on it), which formats (several at once), page pictures, paper, and leaked text, which stays
 * out unless the user confirms a warning. Then a progress bar with Cancel while pictures are drawn
 * and the report built, main's save dialog, and "Show in folder" once the files are written.
 */
import { useRef, useState } from 'react'
import type { PaperSize, ReportFileFormat, ReportSaveOutcome } from '@shared/ipc'
import { withheld } from '../../db/db'
import { Dialog } from '../../ui/Dialog'
import { plural } from '../../ui/format'
import { ExportCancelled } from './cancel'
import { FormatChoice, LayoutChoice, LeakedTextChoice, ScopeChoice } from './ExportChoices'
import type { ExportScope } from '@core/report/fromLibrary'
import { loadRemembered, saveRemembered } from './remembered'
import { runExport, type ExportProgress } from './runExport'
import { useExportTarget, type ReviewFilterScope } from './useExportTarget'
import './export.css'

export interface ExportDialogProps {
  /** The release the library shows, or null for the newest. */
  readonly releaseId: string | null
  /** The document open in the viewer, if any. */
  readonly documentId: string | null
  /** The review panel's filter on the open document, when one is set. */
  readonly reviewFilter: ReviewFilterScope | null
  readonly onClose: () => void
}

type ScopeKind = ExportScope['kind']
type Stage =
  | { readonly kind: 'choosing' }
  | { readonly kind: 'running'; readonly progress: ExportProgress }
  | { readonly kind: 'done'; readonly outcome: Exclude<ReportSaveOutcome, { status: 'cancelled' }> }

const PHASE_TEXT: Readonly<Record<ExportProgress['phase'], string>> = {
  reading: 'Reading the library…',
  leaks: 'Reading leaked text again from the PDFs',
  pictures: 'Drawing page pictures',
  building: 'Building the report…',
  saving: 'Saving: choose where in the dialog. A PDF of a long release takes a minute to print…'
}

export function ExportDialog(props: ExportDialogProps): React.JSX.Element {
  const target = useExportTarget(props.releaseId, props.documentId)
  const [scopeKind, setScopeKind] = useState<ScopeKind>(props.documentId ? 'document' : 'release')
  const [remembered] = useState(loadRemembered)
  const [formats, setFormats] = useState<ReadonlySet<ReportFileFormat>>(remembered.formats)
  const [thumbnails, setThumbnails] = useState(remembered.thumbnails)
  const [paper, setPaper] = useState<PaperSize | null>(remembered.paper)
  const [includeLeakedText, setIncludeLeakedText] = useState(false)
  const [warningLeaks, setWarningLeaks] = useState(false)
  const [stage, setStage] = useState<Stage>({ kind: 'choosing' })
  const abortRef = useRef<AbortController | null>(null)

  const release = target?.release ?? null
  const document = target?.document ?? null
  const filter =
    props.reviewFilter && document && props.reviewFilter.documentId === document.id
      ? props.reviewFilter
      : null

  const scope = (): ExportScope | null => {
    if (scopeKind === 'document' && document) return { kind: 'document', documentId: document.id }
    if (scopeKind === 'filter' && filter) return { kind: 'filter', ...filter }
    return scopeKind === 'release' ? { kind: 'release' } : null
  }

  const start = (): void => {
    const chosen = scope()
    if (!release || !chosen || formats.size === 0) return
    saveRemembered({ formats, thumbnails, paper })
    const controller = new AbortController()
    abortRef.current = controller
    setStage({ kind: 'running', progress: { phase: 'reading', done: 0, total: 1 } })
    runExport(
      withheld,
      window.api,
      release.id,
      // Null paper: the report's regime picks it once the report is built, as `withheld report` does.
      { scope: chosen, formats, thumbnails, includeLeakedText, paper },
      controller.signal,
      (progress) => setStage({ kind: 'running', progress })
    )
      .then((outcome) =>
        setStage(outcome.status === 'cancelled' ? { kind: 'choosing' } : { kind: 'done', outcome })
      )
      .catch((error: unknown) => {
        if (error instanceof ExportCancelled) setStage({ kind: 'choosing' })
        else
          setStage({
            kind: 'done',
            outcome: { status: 'failed', message: error instanceof Error ? error.message : String(error) }
          })
      })
      .finally(() => {
        abortRef.current = null
      })
  }

  const close = (): void => {
    abortRef.current?.abort()
    props.onClose()
  }

  if (target === undefined)
    return (
      <Dialog title="Export report" onClose={close} actions={null} testId="export-dialog">
        {null}
      </Dialog>
    )
  if (!release) {
    return (
      <Dialog
        title="Export report"
        onClose={close}
        testId="export-dialog"
        actions={
          <button type="button" className="button" onClick={close}>
            Close
          </button>
        }
      >
        <p>There is no release to report on yet. Import PDFs first.</p>
      </Dialog>
    )
  }

  if (stage.kind === 'running') {
    const { progress } = stage
    const counted = progress.phase === 'leaks' || progress.phase === 'pictures'
    return (
      <Dialog
        title="Exporting report"
        onClose={close}
        testId="export-dialog"
        actions={
          <button
            type="button"
            className="button"
            onClick={() => abortRef.current?.abort()}
            disabled={progress.phase === 'saving'}
            data-testid="export-cancel"
          >
            Cancel
          </button>
        }
      >
        <div className="export-progress" data-testid="export-progress" data-phase={progress.phase}>
          <p aria-live="polite">
            {PHASE_TEXT[progress.phase]}
            {counted ? `: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}` : ''}
          </p>
          <progress
            className="progress export-progress-bar"
            max={counted ? Math.max(1, progress.total) : undefined}
            value={counted ? progress.done : undefined}
          />
        </div>
      </Dialog>
    )
  }

  if (stage.kind === 'done') {
    const { outcome } = stage
    return (
      <Dialog
        title={outcome.status === 'saved' ? 'Report saved' : 'The report was not saved'}
        onClose={close}
        testId="export-dialog"
        actions={
          <>
            {outcome.status === 'saved' ? (
              <button
                type="button"
                className="button"
                onClick={() => void window.api.showSavedReport(outcome.saveId)}
                data-testid="export-show-in-folder"
              >
                Show in folder
              </button>
            ) : (
              <button type="button" className="button" onClick={() => setStage({ kind: 'choosing' })}>
                Back
              </button>
            )}
            <button type="button" className="button button-primary" onClick={close} autoFocus>
              Close
            </button>
          </>
        }
      >
        {outcome.status === 'saved' ? (
          <div data-testid="export-saved">
            <p>
              Saved {plural(outcome.fileNames.length, 'file')} in “{outcome.folderName}”:
            </p>
            <ul className="export-files">
              {outcome.fileNames.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="export-error" role="alert" data-testid="export-error">
            {outcome.message}
          </p>
        )}
      </Dialog>
    )
  }

  const toggleFormat = (format: ReportFileFormat): void =>
    setFormats((prev) => {
      const next = new Set(prev)
      if (next.has(format)) next.delete(format)
      else next.add(format)
      return next
    })
  const pictures = formats.has('html') || formats.has('pdf')

  return (
    <Dialog
      title="Export report"
      onClose={close}
      onSubmit={start}
      testId="export-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={formats.size === 0 || warningLeaks}
            data-testid="export-start"
          >
            Export…
          </button>
        </>
      }
    >
      <ScopeChoice
        scopeKind={scopeKind}
        onScope={setScopeKind}
        releaseName={release.name}
        documentCount={target?.documentCount ?? 0}
        documentName={document?.name ?? null}
        filterLabel={filter?.label ?? null}
        unfinished={target?.unfinished ?? 0}
      />
      <FormatChoice formats={formats} onToggle={toggleFormat} />
      <LayoutChoice
        thumbnails={thumbnails}
        pictures={pictures}
        onThumbnails={() => setThumbnails((on) => !on)}
        paper={paper}
        onPaper={setPaper}
      />
      <LeakedTextChoice
        included={includeLeakedText}
        warning={warningLeaks}
        onToggle={() => {
          if (includeLeakedText) setIncludeLeakedText(false)
          else setWarningLeaks(true)
        }}
        onConfirm={() => {
          setIncludeLeakedText(true)
          setWarningLeaks(false)
        }}
        onKeepOut={() => setWarningLeaks(false)}
      />
    </Dialog>
  )
}
