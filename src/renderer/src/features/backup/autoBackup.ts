/**
 * Rolling automatic backups and the workspace marker, driven by the database's own change events
 * (Dexie's `storagemutated`, fired after each committed write). A change marks the workspace dirty;
 * the schedule (src/core/backup/schedule.ts) says when to write the next backup to
 * `<userData>/backups/` through main; the marker (document count + instance id) follows each change
 * after MARKER_DEBOUNCE_MS. View state (page, zoom) changes with every scroll and is not "work": it
 * neither dirties the workspace nor moves the marker. While a reset is suspected both stay suspended,
 * so an empty library can neither push the good backups out of the rotation nor erase the marker.
 */
import { Dexie } from 'dexie'
import { autoBackupDelayMs } from '@core/backup/schedule'
import type { Api, BackupSaved } from '@shared/ipc'
import type { WithheldDb } from '../../db/db'
import { writeWorkspaceBackup, type BackupApi } from './workspaceBackup'

/** 2 s: a burst of tagging writes the marker once; a kill loses at most that much marker lag. */
export const MARKER_DEBOUNCE_MS = 2000
const IGNORED_TABLES = new Set(['viewState'])

export type AutoBackupApi = BackupApi & Pick<Api, 'writeWorkspaceMarker' | 'closeReady'>

export interface Timers {
  set(run: () => void, delayMs: number): unknown
  clear(handle: unknown): void
}
const realTimers: Timers = {
  set: (run, delayMs) => setTimeout(run, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

export interface AutoBackupOptions {
  readonly db: WithheldDb
  readonly api: AutoBackupApi
  readonly instanceId: string
  /** createdAt of the newest automatic backup, if any. */
  readonly lastBackupMs: number | null
  readonly onBackup?: (result: BackupSaved) => void
  readonly now?: () => number
  readonly timers?: Timers
}

/** True when a storagemutated event touched a table of `dbName` other than view state. */
export function touchesWork(parts: Readonly<Record<string, unknown>>, dbName: string): boolean {
  const prefix = `idb://${dbName}/`
  return Object.keys(parts).some((key) => {
    if (!key.startsWith(prefix)) return false
    const table = key.slice(prefix.length).split('/')[0] ?? ''
    return table !== '' && !IGNORED_TABLES.has(table)
  })
}

export class AutoBackup {
  private dirtySinceMs: number | null = null
  private lastChangeMs = 0
  /** Counts changes, so a backup knows whether any came in while it ran. */
  private changeSeq = 0
  private lastBackupMs: number | null
  private backupTimer: unknown = null
  private markerTimer: unknown = null
  private running: Promise<void> | null = null
  private suspended = false
  private readonly now: () => number
  private readonly timers: Timers
  private readonly listener = (parts: Readonly<Record<string, unknown>>): void => {
    if (touchesWork(parts, this.options.db.name)) this.noteChange()
  }

  constructor(private readonly options: AutoBackupOptions) {
    this.lastBackupMs = options.lastBackupMs
    this.now = options.now ?? Date.now
    this.timers = options.timers ?? realTimers
  }

  start(): void {
    Dexie.on('storagemutated', this.listener)
  }

  stop(): void {
    Dexie.on('storagemutated').unsubscribe(this.listener)
    if (this.backupTimer !== null) this.timers.clear(this.backupTimer)
    if (this.markerTimer !== null) this.timers.clear(this.markerTimer)
  }

  /** While a reset is suspected: no backups, no marker writes. Resuming re-arms both. */
  setSuspended(suspended: boolean): void {
    this.suspended = suspended
    if (!suspended) {
      this.scheduleMarker()
      this.schedule()
    }
  }

  get dirty(): boolean {
    return this.dirtySinceMs !== null
  }

  noteChange(): void {
    const now = this.now()
    this.dirtySinceMs ??= now
    this.lastChangeMs = now
    this.changeSeq++
    this.scheduleMarker()
    this.schedule()
  }

  async writeMarker(): Promise<void> {
    if (this.suspended) return
    const documentCount = await this.options.db.documents.count()
    await this.options.api.writeWorkspaceMarker({
      documentCount,
      instanceId: this.options.instanceId,
      updatedAt: new Date(this.now()).toISOString()
    })
  }

  private scheduleMarker(): void {
    if (this.suspended) return
    if (this.markerTimer !== null) this.timers.clear(this.markerTimer)
    this.markerTimer = this.timers.set(() => {
      this.markerTimer = null
      void this.writeMarker().catch(() => undefined)
    }, MARKER_DEBOUNCE_MS)
  }

  private schedule(): void {
    if (this.suspended || this.running) return
    const delayMs = autoBackupDelayMs({
      dirtySinceMs: this.dirtySinceMs,
      lastChangeMs: this.lastChangeMs,
      lastBackupMs: this.lastBackupMs,
      nowMs: this.now()
    })
    if (this.backupTimer !== null) this.timers.clear(this.backupTimer)
    this.backupTimer = delayMs === null ? null : this.timers.set(() => void this.backupNow(), delayMs)
  }

  /** Writes an automatic backup now if there are unsaved changes (one at a time). */
  async backupNow(): Promise<void> {
    this.backupTimer = null
    if (this.suspended || this.dirtySinceMs === null) return
    if (this.running) return this.running
    const startedMs = this.now()
    const startedSeq = this.changeSeq
    this.running = (async () => {
      const result = await writeWorkspaceBackup(this.options.db, 'automatic', this.options.api).catch(
        (error: unknown): BackupSaved => ({
          ok: false,
          message: error instanceof Error ? error.message : String(error)
        })
      )
      if (result?.ok) {
        this.lastBackupMs = startedMs
        // Changes made while the backup ran are not in it: stay dirty for those.
        this.dirtySinceMs = this.changeSeq === startedSeq ? null : this.lastChangeMs
      }
      if (result) this.options.onBackup?.(result)
    })()
    try {
      await this.running
    } finally {
      this.running = null
      this.schedule()
    }
  }

  /** The window is closing: back up what is not backed up yet, then tell main it may close. */
  async beforeClose(): Promise<void> {
    try {
      if (this.markerTimer !== null) await this.writeMarker().catch(() => undefined)
      if (this.running) await this.running
      if (this.dirty) await this.backupNow()
    } finally {
      await this.options.api.closeReady()
    }
  }
}
