/** Asks for a PDF's password so its analysis can run; the password is used once and never stored. */
import { useState } from 'react'
import { Dialog } from '../../ui/Dialog'

export interface PasswordDialogProps {
  readonly documentName: string
  readonly onSubmit: (password: string) => void
  readonly onCancel: () => void
}

export function PasswordDialog({ documentName, onSubmit, onCancel }: PasswordDialogProps): React.JSX.Element {
  const [password, setPassword] = useState('')
  return (
    <Dialog
      title="Password required"
      onClose={onCancel}
      onSubmit={() => password && onSubmit(password)}
      testId="password-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!password}>
            Analyse
          </button>
        </>
      }
    >
      <p>“{documentName}” is protected with a password. Withheld does not keep it.</p>
      <label className="field">
        <span>Password</span>
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
      </label>
    </Dialog>
  )
}
