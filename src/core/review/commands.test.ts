import { describe, expect, it } from 'vitest'
import {
  bindingMatches,
  describeBinding,
  duplicateBindings,
  findCommand,
  type Command,
  type KeyPress
} from './commands'

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods
})

describe('commands as data', () => {
  const log: string[] = []
  const commands: Command<null>[] = [
    {
      name: 'next',
      label: 'Next',
      group: 'Move',
      keys: [{ key: 'j' }],
      enabled: () => true,
      perform: () => log.push('next')
    },
    {
      name: 'redo',
      label: 'Redo',
      group: 'Edit',
      keys: [{ key: 'z', ctrl: true, shift: true }],
      enabled: () => true,
      perform: () => log.push('redo')
    },
    {
      name: 'help',
      label: 'Shortcuts',
      group: 'Help',
      keys: [{ key: '?' }],
      enabled: () => true,
      perform: () => log.push('help')
    }
  ]

  it('matches keys case-blind and respects modifiers', () => {
    expect(findCommand(commands, press('J', { shiftKey: true }))?.name).toBe('next')
    expect(findCommand(commands, press('j', { ctrlKey: true }))).toBeNull()
    expect(findCommand(commands, press('j', { altKey: true }))).toBeNull()
    expect(findCommand(commands, press('Z', { ctrlKey: true, shiftKey: true }))?.name).toBe('redo')
    expect(findCommand(commands, press('z', { ctrlKey: true }))).toBeNull()
    expect(findCommand(commands, press('?', { shiftKey: true }))?.name).toBe('help')
    expect(bindingMatches({ key: 'Delete' }, press('Delete'))).toBe(true)
  })

  it('writes bindings for the sheet and finds clashes', () => {
    expect(describeBinding({ key: 'z', ctrl: true, shift: true })).toBe('Ctrl+Shift+Z')
    expect(describeBinding({ key: 'Enter' })).toBe('Enter')
    expect(duplicateBindings(commands)).toEqual([])
    const clash = [...commands, { ...commands[0]!, name: 'other' }]
    expect(duplicateBindings(clash)).toEqual(['j: next and other'])
  })
})
