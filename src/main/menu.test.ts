import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@shared/ipc'
import { buildMenuTemplate, type MenuInput } from './menu'

const input = (overrides: Partial<MenuInput> = {}): MenuInput => ({
  isMac: false,
  send: () => undefined,
  recent: [],
  openRecent: () => undefined,
  clearRecent: () => undefined,
  print: () => undefined,
  ...overrides
})

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
  'restore-workspace',
  'show-shortcuts',
  'show-guide'
]

describe('application menu', () => {
  it('sends every menu command to the renderer when clicked', () => {
    const sent: MenuCommand[] = []
    const items = flatten(buildMenuTemplate(input({ send: (command) => sent.push(command) })))
    for (const item of items) {
      if (item.click && item.id !== 'print') (item.click as () => void)()
    }
    expect(sent.sort()).toEqual([...ALL_COMMANDS].sort())
  })

  it('has File, Edit and View menus with the agreed shortcuts and roles', () => {
    const template = buildMenuTemplate(input())
    expect(template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Help'])
    const items = flatten(template)
    const accelerator = (id: string): unknown => items.find((item) => item.id === id)?.accelerator
    expect(accelerator('import-pdfs')).toBe('CmdOrCtrl+O')
    expect(accelerator('export-report')).toBe('CmdOrCtrl+E')
    expect(accelerator('undo')).toBe('CmdOrCtrl+Z')
    expect(accelerator('redo')).toBe('Ctrl+Y')
    expect(accelerator('print')).toBe('CmdOrCtrl+P')
    expect(accelerator('show-guide')).toBe('F1')
    expect(items.map((item) => item.role).filter(Boolean)).toEqual([
      'quit',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'help',
      'about'
    ])
    const accelerators = items.map((item) => item.accelerator).filter(Boolean)
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })

  it('follows macOS conventions on a Mac', () => {
    const template = buildMenuTemplate(input({ isMac: true }))
    expect(template[0]!.label).toBe('Withheld')
    const items = flatten(template)
    expect(items.find((item) => item.id === 'redo')?.accelerator).toBe('Shift+Cmd+Z')
    // About once, under the app menu.
    expect(items.filter((item) => item.role === 'about')).toHaveLength(1)
    expect(
      flatten(template.at(-1)!.submenu as MenuItemConstructorOptions[]).map((i) => i.role)
    ).not.toContain('about')
  })

  it('lists recent PDFs by label, opens the path clicked, and clears', () => {
    const opened: string[] = []
    let cleared = 0
    let printed = 0
    const template = buildMenuTemplate(
      input({
        recent: [
          { label: 'brief.pdf', path: '/a/brief.pdf' },
          { label: 'letter.pdf', path: '/b/letter.pdf' }
        ],
        openRecent: (path) => opened.push(path),
        clearRecent: () => cleared++,
        print: () => printed++
      })
    )
    const items = flatten(template)
    const recent = items.find((item) => item.id === 'open-recent')!.submenu as MenuItemConstructorOptions[]
    expect(recent.map((item) => item.label ?? item.type)).toEqual([
      'brief.pdf',
      'letter.pdf',
      'separator',
      'Clear Recent'
    ])
    ;(recent[1]!.click as () => void)()
    ;(recent[3]!.click as () => void)()
    ;(items.find((item) => item.id === 'print')!.click as () => void)()
    expect(opened).toEqual(['/b/letter.pdf'])
    expect(cleared).toBe(1)
    expect(printed).toBe(1)
  })

  it('says so when there is nothing recent', () => {
    const items = flatten(buildMenuTemplate(input()))
    const recent = items.find((item) => item.id === 'open-recent')!.submenu as MenuItemConstructorOptions[]
    expect(recent).toEqual([{ label: 'No recent PDFs', enabled: false }])
  })
})
