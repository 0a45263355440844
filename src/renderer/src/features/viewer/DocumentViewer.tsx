/**
 * The document viewer: what App shows when a document is opened from the library. Reads the PDF's
 * bytes from IndexedDB, opens them in a pdf.js session of its own, and shows either the pages or a
 * clear state — opening, password prompt, locked, broken, hung — never a blank window.
 */
import { useState } from 'react'
import { PasswordPrompt } from './PasswordPrompt'
import { useDocumentBytes, useDocumentName, useInitialViewState } from './queries'
import { Toolbar } from './Toolbar'
import { usePdfSession } from './usePdfSession'
import { ViewerBody } from './ViewerBody'
import { ViewerMessage } from './ViewerMessage'
import './viewer.css'

export interface DocumentViewerProps {
  documentId: string
  onClose: () => void
}

export function DocumentViewer({ documentId, onClose }: DocumentViewerProps): React.JSX.Element {
  const docName = useDocumentName(documentId)
  const bytesState = useDocumentBytes(documentId)
  const initialView = useInitialViewState(documentId)
  const [attempt, setAttempt] = useState(0)
  const session = usePdfSession(bytesState.status === 'ready' ? bytesState.bytes : null, attempt)
  const name = docName ?? ''

  if (session.status === 'ready' && initialView !== undefined) {
    return (
      <div className="document-viewer" data-state="ready" data-document-id={documentId}>
        <ViewerBody
          key={`${documentId}:${attempt}`}
          session={session.session}
          documentId={documentId}
          name={name}
          onClose={onClose}
          initialView={initialView}
        />
      </div>
    )
  }

  let body: React.JSX.Element
  let state: string = session.status
  if (docName === null) {
    state = 'missing'
    body = <ViewerMessage tone="error" title="This document is no longer in the library." />
  } else if (bytesState.status === 'missing') {
    state = 'missing'
    body = (
      <ViewerMessage
        tone="error"
        title="The PDF's contents are missing from the library."
        detail="Import the file again to view it."
      />
    )
  } else if (session.status === 'failed') {
    const { failure } = session
    state = failure.kind
    body = (
      <ViewerMessage
        tone={failure.kind === 'locked' ? 'locked' : 'error'}
        title={failure.title}
        detail={failure.detail}
      >
        {failure.kind === 'locked' ? (
          <button type="button" className="primary" onClick={() => setAttempt((n) => n + 1)}>
            Enter password…
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          Back to library
        </button>
      </ViewerMessage>
    )
  } else if (session.status === 'password') {
    body = <ViewerMessage tone="locked" title="This PDF is protected by a password." />
  } else {
    body = <ViewerMessage tone="busy" title={`Opening ${name || 'document'}…`} />
  }

  return (
    <div className="document-viewer" data-state={state} data-document-id={documentId}>
      <Toolbar name={name} documentId={documentId} onClose={onClose} />
      {body}
      {session.status === 'password' ? (
        <PasswordPrompt
          key={`${session.attempt}`}
          documentName={name}
          reason={session.reason}
          onSubmit={session.submit}
          onCancel={session.cancel}
        />
      ) : null}
    </div>
  )
}
