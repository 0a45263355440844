/**
 * Runs the review's commands from the keyboard, window-wide while a document is open, except where
 * keys belong to something else: a text field (the note, the picker's search), an open dialog, or
 * a key another handler already took.
 */
import { findCommand } from '@core/review/commands'
import { useEffect, useRef } from 'react'
import { useCommandSource } from '../palette/commandRegistry'
import { REVIEW_COMMANDS, type ReviewContext } from './reviewCommands'

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

export function useReviewKeyboard(context: ReviewContext): void {
  const latest = useRef(context)
  useEffect(() => {
    latest.current = context
  })
  // The command palette lists and runs the same commands, against the same live context.
  useCommandSource('review', REVIEW_COMMANDS, latest)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || (event.repeat === true && event.key === 'Delete')) return
      if (isTextField(event.target) || document.querySelector('dialog[open]')) return
      const command = findCommand(REVIEW_COMMANDS, event)
      if (!command) return
      // Enter on a focused button is the button's own click; leave it be.
      if (event.key === 'Enter' && event.target instanceof HTMLButtonElement) return
      if (!command.enabled(latest.current)) return
      event.preventDefault()
      // The key is ours: the viewer's own handler (registered after this one, by the parent) must not
      // also page on an arrow that nudged a box.
      event.stopImmediatePropagation()
      command.perform(latest.current)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
