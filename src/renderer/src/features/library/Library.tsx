/**
 * The library: releases down the side, the selected release's details and documents beside them.
 * Every change goes through actions.ts (one transaction + a history row), and every destructive one
 * asks first and offers Undo afterwards.
 */
import { useState } from 'react'
import { withheld } from '../../db/db'
import { describeDbError } from '../../db/describeDbError'
import { undo } from '../../db/history'
import type { AnalysisOptions } from '@shared/analysis'
import type { DocumentRow, ReleaseRow } from '../../db/rows'
import { ConfirmDialog } from '../../ui/Dialog'
import { formatIsoDate, plural } from '../../ui/format'
import { useToasts } from '../../ui/toasts'
import { setResponseLetter } from '../release/letterActions'
import {
  createRelease,
  deleteDocument,
  deleteRelease,
  moveDocument,
  updateRelease,
  type ReleaseFields
} from './actions'
import { DocumentItem, DOCUMENT_DRAG_TYPE } from './DocumentItem'
import { PasswordDialog } from './PasswordDialog'
import { useDocuments, useReleases } from './queries'
import { ReleaseForm } from './ReleaseForm'

const REGIME_LABELS: Record<ReleaseRow['regime'], string | null> = {
  'nz-oia': 'NZ OIA',
  'nz-lgoima': 'NZ LGOIMA',
  'us-foia': 'US FOIA',
  unknown: null
}

export interface LibraryProps {
  readonly selectedReleaseId: string | null
  readonly onSelectRelease: (releaseId: string | null) => void
  readonly highlightedDocumentId: string | null
  readonly onOpenDocument: (documentId: string) => void
  readonly onImport: () => void
  readonly onRetry: (documentId: string, password?: string) => void
  /** Queues the document again with these analysis options (e.g. a higher `rasterDpi` for scans). */
  readonly onReanalyse?: (documentId: string, options: Partial<AnalysisOptions>) => void
  /** Called before a document is deleted, so its analysis stops. */
  readonly onForget: (documentId: string) => void
  /** Opens the release panel: statistics and the response letter's reconciliation. */
  readonly onOpenRelease?: (releaseId: string) => void
}

type Editing = { kind: 'new' } | { kind: 'edit'; release: ReleaseRow } | null
type Confirming =
  { kind: 'document'; document: DocumentRow } | { kind: 'release'; release: ReleaseRow; count: number } | null

export function Library(props: LibraryProps): React.JSX.Element {
  const releases = useReleases()
  const documents = useDocuments()
  const toasts = useToasts()
  const [editing, setEditing] = useState<Editing>(null)
  const [confirming, setConfirming] = useState<Confirming>(null)
  const [unlocking, setUnlocking] = useState<DocumentRow | null>(null)
  const [dropTarget, setDropTarget] = useState<string | null>(null)

  if (!releases || !documents) return <div className="library-loading" aria-busy="true" />

  const selected = releases.find((r) => r.id === props.selectedReleaseId) ?? releases[0] ?? null
  const countOf = (releaseId: string): number => documents.filter((d) => d.releaseId === releaseId).length
  const shown = selected ? documents.filter((d) => d.releaseId === selected.id) : []

  const offerUndo = (message: string): void =>
    toasts.info(message, {
      label: 'Undo',
      run: () => void undo(withheld).catch((e: unknown) => toasts.error(describeDbError('Undo', e)))
    })
  const failed = (what: string) => (error: unknown) => toasts.error(describeDbError(what, error))

  const save = (fields: ReleaseFields): void => {
    const current = editing
    setEditing(null)
    if (current?.kind === 'edit') {
      void updateRelease(withheld, current.release.id, fields).catch(failed('Saving the release'))
    } else {
      void createRelease(withheld, fields).then(props.onSelectRelease, failed('Creating the release'))
    }
  }

  const confirm = (): void => {
    const current = confirming
    setConfirming(null)
    if (current?.kind === 'document') {
      props.onForget(current.document.id)
      void deleteDocument(withheld, current.document.id)
        .then(() => offerUndo(`Deleted “${current.document.name}”.`))
        .catch(failed('Deleting the document'))
    } else if (current?.kind === 'release') {
      for (const d of documents.filter((doc) => doc.releaseId === current.release.id)) props.onForget(d.id)
      void deleteRelease(withheld, current.release.id)
        .then(() => offerUndo(`Deleted release “${current.release.name}”.`))
        .catch(failed('Deleting the release'))
    }
  }

  const move = (documentId: string, releaseId: string): void => {
    void moveDocument(withheld, documentId, releaseId).catch(failed('Moving the document'))
  }

  return (
    <div className="library">
      <nav className="sidebar" aria-label="Releases">
        <div className="sidebar-header">
          <h2 className="sidebar-title">Releases</h2>
          <button type="button" className="button button-small" onClick={() => setEditing({ kind: 'new' })}>
            New release
          </button>
        </div>
        {releases.length === 0 && <p className="sidebar-empty">Releases you import appear here.</p>}
        <ul className="release-list">
          {releases.map((release) => (
            <li key={release.id}>
              <button
                type="button"
                className={[
                  'release-item',
                  release.id === selected?.id ? 'is-selected' : '',
                  dropTarget === release.id ? 'is-drop-target' : ''
                ].join(' ')}
                aria-current={release.id === selected?.id ? 'true' : undefined}
                data-testid="release-item"
                onClick={() => props.onSelectRelease(release.id)}
                onDragOver={(event) => {
                  if (!event.dataTransfer.types.includes(DOCUMENT_DRAG_TYPE)) return
                  event.preventDefault()
                  event.stopPropagation()
                  setDropTarget(release.id)
                }}
                onDragLeave={() => setDropTarget(null)}
                onDrop={(event) => {
                  const documentId = event.dataTransfer.getData(DOCUMENT_DRAG_TYPE)
                  if (!documentId) return
                  event.preventDefault()
                  event.stopPropagation()
                  setDropTarget(null)
                  move(documentId, release.id)
                }}
              >
                <span className="release-item-name">{release.name}</span>
                <span className="release-item-count">{countOf(release.id)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>

      <main className="release-pane">
        {selected ? (
          <ReleaseDetails
            release={selected}
            onEdit={() => setEditing({ kind: 'edit', release: selected })}
            onOverview={props.onOpenRelease ? () => props.onOpenRelease?.(selected.id) : undefined}
            onDelete={() =>
              setConfirming({ kind: 'release', release: selected, count: countOf(selected.id) })
            }
          />
        ) : (
          <div className="empty-state">
            <h2>No releases yet</h2>
            <p>
              Import the PDFs from an OIA or FOIA response to review their redactions, or drop them anywhere
              on this window.
            </p>
            <button type="button" className="button button-primary" onClick={props.onImport}>
              Import PDFs…
            </button>
          </div>
        )}
        {selected && shown.length === 0 && (
          <div className="empty-state">
            <p>No documents in this release yet. Import PDFs, or drop files anywhere on this window.</p>
            <button type="button" className="button button-primary" onClick={props.onImport}>
              Import PDFs…
            </button>
          </div>
        )}
        {shown.length > 0 && (
          <table className="documents" aria-label={`Documents in ${selected?.name ?? 'release'}`}>
            <thead>
              <tr>
                <th className="col-name">Name</th>
                <th className="col-pages">Pages</th>
                <th className="col-size">Size</th>
                <th className="col-date">Imported</th>
                <th className="col-state">Analysis</th>
                <th className="col-actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((document) => (
                <DocumentItem
                  key={document.id}
                  document={document}
                  releases={releases}
                  highlighted={document.id === props.highlightedDocumentId}
                  onOpen={props.onOpenDocument}
                  onMove={move}
                  onDelete={(d) => setConfirming({ kind: 'document', document: d })}
                  onRetry={(d) => props.onRetry(d.id)}
                  onReanalyse={(d, rasterDpi) => props.onReanalyse?.(d.id, { rasterDpi })}
                  onPassword={setUnlocking}
                  onToggleLetter={(d) =>
                    void setResponseLetter(withheld, d.id, !d.isResponseLetter).catch(
                      failed('Marking the letter')
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        )}
      </main>

      {editing && (
        <ReleaseForm
          release={editing.kind === 'edit' ? editing.release : null}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={confirming.kind === 'document' ? 'Delete document?' : 'Delete release?'}
          message={
            confirming.kind === 'document'
              ? `“${confirming.document.name}” and your review of it will be removed from the library. You can undo this.`
              : `“${confirming.release.name}” and its ${plural(confirming.count, 'document')} will be removed from the library. You can undo this.`
          }
          confirmLabel="Delete"
          onConfirm={confirm}
          onCancel={() => setConfirming(null)}
        />
      )}
      {unlocking && (
        <PasswordDialog
          documentName={unlocking.name}
          onSubmit={(password) => {
            setUnlocking(null)
            props.onRetry(unlocking.id, password)
          }}
          onCancel={() => setUnlocking(null)}
        />
      )}
    </div>
  )
}

function ReleaseDetails({
  release,
  onEdit,
  onDelete,
  onOverview
}: {
  release: ReleaseRow
  onEdit: () => void
  onDelete: () => void
  onOverview?: () => void
}): React.JSX.Element {
  const facts: [string, string][] = [
    ['Agency', release.agency],
    ['Reference', release.requestRef],
    ['Requested', formatIsoDate(release.requestDate)],
    ['Responded', formatIsoDate(release.responseDate)],
    ['Regime', REGIME_LABELS[release.regime] ?? '']
  ]
  return (
    <header className="release-header">
      <div className="release-heading">
        <h2 className="release-name" data-testid="release-name">
          {release.name}
        </h2>
        <div className="release-buttons">
          {onOverview ? (
            <button
              type="button"
              className="button button-small"
              onClick={onOverview}
              data-testid="open-release-panel"
            >
              Overview and statistics
            </button>
          ) : null}
          <button type="button" className="button button-small" onClick={onEdit}>
            Edit details
          </button>
          <button type="button" className="button button-small button-quiet" onClick={onDelete}>
            Delete release
          </button>
        </div>
      </div>
      <dl className="release-facts">
        {facts
          .filter(([, value]) => value)
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {release.notes && <p className="release-notes">{release.notes}</p>}
    </header>
  )
}
