/**
 * The File › Open Recent list: the PDFs last imported from disk (dialog, drop, file manager, command
 * line), newest first. Kept by main in <userData>/recent-files.json, because only main ever sees file
 * paths (the renderer and reports get names only, V6); the menu shows names, not folders, unless two
 * share a name. Pure: reading, adding and labelling are tested here; index.ts does the file I/O.
 */
import { basename, dirname } from 'node:path'

/** As many as a menu shows at a glance (Office and Acrobat keep 10 or fewer by default). */
export const MAX_RECENT_FILES = 10

/** `path` moved (or added) to the front, each path once, at most `max`. */
export function withRecent(list: readonly string[], path: string, max = MAX_RECENT_FILES): string[] {
  return [path, ...list.filter((entry) => entry !== path)].slice(0, max)
}

/** The stored list; a missing, damaged or foreign file reads as an empty list, never an error. */
export function parseRecentFiles(json: string | null): string[] {
  if (json === null) return []
  try {
    const value = JSON.parse(json) as unknown
    const list = (value as { files?: unknown } | null)?.files
    if (!Array.isArray(list)) return []
    const paths = list.filter((entry): entry is string => typeof entry === 'string' && entry !== '')
    return paths.reduceRight<string[]>((kept, path) => withRecent(kept, path), []).slice(0, MAX_RECENT_FILES)
  } catch {
    return []
  }
}

export const serialiseRecentFiles = (list: readonly string[]): string =>
  `${JSON.stringify({ files: list.slice(0, MAX_RECENT_FILES) }, null, 2)}\n`

export interface RecentMenuEntry {
  readonly label: string
  readonly path: string
}

/** Menu labels: the file name, with its folder's name after it when another entry has the same name. */
export function recentMenuEntries(list: readonly string[]): RecentMenuEntry[] {
  const names = list.map((path) => basename(path))
  return list.map((path, index) => {
    const name = names[index]!
    const shared = names.filter((other) => other === name).length > 1
    // "&" marks an access key in Windows and Linux menus: doubled, it shows as itself.
    const label = (shared ? `${name} — ${basename(dirname(path))}` : name).replace(/&/g, '&&')
    return { label, path }
  })
}
