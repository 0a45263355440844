/** The modal that asks for a PDF's open password; says so plainly when the last one was wrong. */
import { useEffect, useRef, useState } from 'react'
import type { PasswordReason } from '../../pdf/pdfSession'

export function PasswordPrompt(props: {
  documentName: string
  reason: PasswordReason
  onSubmit(password: string): void
  onCancel(): void
}): React.JSX.Element {
  const [password, setPassword] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    inputRef.current?.focus()
  }, [props.reason])

  return (
    <div className="viewer-modal-backdrop">
      <form
        className="viewer-modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="viewer-password-title"
        onSubmit={(event) => {
          event.preventDefault()
          props.onSubmit(password)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onCancel()
        }}
      >
        <h2 id="viewer-password-title">Password required</h2>
        <p>
          <strong>{props.documentName || 'This PDF'}</strong> is protected. Enter its password to open it.
        </p>
        {props.reason === 'incorrect' ? (
          <p className="viewer-modal-error" role="alert">
            Wrong password, try again.
          </p>
        ) : null}
        <input
          ref={inputRef}
          type="password"
          name="pdf-password"
          aria-label="Password"
          autoComplete="off"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="viewer-modal-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Open
          </button>
        </div>
      </form>
    </div>
  )
}
