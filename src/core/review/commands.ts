/**
 * User commands as data (excalidraw's actions, style.md): one record per command holds its name, the
 * words a menu or the shortcut sheet shows, its keys, when it applies and what it does. A keyboard
 * handler, a menu and a command palette all read the same list, so a shortcut can never drift from
 * the sheet that documents it.
 */

/** A key as KeyboardEvent.key reports it ("j", "Delete", "?"), with the modifiers it needs. */
export interface KeyBinding {
  readonly key: string
  readonly ctrl?: boolean
  readonly shift?: boolean
}

export interface Command<Context> {
  /** Stable id, e.g. "review.accept". */
  readonly name: string
  /** What the sheet and menus show: "Accept the grounds". */
  readonly label: string
  /** Grouping on the shortcut sheet. */
  readonly group: string
  readonly keys: readonly KeyBinding[]
  /** False when the command has nothing to act on (no redaction selected). */
  readonly enabled: (context: Context) => boolean
  readonly perform: (context: Context) => void
}

/** The parts of a KeyboardEvent a binding looks at, so matching is testable without a DOM. */
export interface KeyPress {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}

/** Single characters are compared case-blind ("A" with Shift still reads as the "a" key). */
function sameKey(binding: string, pressed: string): boolean {
  return binding.length === 1 && pressed.length === 1
    ? binding.toLowerCase() === pressed.toLowerCase()
    : binding === pressed
}

export function bindingMatches(binding: KeyBinding, press: KeyPress): boolean {
  if (press.altKey) return false
  if ((press.ctrlKey || press.metaKey) !== (binding.ctrl ?? false)) return false
  // Shift is implied by characters like "?" and only checked where the binding asks for it.
  if (binding.shift !== undefined && press.shiftKey !== binding.shift) return false
  return sameKey(binding.key, press.key)
}

/** The first command bound to this key press, enabled or not (the caller decides what a disabled one does). */
export function findCommand<C>(commands: readonly Command<C>[], press: KeyPress): Command<C> | null {
  return commands.find((c) => c.keys.some((k) => bindingMatches(k, press))) ?? null
}

/** "Ctrl+Shift+Z", "Delete", "?": how a binding is written on the sheet. */
export function describeBinding(binding: KeyBinding): string {
  const parts: string[] = []
  if (binding.ctrl) parts.push('Ctrl')
  if (binding.shift) parts.push('Shift')
  parts.push(
    binding.key === ' ' ? 'Space' : binding.key.length === 1 ? binding.key.toUpperCase() : binding.key
  )
  return parts.join('+')
}

/** Duplicate bindings are a bug: two commands on one key means one of them is unreachable. */
export function duplicateBindings<C>(commands: readonly Command<C>[]): string[] {
  const seen = new Map<string, string>()
  const clashes: string[] = []
  for (const command of commands) {
    for (const binding of command.keys) {
      const id = describeBinding(binding).toLowerCase()
      const other = seen.get(id)
      if (other !== undefined && other !== command.name) clashes.push(`${id}: ${other} and ${command.name}`)
      seen.set(id, command.name)
    }
  }
  return clashes
}
