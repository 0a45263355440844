/**
 * Runs the shell's commands from the keyboard, window-wide, and lists them in the palette. Keys with
 * Ctrl work everywhere (undo and redo hand a text field its own undo, App.tsx); a bare key ("/")
 * is left to text fields and open dialogs.
 */
import { findCommand } from '@core/review/commands'
import { useEffect, useRef } from 'react'
import { withheld } from '../../db/db'
import { describeDbError } from '../../db/describeDbError'
import { useToasts } from '../../ui/toasts'
import { setResponseLetter } from '../release/letterActions'
import { useCommandSource } from './commandRegistry'
import { SHELL_COMMANDS, type ShellContext } from './shellCommands'

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/** The shell supplies what only it knows; the commands that need nothing from it are built here. */
export function useShellCommands(shell: Omit<ShellContext, 'markResponseLetter'>): void {
  const toasts = useToasts()
  const context: ShellContext = {
    ...shell,
    markResponseLetter: () => {
      const id = shell.openDocumentId
      if (!id) return
      setResponseLetter(withheld, id, true)
        .then(() =>
          toasts.info('Marked as the response letter. The release overview reconciles its grounds.')
        )
        .catch((error: unknown) => toasts.error(describeDbError('Marking the letter', error)))
    }
  }
  const latest = useRef(context)
  useEffect(() => {
    latest.current = context
  })
  useCommandSource('shell', SHELL_COMMANDS, latest)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return
      const command = findCommand(SHELL_COMMANDS, event)
      if (!command) return
      const withCtrl = event.ctrlKey || event.metaKey
      const editing = command.name === 'shell.undo' || command.name === 'shell.redo'
      if (!withCtrl && (isTextField(event.target) || document.querySelector('dialog[open]'))) return
      // A dialog owns the keyboard while open, except for undo and redo inside its fields.
      if (withCtrl && !editing && document.querySelector('dialog[open]')) return
      if (!command.enabled(latest.current)) return
      event.preventDefault()
      command.perform(latest.current)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
