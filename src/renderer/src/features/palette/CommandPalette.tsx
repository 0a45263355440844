/**
 * The command palette (Ctrl+K or Ctrl+Shift+P): every command registered right now (commandRegistry.ts)
 * with its shortcuts, filtered as you type (core/review/fuzzy.ts). Enter or a click runs the chosen
 * one after the palette has closed, so focus is back where the command expects it (the note field,
 * the pages). Commands that cannot run now are listed greyed out, so the palette also teaches what exists.
 */
import { describeBinding } from '@core/review/commands'
import { fuzzyFilter } from '@core/review/fuzzy'
import { useEffect, useMemo, useRef, useState } from 'react'
import { registeredCommands, type BoundCommand } from './commandRegistry'
import './palette.css'

export function CommandPalette(props: { onClose(): void }): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  // Read once on opening, with `enabled` evaluated then: the palette is modal, nothing changes under it.
  const [commands] = useState(() =>
    registeredCommands().map((command) => ({ command, enabled: command.enabled() }))
  )
  const shown = useMemo(() => fuzzyFilter(commands, query, (c) => c.command.label), [commands, query])
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1))

  useEffect(() => {
    const dialog = ref.current
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      dialog?.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  const run = (command: BoundCommand, enabled: boolean): void => {
    if (!enabled) return
    props.onClose()
    // After the dialog is gone and focus has returned to what opened it.
    requestAnimationFrame(() => command.perform())
  }

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // A search field's own Escape only clears it; one Escape should close the dialog.
      event.preventDefault()
      props.onClose()
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const next = Math.max(0, Math.min(shown.length - 1, activeIndex + (event.key === 'ArrowDown' ? 1 : -1)))
      setActive(next)
      document.getElementById(`palette-item-${next}`)?.scrollIntoView({ block: 'nearest' })
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const item = shown[activeIndex]
      if (item) run(item.command, item.enabled)
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog palette"
      aria-label="Commands"
      data-testid="palette"
      onCancel={(event) => {
        event.preventDefault()
        props.onClose()
      }}
      onKeyDown={onKeyDown}
    >
      <input
        className="palette-input"
        placeholder="Type a command"
        aria-label="Filter commands"
        aria-controls="palette-list"
        aria-activedescendant={shown.length > 0 ? `palette-item-${activeIndex}` : undefined}
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        data-testid="palette-input"
      />
      <ul className="palette-list" id="palette-list" role="listbox" aria-label="Commands">
        {shown.length === 0 ? <li className="palette-empty">No command matches.</li> : null}
        {shown.map(({ command, enabled }, i) => (
          <li
            key={command.name}
            id={`palette-item-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            aria-disabled={!enabled}
            className={[
              'palette-item',
              i === activeIndex ? 'is-active' : '',
              enabled ? '' : 'is-disabled'
            ].join(' ')}
            data-testid="palette-item"
            data-name={command.name}
            onMouseMove={() => setActive(i)}
            onClick={() => run(command, enabled)}
          >
            <span className="palette-label">{command.label}</span>
            <span className="palette-group">{command.group}</span>
            <span className="palette-keys">
              {command.keys.map((k) => (
                <kbd key={describeBinding(k)}>{describeBinding(k)}</kbd>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </dialog>
  )
}
