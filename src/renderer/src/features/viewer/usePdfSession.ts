/**
 * Opens a document's bytes in its own pdf.js session and walks the user through what can happen on
 * the way: a password prompt (retry on a wrong one, cancel leaves it locked), a broken file, or a
 * worker that hangs. The session is closed when the viewer unmounts or the bytes change.
 */
import { useEffect, useState } from 'react'
import { describePdfError, type PdfFailure } from '../../pdf/describeError'
import { openPdfSession, type PasswordReason, type PdfSession } from '../../pdf/pdfSession'

export type SessionState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | {
      readonly status: 'password'
      readonly reason: PasswordReason
      readonly attempt: number
      submit(password: string): void
      cancel(): void
    }
  | { readonly status: 'ready'; readonly session: PdfSession }
  | { readonly status: 'failed'; readonly failure: PdfFailure }

/** @param attempt bump it to open again after a failure ("Try again" on a locked document). */
export function usePdfSession(bytes: Uint8Array | null, attempt: number): SessionState {
  const [state, setState] = useState<{ key: unknown; value: SessionState }>({
    key: null,
    value: { status: 'idle' }
  })
  const key = bytes ? `${attempt}` : null

  useEffect(() => {
    if (!bytes) return
    const stateKey = `${attempt}`
    let active = true
    let session: PdfSession | null = null
    let answerPending: ((password: string | null) => void) | null = null
    const show = (value: SessionState): void => {
      if (active) setState({ key: stateKey, value })
    }
    show({ status: 'loading' })

    openPdfSession(bytes, {
      askPassword: (reason, attemptNumber) =>
        new Promise<string | null>((resolve) => {
          answerPending = resolve
          show({
            status: 'password',
            reason,
            attempt: attemptNumber,
            submit: (password) => {
              answerPending = null
              show({ status: 'loading' })
              resolve(password)
            },
            cancel: () => {
              answerPending = null
              resolve(null)
            }
          })
        })
    }).then(
      (opened) => {
        if (!active) {
          opened.close()
          return
        }
        session = opened
        opened.onDead((hang) => show({ status: 'failed', failure: describePdfError(hang) }))
        show({ status: 'ready', session: opened })
      },
      (error: unknown) => show({ status: 'failed', failure: describePdfError(error) })
    )

    return () => {
      active = false
      // Unmounted while the prompt was up: answering "cancel" makes the session kill its worker.
      answerPending?.(null)
      session?.close()
    }
  }, [bytes, attempt])

  return state.key === key ? state.value : bytes ? { status: 'loading' } : { status: 'idle' }
}
