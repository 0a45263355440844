/**
 * Every command the app currently offers, for the command palette: each part of the UI that owns
 * commands as data (core/review/commands.ts) registers them with the context they run in while it is
 * mounted (the shell always, the review while a document is open), so the palette lists exactly
 * what the keys can do right now, with the same labels, shortcuts and `enabled` rules.
 */
import type { Command } from '@core/review/commands'
import { useEffect } from 'react'

/** A command bound to its live context: what the palette shows and runs. */
export interface BoundCommand {
  readonly name: string
  readonly label: string
  readonly group: string
  readonly keys: Command<unknown>['keys']
  enabled(): boolean
  perform(): void
}

const sources = new Map<string, () => readonly BoundCommand[]>()

export function bindCommands<C>(commands: readonly Command<C>[], context: () => C): BoundCommand[] {
  return commands.map((c) => ({
    name: c.name,
    label: c.label,
    group: c.group,
    keys: c.keys,
    enabled: () => c.enabled(context()),
    perform: () => c.perform(context())
  }))
}

/** Registers a source under `id` (replacing one of the same id); returns the unregister function. */
export function registerCommandSource(id: string, list: () => readonly BoundCommand[]): () => void {
  sources.set(id, list)
  return () => {
    if (sources.get(id) === list) sources.delete(id)
  }
}

/** Every registered command, sources in registration order; a name registered twice shows once. */
export function registeredCommands(): BoundCommand[] {
  const seen = new Set<string>()
  const out: BoundCommand[] = []
  for (const list of sources.values()) {
    for (const command of list()) {
      if (seen.has(command.name)) continue
      seen.add(command.name)
      out.push(command)
    }
  }
  return out
}

/**
 * Registers `commands` while the calling component is mounted, run against `context.current` at the
 * moment the palette runs them (a ref, so the latest selection and callbacks are used).
 */
export function useCommandSource<C>(
  id: string,
  commands: readonly Command<C>[],
  context: { readonly current: C }
): void {
  useEffect(() => {
    const bound = bindCommands(commands, () => context.current)
    return registerCommandSource(id, () => bound)
  }, [id, commands, context])
}
