/**
 * The application menu as data (excalidraw's "commands as data"): each entry names a `MenuCommand`
 * that the renderer also binds to shortcuts and buttons, so the menu, the keyboard and undo agree.
 * Clipboard and quit use Electron's roles, which handle platform conventions themselves.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@shared/ipc'

export interface MenuInput {
  readonly isMac: boolean
  /** Sends `menu:command` to the focused window. */
  readonly send: (command: MenuCommand) => void
}

export function buildMenuTemplate({ isMac, send }: MenuInput): MenuItemConstructorOptions[] {
  const command = (label: string, id: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    id,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(id)
  })
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        command('Import PDFs…', 'import-pdfs', 'CmdOrCtrl+O'),
        command('Export report…', 'export-report', 'CmdOrCtrl+E'),
        { type: 'separator' },
        command('Back up workspace…', 'backup-workspace'),
        command('Restore workspace…', 'restore-workspace'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' }
      ]
    },
    {
      label: '&Edit',
      submenu: [
        // Undo/redo act on review decisions in IndexedDB, not on text fields: the renderer decides.
        command('Undo', 'undo', 'CmdOrCtrl+Z'),
        command('Redo', 'redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' }
      ]
    },
    {
      label: '&View',
      submenu: [
        command('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
        command('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
        command('Actual Size', 'zoom-reset', 'CmdOrCtrl+0'),
        { type: 'separator' },
        command('Fit Width', 'zoom-fit-width', 'CmdOrCtrl+1'),
        command('Fit Page', 'zoom-fit-page', 'CmdOrCtrl+2'),
        { type: 'separator' },
        command('Toggle Thumbnails', 'toggle-thumbnails', 'CmdOrCtrl+T')
      ]
    }
  ]
  if (isMac) {
    template.unshift({
      label: 'Withheld',
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'quit' }]
    })
  }
  return template
}
