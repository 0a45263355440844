import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@shared/ipc'
import { buildMenuTemplate } from './menu'

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])

const ALL_COMMANDS: MenuCommand[] = [
  'import-pdfs',
  'export-report',
  'undo',
  'redo',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  'zoom-fit-width',
  'zoom-fit-page',
  'toggle-thumbnails',
  'backup-workspace',
  'restore-workspace'
]

describe('application menu', () => {
  it('sends every menu command to the renderer when clicked', () => {
    const sent: MenuCommand[] = []
    const items = flatten(buildMenuTemplate({ isMac: false, send: (command) => sent.push(command) }))
    for (const item of items) {
      if (item.click) (item.click as () => void)()
    }
    expect(sent.sort()).toEqual([...ALL_COMMANDS].sort())
  })

  it('has File, Edit and View menus with the agreed shortcuts and roles', () => {
    const template = buildMenuTemplate({ isMac: false, send: () => undefined })
    expect(template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View'])
    const items = flatten(template)
    const accelerator = (id: string): unknown => items.find((item) => item.id === id)?.accelerator
    expect(accelerator('import-pdfs')).toBe('CmdOrCtrl+O')
    expect(accelerator('export-report')).toBe('CmdOrCtrl+E')
    expect(accelerator('undo')).toBe('CmdOrCtrl+Z')
    expect(accelerator('redo')).toBe('Ctrl+Y')
    expect(items.map((item) => item.role).filter(Boolean)).toEqual([
      'quit',
      'cut',
      'copy',
      'paste',
      'selectAll'
    ])
    const accelerators = items.map((item) => item.accelerator).filter(Boolean)
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it('follows macOS conventions on a Mac', () => {
    const template = buildMenuTemplate({ isMac: true, send: () => undefined })
    expect(template[0]!.label).toBe('Withheld')
    const items = flatten(template)
    expect(items.find((item) => item.id === 'redo')?.accelerator).toBe('Shift+Cmd+Z')
  })
})
