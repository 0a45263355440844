import { describe, expect, it } from 'vitest'
import type { Command } from '@core/review/commands'
import { bindCommands, registerCommandSource, registeredCommands } from './commandRegistry'

interface Ctx {
  count: number
}
const commands: Command<Ctx>[] = [
  {
    name: 'x.inc',
    label: 'Increment',
    group: 'X',
    keys: [{ key: 'i' }],
    enabled: (c) => c.count < 2,
    perform: (c) => {
      c.count++
    }
  }
]

describe('command registry', () => {
  it('lists registered commands bound to their live context, and forgets them on unregister', () => {
    const ctx = { count: 0 }
    const off = registerCommandSource('x', () => bindCommands(commands, () => ctx))
    const [inc] = registeredCommands()
    expect(inc?.label).toBe('Increment')
    inc?.perform()
    inc?.perform()
    expect(ctx.count).toBe(2)
    expect(inc?.enabled()).toBe(false)
    off()
    expect(registeredCommands()).toEqual([])
  })

  it('shows a name registered by two sources once', () => {
    const ctx = { count: 0 }
    const offA = registerCommandSource('a', () => bindCommands(commands, () => ctx))
    const offB = registerCommandSource('b', () => bindCommands(commands, () => ctx))
    expect(registeredCommands()).toHaveLength(1)
    offA()
    offB()
  })
})
