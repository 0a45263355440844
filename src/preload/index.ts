/**
 * Builds `window.api`, the renderer's only door to main (security.md E2): one function per contract
 * channel, never `ipcRenderer` itself; listeners receive the payload only, never the IPC event (which
 * would hand the page `event.sender`). Annotated with `Api`, so drift from src/shared/ipc.ts fails to compile.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { Api, Commands, Events, ImportResult } from '@shared/ipc'

export const INVOKE_CHANNELS = [
  'pdf:import-dialog',
  'pdf:import-dropped',
  'pdf:take-opened',
  'analysis:start',
  'analysis:cancel',
  'report:save',
  'report:show',
  'backup:begin',
  'backup:write',
  'backup:finish',
  'backup:abort',
  'backup:list',
  'restore:open',
  'restore:read',
  'restore:close',
  'workspace:read-marker',
  'workspace:write-marker',
  'backup:close-ready'
] as const
export const EVENT_CHANNELS = [
  'menu:command',
  'analysis:event',
  'backup:before-close',
  'pdf:opened-waiting'
] as const

const invoke =
  <K extends keyof Commands>(channel: K) =>
  (...args: Parameters<Commands[K]>): ReturnType<Commands[K]> =>
    ipcRenderer.invoke(channel, ...args) as ReturnType<Commands[K]>

function subscribe<K extends keyof Events>(channel: K, listener: (...args: Events[K]) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, ...args: unknown[]): void => listener(...(args as Events[K]))
  ipcRenderer.on(channel, wrapped)
  return () => {
    ipcRenderer.removeListener(channel, wrapped)
  }
}

/** Dropped File objects → the paths main may read. A File built in JS has no path: refused by name. */
async function importDropped(files: readonly File[]): Promise<ImportResult> {
  const paths: string[] = []
  const unreadable: { name: string; message: string }[] = []
  for (const file of Array.from(files)) {
    const path = webUtils.getPathForFile(file)
    if (path) paths.push(path)
    else unreadable.push({ name: file.name, message: `“${file.name}” is not a file on this computer.` })
  }
  const result: ImportResult =
    paths.length > 0 ? await invoke('pdf:import-dropped')(paths) : { files: [], rejected: [] }
  return { files: result.files, rejected: [...result.rejected, ...unreadable] }
}

export const api: Api = {
  importDialog: invoke('pdf:import-dialog'),
  importDropped,
  takeOpenedFiles: invoke('pdf:take-opened'),
  onOpenedFilesWaiting: (listener) => subscribe('pdf:opened-waiting', listener),
  startAnalysis: invoke('analysis:start'),
  cancelAnalysis: invoke('analysis:cancel'),
  saveReport: invoke('report:save'),
  showSavedReport: invoke('report:show'),
  beginBackup: invoke('backup:begin'),
  writeBackup: invoke('backup:write'),
  finishBackup: invoke('backup:finish'),
  abortBackup: invoke('backup:abort'),
  listBackups: invoke('backup:list'),
  openRestore: invoke('restore:open'),
  readRestore: invoke('restore:read'),
  closeRestore: invoke('restore:close'),
  readWorkspaceMarker: invoke('workspace:read-marker'),
  writeWorkspaceMarker: invoke('workspace:write-marker'),
  closeReady: invoke('backup:close-ready'),
  onBeforeClose: (listener) => subscribe('backup:before-close', listener),
  onMenuCommand: (listener) => subscribe('menu:command', listener),
  onAnalysisEvent: (listener) => subscribe('analysis:event', listener)
}

contextBridge.exposeInMainWorld('api', api)
