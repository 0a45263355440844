/**
 * Names and retention of the backups Withheld keeps by itself in `<userData>/backups/`: rolling
 * automatic ones (the newest KEEP_AUTOMATIC) and the safety copy taken before each restore (the newest
 * KEEP_BEFORE_RESTORE, counted apart so a burst of automatic backups never pushes them out). Files
 * whose names Withheld did not give (a user's own copy dropped there) are never deleted.
 */
import { BACKUP_EXTENSION } from './format'

export type StoredBackupKind = 'automatic' | 'before-restore'

/** 5 × at most one per 10 minutes of work: the last ~hour of changes, and older states after a pause. */
export const KEEP_AUTOMATIC = 5
export const KEEP_BEFORE_RESTORE = 3

const PREFIX: Record<StoredBackupKind, string> = { automatic: 'auto', 'before-restore': 'before-restore' }
const NAME = new RegExp(
  `^withheld-(auto|before-restore)-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z\\.${BACKUP_EXTENSION}$`
)

/** e.g. `withheld-auto-2026-11-28T17-30-00-000Z.withheld-backup`: sorts by time, safe on every OS. */
export function storedBackupName(kind: StoredBackupKind, at: Date): string {
  const stamp = at.toISOString().replace(/:/g, '-').replace('.', '-')
  return `withheld-${PREFIX[kind]}-${stamp}.${BACKUP_EXTENSION}`
}

export interface ParsedBackupName {
  readonly kind: StoredBackupKind
  readonly createdAtMs: number
}

export function parseStoredBackupName(name: string): ParsedBackupName | null {
  const match = NAME.exec(name)
  if (!match) return null
  const [, prefix, day, h, m, s, ms] = match
  const createdAtMs = Date.parse(`${day}T${h}:${m}:${s}.${ms}Z`)
  if (Number.isNaN(createdAtMs)) return null
  return { kind: prefix === 'auto' ? 'automatic' : 'before-restore', createdAtMs }
}

/** Which of `names` to delete so each kind keeps its newest `keep[kind]`. */
export function backupsToDelete(
  names: readonly string[],
  keep: Readonly<Record<StoredBackupKind, number>> = {
    automatic: KEEP_AUTOMATIC,
    'before-restore': KEEP_BEFORE_RESTORE
  }
): string[] {
  const doomed: string[] = []
  for (const kind of ['automatic', 'before-restore'] as const) {
    const ofKind = names
      .map((name) => ({ name, parsed: parseStoredBackupName(name) }))
      .filter((entry) => entry.parsed?.kind === kind)
      .sort((a, b) => b.parsed!.createdAtMs - a.parsed!.createdAtMs || (a.name < b.name ? 1 : -1))
    doomed.push(...ofKind.slice(Math.max(0, keep[kind])).map((entry) => entry.name))
  }
  return doomed
}
