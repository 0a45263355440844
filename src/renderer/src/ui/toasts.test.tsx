// @vitest-environment jsdom
import { act, useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { INFO_TOAST_MS, MAX_INFO_TOASTS, ToastProvider, useToasts } from './toasts'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let api: ReturnType<typeof useToasts>
function Capture(): null {
  const toasts = useToasts()
  useEffect(() => {
    api = toasts
  }, [toasts])
  return null
}

let container: HTMLDivElement
let root: ReturnType<typeof createRoot>
beforeEach(() => {
  vi.useFakeTimers()
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  act(() =>
    root.render(
      <ToastProvider>
        <Capture />
      </ToastProvider>
    )
  )
})
afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.useRealTimers()
})

const texts = (kind: string): string[] =>
  Array.from(
    container.querySelectorAll(`[data-testid="toast-${kind}"] .toast-message`),
    (el) => el.textContent ?? ''
  )

describe('toasts', () => {
  it('lets information fade but keeps errors until dismissed', () => {
    act(() => {
      api.info('Imported 1 PDF.')
      api.error('“notes.pdf” is not a PDF.')
    })
    expect(texts('info')).toEqual(['Imported 1 PDF.'])
    act(() => vi.advanceTimersByTime(INFO_TOAST_MS + 1))
    expect(texts('info')).toEqual([])
    expect(texts('error')).toEqual(['“notes.pdf” is not a PDF.'])
    const dismiss = container.querySelector<HTMLButtonElement>(
      '[data-testid="toast-error"] [aria-label="Dismiss"]'
    )
    act(() => dismiss?.click())
    expect(texts('error')).toEqual([])
  })

  it(`shows at most ${MAX_INFO_TOASTS} notices, newest kept, and never drops an error for them`, () => {
    act(() => {
      api.error('kept')
      for (let i = 1; i <= MAX_INFO_TOASTS + 2; i++) api.info(`info ${i}`)
    })
    expect(texts('info')).toEqual(['info 3', 'info 4', 'info 5'])
    expect(texts('error')).toEqual(['kept'])
  })

  it('runs a toast action once and closes the toast', () => {
    const run = vi.fn()
    act(() => api.info('Deleted “a.pdf”.', { label: 'Undo', run }))
    const button = Array.from(container.querySelectorAll('button')).find((b) => b.textContent === 'Undo')
    act(() => button?.click())
    expect(run).toHaveBeenCalledTimes(1)
    expect(texts('info')).toEqual([])
  })
})
