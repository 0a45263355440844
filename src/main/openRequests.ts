/**
 * Opening PDFs the desktop way, without Electron: paths the OS hands over (argv, a second launch,
 * macOS `open-file`, File › Open Recent) wait in a queue until the renderer takes them; every path
 * imported from disk (those, the import dialog, a drop) goes to the front of the recent list, which
 * is kept in <userData>/recent-files.json and shown as File › Open Recent. index.ts supplies the
 * Electron calls (menu rebuild, app.addRecentDocument, notifying the window).
 */
import type { ImportResult } from '@shared/ipc'
import { PendingOpens } from './launchArgs'
import {
  parseRecentFiles,
  recentMenuEntries,
  serialiseRecentFiles,
  withRecent,
  type RecentMenuEntry
} from './recentFiles'

export interface OpenRequestsDeps {
  /** services.importPaths: the real import checks. */
  readonly importPaths: (paths: readonly string[]) => Promise<ImportResult>
  /** The stored recent list's text, or null when there is none yet. */
  readonly readRecent: () => Promise<string | null>
  readonly writeRecent: (text: string) => Promise<void>
  /** More paths are waiting: tell the window to take them. */
  readonly notifyWaiting: () => void
  /** The recent list changed (rebuild the menu); `added` is the path just opened, if any. */
  readonly recentChanged: (added: string | null) => void
}

export interface OpenRequests {
  /** Reads the stored recent list once at start. */
  load(): Promise<void>
  /** Queues paths the OS asked to open; the window is told when any is new. */
  request(paths: readonly string[]): void
  /** Imports every queued path (the renderer's `pdf:take-opened`). */
  take(): Promise<ImportResult>
  /** Imports paths one by one, so that exactly the accepted ones become recent. */
  importRemembered(paths: readonly string[]): Promise<ImportResult>
  recentEntries(): RecentMenuEntry[]
  clearRecent(): void
}

export function createOpenRequests(deps: OpenRequestsDeps): OpenRequests {
  const pending = new PendingOpens()
  let recent: string[] = []
  // Writes run one after another, so an older list never lands after a newer one.
  let writing: Promise<void> = Promise.resolve()
  const save = (): void => {
    const text = serialiseRecentFiles(recent)
    writing = writing.then(() => deps.writeRecent(text)).catch(() => undefined)
  }

  async function importRemembered(paths: readonly string[]): Promise<ImportResult> {
    const files: ImportResult['files'][number][] = []
    const rejected: ImportResult['rejected'][number][] = []
    for (const path of paths) {
      const result = await deps.importPaths([path])
      files.push(...result.files)
      rejected.push(...result.rejected)
      if (result.files.length > 0) {
        recent = withRecent(recent, path)
        save()
        deps.recentChanged(path)
      }
    }
    return { files, rejected }
  }

  return {
    async load() {
      recent = parseRecentFiles(await deps.readRecent().catch(() => null))
      deps.recentChanged(null)
    },
    request(paths) {
      if (pending.add(paths)) deps.notifyWaiting()
    },
    take: () => importRemembered(pending.take()),
    importRemembered,
    recentEntries: () => recentMenuEntries(recent),
    clearRecent() {
      recent = []
      save()
      deps.recentChanged(null)
    }
  }
}
