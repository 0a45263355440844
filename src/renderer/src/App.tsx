/**
 * The app shell: header with the import button, the library or an open document, the window-wide
 * drop zone, and the commands that reach us from the menu (import, undo, redo) or the keyboard.
 * Opening the database comes first: a library written by a newer Withheld, or one that cannot be
 * opened, gets a clear message instead of a half-working UI.
 */
import { useCallback, useEffect, useState } from 'react'
import type { MenuCommand } from '@shared/ipc'
import { openForApp, requestPersistentStorage, withheld, type OpenOutcome } from './db/db'
import { describeDbError } from './db/describeDbError'
import { redo, undo } from './db/history'
import { DocumentViewer } from './features/viewer/DocumentViewer'
import { ExportDialog } from './features/export/ExportDialog'
import { useReviewFilterScope } from './features/export/reviewFilterScope'
import { DropZone } from './features/import/DropZone'
import { useImporter } from './features/import/useImporter'
import { useOpenedFiles } from './features/import/useOpenedFiles'
import { UserGuide } from './features/help/UserGuide'
import { ShortcutSheet } from './features/review/ShortcutSheet'
import { Library } from './features/library/Library'
import { CommandPalette } from './features/palette/CommandPalette'
import { useShellCommands } from './features/palette/useShellCommands'
import { ReleasePanel } from './features/release/ReleasePanel'
import { useViewerNavigation } from './features/search/navigation'
import { SearchDialog } from './features/search/SearchDialog'
import { useCurrentRelease } from './features/search/useCurrentRelease'
import { trackDatabaseInstance } from './features/backup/instance'
import { OPEN_DOCUMENT_KEY } from './features/backup/useWorkspaceSafety'
import { WorkspaceSafety } from './features/backup/WorkspaceSafety'
import { ToastProvider, useToasts } from './ui/toasts'

export function App(): React.JSX.Element {
  const [opened, setOpened] = useState<OpenOutcome | null>(null)
  useEffect(() => {
    // Before the first open: a newly created database gets a new instance id (silent-reset check).
    trackDatabaseInstance(withheld)
    void openForApp(withheld).then(setOpened)
    void requestPersistentStorage()
  }, [])

  if (!opened) return <div className="app-loading" aria-busy="true" />
  if (!opened.ok) {
    return (
      <div className="app-error" role="alert" data-testid="db-error">
        <h1>Withheld cannot open your library</h1>
        <p>{opened.message}</p>
      </div>
    )
  }
  return (
    <ToastProvider>
      <Shell />
    </ToastProvider>
  )
}

/** True when typing in a field, where Ctrl+Z belongs to the field's own text. */
const isEditingText = (): boolean => {
  const el = document.activeElement
  return (
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(el.type)) ||
    (el instanceof HTMLElement && el.isContentEditable)
  )
}

/** Which release was on screen, so a reload or restart comes back to it (UI state, not library data). */
const SELECTED_RELEASE_KEY = 'withheld.selectedReleaseId'

/**
 * The document remembered from the last run may be gone (deleted, or the database was reset or
 * restored since): then the app starts in the library rather than on a "no longer here" message.
 * Checked once, for the id the app started with; a document deleted while open keeps its message.
 */
function useForgetVanishedDocument(documentId: string | null, forget: (id: null) => void): void {
  const [startedWith] = useState(documentId)
  useEffect(() => {
    if (!startedWith) return
    let live = true
    void withheld.documents.get(startedWith).then(
      (row) => {
        if (live && !row) forget(null)
      },
      () => undefined
    )
    return () => {
      live = false
    }
  }, [startedWith, forget])
}

function Shell(): React.JSX.Element {
  const toasts = useToasts()
  const [selectedReleaseId, setSelectedReleaseId] = useState<string | null>(() =>
    localStorage.getItem(SELECTED_RELEASE_KEY)
  )
  useEffect(() => {
    if (selectedReleaseId) localStorage.setItem(SELECTED_RELEASE_KEY, selectedReleaseId)
  }, [selectedReleaseId])
  const [highlighted, setHighlighted] = useState<string | null>(null)
  // Kept across restarts (localStorage), so closing the app mid-review, a crash or a reload comes
  // back to the open document; its page, zoom and selection are restored by the viewer.
  const [openDocumentId, setOpenDocumentId] = useState<string | null>(() =>
    localStorage.getItem(OPEN_DOCUMENT_KEY)
  )
  useEffect(() => {
    if (openDocumentId) localStorage.setItem(OPEN_DOCUMENT_KEY, openDocumentId)
    else localStorage.removeItem(OPEN_DOCUMENT_KEY)
  }, [openDocumentId])
  useForgetVanishedDocument(openDocumentId, setOpenDocumentId)
  /** The release panel (statistics, letter reconciliation), shown when no document is open. */
  const [releaseView, setReleaseView] = useState<string | null>(null)
  const [overlay, setOverlay] = useState<'search' | 'palette' | 'export' | 'shortcuts' | 'guide' | null>(null)
  const { openAt, visit } = useViewerNavigation(setOpenDocumentId)
  const currentRelease = useCurrentRelease(openDocumentId, releaseView, selectedReleaseId)
  const reviewFilter = useReviewFilterScope()

  const reveal = useCallback((releaseId: string, documentId: string | null) => {
    setOpenDocumentId(null)
    setReleaseView(null)
    setSelectedReleaseId(releaseId)
    setHighlighted(documentId)
  }, [])
  const importer = useImporter({ selectedReleaseId, reveal })
  const { importFrom, queue } = importer
  const importDialog = useCallback(() => void importFrom(() => window.api.importDialog()), [importFrom])
  useOpenedFiles(importFrom)

  const step = useCallback(
    (direction: 'undo' | 'redo') => {
      if (isEditingText()) {
        document.execCommand(direction)
        return
      }
      void (direction === 'undo' ? undo(withheld) : redo(withheld))
        .then((label) => {
          if (label) toasts.info(`${direction === 'undo' ? 'Undid' : 'Redid'}: ${label}`)
          // An undone delete brings a document back mid-analysis: pick its analysis up again.
          return queue.resumeInterrupted()
        })
        .catch((e: unknown) => toasts.error(describeDbError(direction === 'undo' ? 'Undo' : 'Redo', e)))
    },
    [queue, toasts]
  )

  useEffect(() => {
    const run = (command: MenuCommand): void => {
      if (command === 'import-pdfs') importDialog()
      else if (command === 'undo' || command === 'redo') step(command)
      else if (command === 'export-report') setOverlay('export')
      else if (command === 'show-shortcuts') setOverlay('shortcuts')
      else if (command === 'show-guide') setOverlay('guide')
    }
    return window.api.onMenuCommand(run)
  }, [importDialog, step])

  // Keys and the command palette: one list (features/palette/shellCommands.ts).
  useShellCommands({
    releaseId: currentRelease?.id ?? null,
    screen: openDocumentId ? 'viewer' : releaseView ? 'release' : 'library',
    importing: importer.busy,
    openDocumentId,
    importPdfs: importDialog,
    undo: () => step('undo'),
    redo: () => step('redo'),
    openSearch: () => setOverlay('search'),
    openPalette: () => setOverlay('palette'),
    openExport: () => setOverlay('export'),
    openReleaseOverview: () => {
      if (!currentRelease) return
      setOpenDocumentId(null)
      setReleaseView(currentRelease.id)
    },
    backToLibrary: () => {
      setOpenDocumentId(null)
      setReleaseView(null)
    }
  })

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">Withheld</h1>
        <div className="app-header-actions">
          <button
            type="button"
            className="button"
            onClick={() => setOverlay('export')}
            disabled={!currentRelease}
            title="Export a report of this release or document (HTML, PDF, CSV, JSON, Markdown)"
            data-testid="export-button"
          >
            Export report…
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={importDialog}
            disabled={importer.busy}
            data-testid="import-button"
          >
            {importer.busy ? 'Importing…' : 'Import PDFs…'}
          </button>
        </div>
      </header>
      <WorkspaceSafety />
      <div className="app-body">
        {openDocumentId ? (
          <DocumentViewer key={visit} documentId={openDocumentId} onClose={() => setOpenDocumentId(null)} />
        ) : releaseView ? (
          <ReleasePanel
            releaseId={releaseView}
            onClose={() => setReleaseView(null)}
            onOpenAt={openAt}
            onSearch={() => setOverlay('search')}
          />
        ) : (
          <Library
            selectedReleaseId={selectedReleaseId}
            onSelectRelease={(id) => {
              setSelectedReleaseId(id)
              setHighlighted(null)
            }}
            highlightedDocumentId={highlighted}
            onOpenDocument={setOpenDocumentId}
            onImport={importDialog}
            onRetry={(id, password) => queue.enqueue(id, password)}
            onReanalyse={(id, options) => queue.enqueue(id, undefined, options)}
            onForget={(id) => queue.cancel(id)}
            onOpenRelease={setReleaseView}
          />
        )}
      </div>
      <DropZone onDropFiles={(files) => void importFrom(() => window.api.importDropped(files))} />
      {overlay === 'search' && currentRelease ? (
        <SearchDialog
          releaseId={currentRelease.id}
          releaseName={currentRelease.name}
          onClose={() => setOverlay(null)}
          onOpenAt={openAt}
        />
      ) : null}
      {overlay === 'palette' ? <CommandPalette onClose={() => setOverlay(null)} /> : null}
      {overlay === 'shortcuts' ? <ShortcutSheet onClose={() => setOverlay(null)} /> : null}
      {overlay === 'guide' ? <UserGuide onClose={() => setOverlay(null)} /> : null}
      {overlay === 'export' ? (
        <ExportDialog
          releaseId={currentRelease?.id ?? selectedReleaseId}
          documentId={openDocumentId}
          reviewFilter={reviewFilter}
          onClose={() => setOverlay(null)}
        />
      ) : null}
    </div>
  )
}
