/**
 * Keyboard and menu commands for an open document, looked up in VIEWER_COMMANDS (the palette lists
 * the same). Zoom keys (Ctrl+= / Ctrl+− / Ctrl+0, and Ctrl+1 / Ctrl+2 for fit width / fit page, as in
 * the View menu) work anywhere in the window and are swallowed so Chromium's page zoom never scales
 * the whole UI; paging keys work when focus is in the viewer and not in a text field.
 */
import { bindingMatches } from '@core/review/commands'
import { useEffect, useRef } from 'react'
import type { MenuCommand } from '@shared/ipc'
import { useCommandSource } from '../palette/commandRegistry'
import { VIEWER_COMMANDS, type ViewerCommands } from './viewerCommands'

export type { ViewerCommands } from './viewerCommands'

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
  useCommandSource('viewer', VIEWER_COMMANDS, latest)

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const context = latest.current
      const command = VIEWER_COMMANDS.find((c) => c.keys.some((k) => bindingMatches(k, event)))
      if (event.ctrlKey || event.metaKey) {
        if (command) {
          event.preventDefault()
          if (command.menu) lastKeyCommand.current = { command: command.menu, at: performance.now() }
          command.perform(context)
        }
        return
      }
      if (!command || isTextField(event.target)) return
      const inViewer =
        event.target === document.body ||
        (event.target instanceof Node && !!root.current?.contains(event.target))
      if (!inViewer) return
      if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && context.scrollsHorizontally()) return
      event.preventDefault()
      command.perform(context)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [root])

  useEffect(() => {
    // window.api is absent when the renderer runs outside Electron without the test harness.
    const api = (window as Partial<Window>).api
    return api?.onMenuCommand((menu) => {
      const key = lastKeyCommand.current
      if (key && key.command === menu && performance.now() - key.at < ECHO_WINDOW_MS) return
      VIEWER_COMMANDS.find((c) => c.menu === menu)?.perform(latest.current)
    })
  }, [])
}
