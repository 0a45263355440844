/**
 * The application menu as data (excalidraw's "commands as data"): each entry names a `MenuCommand`
 * that the renderer also binds to shortcuts and buttons, so the menu, the keyboard and undo agree.
 * Clipboard, quit and About use Electron's roles, which handle platform conventions themselves;
 * Open Recent and Print act in main, which alone holds file paths and the window to print.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@shared/ipc'
import type { RecentMenuEntry } from './recentFiles'

export interface MenuInput {
  readonly isMac: boolean
  /** Sends `menu:command` to the focused window. */
  readonly send: (command: MenuCommand) => void
  /** File › Open Recent, newest first (recentFiles.ts). */
  readonly recent: readonly RecentMenuEntry[]
  readonly openRecent: (path: string) => void
  readonly clearRecent: () => void
  /** Prints the focused window as shown (the open page view, or the library). */
  readonly print: () => void
}

export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const { isMac, send } = input
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
        { label: 'Open &Recent', id: 'open-recent', submenu: recentSubmenu(input) },
        command('Export report…', 'export-report', 'CmdOrCtrl+E'),
        { label: '&Print…', id: 'print', accelerator: 'CmdOrCtrl+P', click: () => input.print() },
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
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        command('User Guide', 'show-guide', 'F1'),
        command('Keyboard Shortcuts', 'show-shortcuts', 'CmdOrCtrl+/'),
        // The Mac has About under the app menu; elsewhere it belongs at the end of Help.
        ...(isMac
          ? []
          : [{ type: 'separator' } as const, { role: 'about', label: 'About Withheld' } as const])
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

function recentSubmenu({ recent, openRecent, clearRecent }: MenuInput): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No recent PDFs', enabled: false }]
  return [
    ...recent.map((entry): MenuItemConstructorOptions => ({
      label: entry.label,
      click: () => openRecent(entry.path)
    })),
    { type: 'separator' },
    { label: 'Clear Recent', id: 'clear-recent', click: () => clearRecent() }
  ]
}
