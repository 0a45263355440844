/**
 * Electron wiring for workspace backups: the save/open dialogs, the IPC handlers (through the checked
 * registry), and the close gate that gives the renderer a chance to write a final automatic backup
 * when the window closes with unsaved changes (at most CLOSE_BACKUP_TIMEOUT_MS, then it closes anyway:
 * the live database already holds every change, the backup is a second copy).
 */
import { BrowserWindow, dialog } from 'electron'
import { BACKUP_EXTENSION } from '@core/backup/format'
import type { BackupDialogs, BackupService } from './backupService'
import type { IpcRegistry } from './ipc'

/** A minute covers a ~1 GB workspace on a slow disk (measured ~10 s per GB here); beyond it, close. */
export const CLOSE_BACKUP_TIMEOUT_MS = 60_000

const FILTERS = [{ name: 'Withheld backup', extensions: [BACKUP_EXTENSION] }]

export function electronBackupDialogs(): BackupDialogs {
  const parent = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? undefined
  return {
    async chooseSavePath(defaultName) {
      const options = { title: 'Back up workspace', defaultPath: defaultName, filters: FILTERS }
      const window = parent()
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      return choice.canceled || !choice.filePath ? null : choice.filePath
    },
    async chooseOpenPath() {
      const options = {
        title: 'Restore workspace',
        properties: ['openFile'] as 'openFile'[],
        filters: [...FILTERS, { name: 'All files', extensions: ['*'] }]
      }
      const window = parent()
      const choice = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return choice.canceled ? null : (choice.filePaths[0] ?? null)
    }
  }
}

export function wireBackupIpc(registry: IpcRegistry, backup: BackupService, onCloseReady: () => void): void {
  registry.handle('backup:begin', (_event, target) => backup.begin(target))
  registry.handle('backup:write', (_event, writeId, chunk) => backup.write(writeId, chunk))
  registry.handle('backup:finish', (_event, writeId, facts) => backup.finish(writeId, facts))
  registry.handle('backup:abort', (_event, writeId) => backup.abort(writeId))
  registry.handle('backup:list', () => backup.list())
  registry.handle('restore:open', (_event, source) => backup.openRestore(source))
  registry.handle('restore:read', (_event, readId) => backup.readRestore(readId))
  registry.handle('restore:close', (_event, readId) => backup.closeRestore(readId))
  registry.handle('workspace:read-marker', () => backup.readMarker())
  registry.handle('workspace:write-marker', (_event, marker) => backup.writeMarker(marker))
  registry.handle('backup:close-ready', async () => onCloseReady())
}

/** The part of a window the close gate needs (a fake in tests). */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown
  close(): void
  isDestroyed(): boolean
}

/**
 * Holds the first close of `window` until the renderer answers `backup:close-ready` (or the timeout
 * passes), after `ask()` has sent it `backup:before-close`. Returns the function the answer calls.
 */
export function installCloseGate(
  window: ClosableWindow,
  ask: () => void,
  timeoutMs: number = CLOSE_BACKUP_TIMEOUT_MS
): () => void {
  let state: 'open' | 'waiting' | 'closing' = 'open'
  let timer: ReturnType<typeof setTimeout> | null = null
  const proceed = (): void => {
    if (state !== 'waiting') return
    state = 'closing'
    if (timer) clearTimeout(timer)
    if (!window.isDestroyed()) window.close()
  }
  window.on('close', (event) => {
    if (state === 'closing') return
    event.preventDefault()
    if (state === 'waiting') return
    state = 'waiting'
    timer = setTimeout(proceed, timeoutMs)
    ask()
  })
  return proceed
}
