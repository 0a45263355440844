/**
 * Notices for the user. Information fades after INFO_TOAST_MS; errors (a refused file, a failed
 * write) stay until dismissed, so a message about a file is never missed. A toast may carry one
 * action button, e.g. Undo after a delete.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'

/** 7 s: long enough to read two lines and reach the Undo button. */
export const INFO_TOAST_MS = 7000
/** Older information gives way beyond this many, so notices never cover the page; errors all stay. */
export const MAX_INFO_TOASTS = 3

export interface ToastAction {
  readonly label: string
  readonly run: () => void
}

export interface Toast {
  readonly id: number
  readonly kind: 'info' | 'error'
  readonly message: string
  readonly action?: ToastAction
}

interface ToastApi {
  info(message: string, action?: ToastAction): void
  error(message: string): void
}

const ToastContext = createContext<ToastApi | null>(null)

export function useToasts(): ToastApi {
  const api = useContext(ToastContext)
  if (!api) throw new Error('useToasts outside <ToastProvider>')
  return api
}

export function ToastProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), [])
  const push = useCallback(
    (kind: Toast['kind'], message: string, action?: ToastAction) => {
      const id = nextId.current++
      setToasts((all) => {
        const next = [...all, { id, kind, message, ...(action ? { action } : {}) }]
        const infos = next.filter((t) => t.kind === 'info')
        const dropped = new Set(infos.slice(0, Math.max(0, infos.length - MAX_INFO_TOASTS)).map((t) => t.id))
        return next.filter((t) => !dropped.has(t.id))
      })
      if (kind === 'info') setTimeout(() => dismiss(id), INFO_TOAST_MS)
    },
    [dismiss]
  )
  const api = useMemo<ToastApi>(
    () => ({ info: (m, a) => push('info', m, a), error: (m) => push('error', m) }),
    [push]
  )
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-label="Notifications">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.kind}`}
            role={toast.kind === 'error' ? 'alert' : 'status'}
            data-testid={`toast-${toast.kind}`}
          >
            <span className="toast-message">{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  toast.action?.run()
                  dismiss(toast.id)
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss"
              title="Dismiss"
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}
