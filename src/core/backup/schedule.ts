/**
 * When the next automatic backup is due. A backup of a large workspace reads every PDF, so it runs
 * at most every MIN_BACKUP_INTERVAL_MS while changes keep coming; after a burst of work it waits for
 * QUIET_BEFORE_BACKUP_MS without changes, so it does not start in the middle of a tagging run.
 */

/** 10 minutes: at most ten minutes of review lost to a reset the live database cannot survive. */
export const MIN_BACKUP_INTERVAL_MS = 10 * 60_000
/** 30 s without a change counts as a pause in the work. */
export const QUIET_BEFORE_BACKUP_MS = 30_000

export interface BackupClock {
  /** When the first change not yet in a backup happened; null when everything is backed up. */
  readonly dirtySinceMs: number | null
  readonly lastChangeMs: number
  /** The newest automatic backup; null when there is none. */
  readonly lastBackupMs: number | null
  readonly nowMs: number
}

/** Milliseconds until the next backup should start (0: now), or null when nothing needs backing up. */
export function autoBackupDelayMs(clock: BackupClock): number | null {
  if (clock.dirtySinceMs === null) return null
  const notBefore = clock.lastBackupMs === null ? -Infinity : clock.lastBackupMs + MIN_BACKUP_INTERVAL_MS
  // A pause in the work, or at the latest one interval after the first unsaved change.
  const wanted = Math.min(
    clock.lastChangeMs + QUIET_BEFORE_BACKUP_MS,
    clock.dirtySinceMs + MIN_BACKUP_INTERVAL_MS
  )
  return Math.max(0, Math.max(notBefore, wanted) - clock.nowMs)
}
