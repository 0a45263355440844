/**
 * Keyboard and menu commands for an open document. Zoom keys (Ctrl+= / Ctrl+− / Ctrl+0) work
 * anywhere in the window and are swallowed so Chromium's page zoom never scales the whole UI;
 * paging keys work when focus is in the viewer and not in a text field.
 */
import { useEffect, useRef } from 'react'
import type { MenuCommand } from '@shared/ipc'

export interface ViewerCommands {
  zoomIn(): void
  zoomOut(): void
  zoomReset(): void
  fitWidth(): void
  fitPage(): void
  toggleThumbnails(): void
  nextPage(): void
  previousPage(): void
  firstPage(): void
  lastPage(): void
  /** True when the page column scrolls sideways (zoomed in): arrows then scroll, not page. */
  scrollsHorizontally(): boolean
}

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

export function useViewerShortcuts(
  root: React.RefObject<HTMLElement | null>,
  commands: ViewerCommands
): void {
  const latest = useRef(commands)
  useEffect(() => {
    latest.current = commands
  })

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const c = latest.current
      if (event.ctrlKey || event.metaKey) {
        const zoom: Record<string, (() => void) | undefined> = {
          '=': c.zoomIn,
          '+': c.zoomIn,
          '-': c.zoomOut,
          _: c.zoomOut,
          '0': c.zoomReset
        }
        const action = zoom[event.key]
        if (action && !event.altKey) {
          event.preventDefault()
          action()
        }
        return
      }
      if (event.altKey || isTextField(event.target)) return
      const inViewer =
        event.target === document.body ||
        (event.target instanceof Node && !!root.current?.contains(event.target))
      if (!inViewer) return
      const paging: Record<string, (() => void) | undefined> = {
        PageDown: c.nextPage,
        PageUp: c.previousPage,
        Home: c.firstPage,
        End: c.lastPage,
        n: c.nextPage,
        p: c.previousPage,
        ArrowRight: c.nextPage,
        ArrowLeft: c.previousPage
      }
      const action = paging[event.key]
      if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && c.scrollsHorizontally()) return
      if (action) {
        event.preventDefault()
        action()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [root])

  useEffect(() => {
    const run: Partial<Record<MenuCommand, () => void>> = {
      'zoom-in': () => latest.current.zoomIn(),
      'zoom-out': () => latest.current.zoomOut(),
      'zoom-reset': () => latest.current.zoomReset(),
      'zoom-fit-width': () => latest.current.fitWidth(),
      'zoom-fit-page': () => latest.current.fitPage(),
      'toggle-thumbnails': () => latest.current.toggleThumbnails()
    }
    // window.api is absent when the renderer runs outside Electron without the test harness.
    const api = (window as Partial<Window>).api
    return api?.onMenuCommand((command) => run[command]?.())
  }, [])
}
