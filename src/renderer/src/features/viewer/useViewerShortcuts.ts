/**
 * Keyboard and menu commands for an open document. Zoom keys (Ctrl+= / Ctrl+− / Ctrl+0, and Ctrl+1 /
 * Ctrl+2 for fit width / fit page, as in the View menu) work
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

function runCommand(c: ViewerCommands, command: MenuCommand): void {
  const actions: Partial<Record<MenuCommand, () => void>> = {
    'zoom-in': c.zoomIn,
    'zoom-out': c.zoomOut,
    'zoom-reset': c.zoomReset,
    'zoom-fit-width': c.fitWidth,
    'zoom-fit-page': c.fitPage,
    'toggle-thumbnails': c.toggleThumbnails
  }
  actions[command]?.()
}

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * The menu's accelerators (CmdOrCtrl+= …) and our keydown handler may both see one key press,
 * depending on platform; a menu command this soon after the same keyboard command is that echo.
 */
const ECHO_WINDOW_MS = 150

export function useViewerShortcuts(
  root: React.RefObject<HTMLElement | null>,
  commands: ViewerCommands
): void {
  const latest = useRef(commands)
  const lastKeyCommand = useRef<{ command: MenuCommand; at: number } | null>(null)
  useEffect(() => {
    latest.current = commands
  })

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const c = latest.current
      if (event.ctrlKey || event.metaKey) {
        const zoom: Record<string, MenuCommand | undefined> = {
          '=': 'zoom-in',
          '+': 'zoom-in',
          '-': 'zoom-out',
          _: 'zoom-out',
          '0': 'zoom-reset',
          '1': 'zoom-fit-width',
          '2': 'zoom-fit-page'
        }
        const command = zoom[event.key]
        if (command && !event.altKey) {
          event.preventDefault()
          lastKeyCommand.current = { command, at: performance.now() }
          runCommand(c, command)
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
    // window.api is absent when the renderer runs outside Electron without the test harness.
    const api = (window as Partial<Window>).api
    return api?.onMenuCommand((command) => {
      const key = lastKeyCommand.current
      if (key && key.command === command && performance.now() - key.at < ECHO_WINDOW_MS) return
      runCommand(latest.current, command)
    })
  }, [])
}
