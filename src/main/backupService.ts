/**
 * The backup channels' work, without Electron: maps each contract command onto the backup store,
 * with the dialogs injected (Electron's in src/main/backup.ts, a queue in the e2e harness). This is
 * where a dialog's path becomes an opaque write or read id; the renderer never holds the path.
 */
import type {
  BackupFacts,
  BackupSaved,
  BackupStep,
  BackupTarget,
  RestoreChunk,
  RestoreOpened,
  RestoreSource,
  StoredBackup,
  WorkspaceMarker
} from '@shared/ipc'
import { BACKUP_EXTENSION } from '@core/backup/format'
import type { BackupStore } from '@node/backupStore'

export interface BackupDialogs {
  /** A save dialog proposing `defaultName`; null when cancelled. */
  chooseSavePath(defaultName: string): Promise<string | null>
  /** An open dialog for one backup file; null when cancelled. */
  chooseOpenPath(): Promise<string | null>
}

export interface BackupService {
  begin(target: BackupTarget): Promise<string | null>
  write(writeId: string, chunk: Uint8Array): Promise<BackupStep>
  finish(writeId: string, facts: BackupFacts): Promise<BackupSaved>
  abort(writeId: string): Promise<void>
  list(): Promise<readonly StoredBackup[]>
  openRestore(source: RestoreSource): Promise<RestoreOpened | null>
  readRestore(readId: string): Promise<RestoreChunk>
  closeRestore(readId: string): Promise<void>
  readMarker(): Promise<WorkspaceMarker | null>
  writeMarker(marker: WorkspaceMarker): Promise<void>
  dispose(): Promise<void>
}

/** "Withheld workspace 2026-11-28.withheld-backup": the day in the user's time zone, as they think of it. */
export function defaultBackupName(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `Withheld workspace ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${BACKUP_EXTENSION}`
}

/** Linux save dialogs do not add the extension; a backup without it would not show in the open dialog. */
export function withBackupExtension(path: string): string {
  return path.toLowerCase().endsWith(`.${BACKUP_EXTENSION}`) ? path : `${path}.${BACKUP_EXTENSION}`
}

export function createBackupService(
  store: BackupStore,
  dialogs: BackupDialogs,
  now: () => Date = () => new Date()
): BackupService {
  return {
    async begin(target) {
      if (target !== 'choose-file') return store.beginWrite({ kind: target })
      const path = await dialogs.chooseSavePath(defaultBackupName(now()))
      return path === null ? null : store.beginWrite({ kind: 'file', path: withBackupExtension(path) })
    },
    write: (writeId, chunk) => store.write(writeId, chunk),
    finish: (writeId, facts) => store.finish(writeId, facts),
    abort: (writeId) => store.abort(writeId),
    list: () => store.list(),
    async openRestore(source) {
      if (source.kind === 'stored') return store.openRead(source)
      const path = await dialogs.chooseOpenPath()
      return path === null ? null : store.openRead({ kind: 'file', path })
    },
    readRestore: (readId) => store.read(readId),
    closeRestore: (readId) => store.closeRead(readId),
    readMarker: () => store.readMarker(),
    writeMarker: (marker) => store.writeMarker(marker),
    dispose: () => store.dispose()
  }
}
