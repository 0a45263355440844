/**
 * The one IPC contract between the renderer and main. Types only: main implements `Commands`
 * (src/main/ipc.ts checks every sender), preload builds `window.api` from `Api`, and the e2e harness
 * backs the same `Api` with the same main-process services.
 */
import type { WorkspaceMarker } from '@core/backup/marker'
import type { AnalysisEvent, AnalysisOptions } from './analysis'

export type { WorkspaceMarker }

/** A PDF main accepted: read, checked (magic, size) and hashed. */
export interface ImportedFile {
  /** File name without directories (the renderer never sees paths). */
  readonly name: string
  readonly byteSize: number
  /** Hex SHA-256 of the bytes: the same file imported twice is recognised by it. */
  readonly sha256: string
  readonly bytes: Uint8Array
}

/** A file main refused, with one sentence saying why. */
export interface ImportRejection {
  readonly name: string
  readonly message: string
}

export interface ImportResult {
  readonly files: readonly ImportedFile[]
  readonly rejected: readonly ImportRejection[]
}

export interface AnalysisStart {
  /** Chosen by the renderer; events for this job carry it. */
  readonly jobId: string
  /**
   * The PDF itself, or leave it out and name the file by `sha256`: main keeps the bytes it read at
   * import (src/main/heldPdfs.ts), so an analysis need not send them back. One of the two is needed.
   */
  readonly bytes?: Uint8Array
  /** Hex SHA-256 of a file main imported; used when `bytes` is absent. */
  readonly sha256?: string
  readonly fileName: string
  readonly password?: string
  readonly options: AnalysisOptions
}

export type AnalysisStartOutcome = 'started' | 'bytes-needed'

/** Formats the app saves a report in; the PDF is printed by main from the HTML. */
export type ReportFileFormat = 'html' | 'pdf' | 'csv' | 'json' | 'md'
export type PaperSize = 'a4' | 'letter'

/** One report file to save: text formats carry their text; the PDF carries the HTML main prints. */
export type ReportOutput =
  | { readonly format: 'html' | 'csv' | 'json' | 'md'; readonly text: string }
  | { readonly format: 'pdf'; readonly html: string; readonly paper: PaperSize }

export interface ReportSaveRequest {
  /** File name without folder or extension (main makes it safe): "MBIE OIA 2026-0412 report". */
  readonly baseName: string
  /** One format per entry, no format twice. One output asks for a file, several for a folder. */
  readonly outputs: readonly ReportOutput[]
}

export type ReportSaveOutcome =
  | { readonly status: 'cancelled' }
  | {
      readonly status: 'saved'
      /** Opaque handle for `report:show` (the renderer never holds paths). */
      readonly saveId: string
      /** Names only, in the order of the request's outputs. */
      readonly fileNames: readonly string[]
      readonly folderName: string
    }
  /** One sentence for the user. A failed print or write leaves no new file; an older file stays as it was. */
  | { readonly status: 'failed'; readonly message: string }

/**
 * Where a workspace backup goes: a file the user picks (File › Back up workspace…), or the app's own
 * `<userData>/backups/` (rolling automatic backups; the safety copy taken before a restore).
 */
export type BackupTarget = 'choose-file' | 'automatic' | 'before-restore'

/** What the renderer knows of a backup it has streamed; main adds the body's length and SHA-256. */
export interface BackupFacts {
  /** ISO 8601, UTC. */
  readonly createdAt: string
  /** The database version the rows were read from. */
  readonly schemaVersion: number
  /** Rows per table, plus `blobs` and `blobBytes`. */
  readonly counts: Readonly<Record<string, number>>
}

/** One step of a backup write; a failure is one sentence (a full disk says so) and ends the backup. */
export type BackupStep = { readonly ok: true } | { readonly ok: false; readonly message: string }

export type BackupSaved =
  | { readonly ok: true; readonly fileName: string; readonly byteSize: number; readonly createdAt: string }
  | { readonly ok: false; readonly message: string }

/** A backup Withheld keeps itself, offered for a restore by name (never by path). */
export interface StoredBackup {
  readonly fileName: string
  readonly kind: 'automatic' | 'before-restore'
  readonly createdAt: string
  readonly counts: Readonly<Record<string, number>>
  readonly byteSize: number
}

export type RestoreSource =
  { readonly kind: 'choose-file' } | { readonly kind: 'stored'; readonly fileName: string }

/** A backup main has opened and verified in full (format, version, length, SHA-256). */
export type RestoreOpened =
  | {
      readonly ok: true
      /** Opaque handle for `restore:read` / `restore:close`. */
      readonly readId: string
      readonly fileName: string
      readonly createdAt: string
      readonly schemaVersion: number
      readonly counts: Readonly<Record<string, number>>
      readonly byteSize: number
    }
  | { readonly ok: false; readonly message: string }

export interface RestoreChunk {
  readonly bytes: Uint8Array
  readonly done: boolean
  /** Meaningful when done: the body read matched its checksum, so it may replace the workspace. */
  readonly intact: boolean
}

/** Commands the menu sends to the renderer; the same ids drive shortcuts and buttons. */
export type MenuCommand =
  | 'import-pdfs'
  | 'export-report'
  | 'undo'
  | 'redo'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-reset'
  | 'zoom-fit-width'
  | 'zoom-fit-page'
  | 'toggle-thumbnails'
  | 'backup-workspace'
  | 'restore-workspace'
  | 'show-shortcuts'
  | 'show-guide'

/** Renderer → main, answered (invoke / handle). */
export interface Commands {
  /** Open the multi-file dialog; empty result when cancelled. */
  'pdf:import-dialog': () => Promise<ImportResult>
  /** Import files dropped on the window: paths come from webUtils.getPathForFile in preload. */
  'pdf:import-dropped': (paths: readonly string[]) => Promise<ImportResult>
  /** Import the PDFs the OS asked to open (argv, second launch, macOS open-file, Open Recent) since the last call. */
  'pdf:take-opened': () => Promise<ImportResult>
  /**
   * Run the analysis worker on a document's bytes; progress arrives as `analysis:event`. Answers
   * `bytes-needed` (and starts nothing) when the start named a file by SHA-256 that main no longer holds.
   */
  'analysis:start': (start: AnalysisStart) => Promise<AnalysisStartOutcome>
  'analysis:cancel': (jobId: string) => Promise<void>
  /** Ask where to save (one dialog), write every output atomically, print the PDF from its HTML. */
  'report:save': (request: ReportSaveRequest) => Promise<ReportSaveOutcome>
  /** Show a saved report in the system file manager (shell.showItemInFolder). */
  'report:show': (saveId: string) => Promise<void>
  /** Start a backup; 'choose-file' shows a save dialog. Resolves to a write id, or null when cancelled. */
  'backup:begin': (target: BackupTarget) => Promise<string | null>
  /** Append one chunk of the body (src/core/backup/codec.ts). */
  'backup:write': (writeId: string, chunk: Uint8Array) => Promise<BackupStep>
  /** Write the header, fsync and rename into place; automatic backups then rotate. */
  'backup:finish': (writeId: string, facts: BackupFacts) => Promise<BackupSaved>
  'backup:abort': (writeId: string) => Promise<void>
  /** The backups in <userData>/backups/, newest first. */
  'backup:list': () => Promise<readonly StoredBackup[]>
  /** Open (dialog or stored name) and verify a backup; null when the dialog was cancelled. */
  'restore:open': (source: RestoreSource) => Promise<RestoreOpened | null>
  /** The next ≤ 1 MiB of the body. */
  'restore:read': (readId: string) => Promise<RestoreChunk>
  'restore:close': (readId: string) => Promise<void>
  /** The workspace marker in userData (silent-reset detection, security.md D8). */
  'workspace:read-marker': () => Promise<WorkspaceMarker | null>
  'workspace:write-marker': (marker: WorkspaceMarker) => Promise<void>
  /** Answer to `backup:before-close`: any final backup is written, the window may close. */
  'backup:close-ready': () => Promise<void>
}

/** Main → renderer notifications, as argument tuples. */
export interface Events {
  'menu:command': [command: MenuCommand]
  /** The OS asked to open more PDFs: take them with `pdf:take-opened`. */
  'pdf:opened-waiting': []
  'analysis:event': [jobId: string, event: AnalysisEvent]
  /** The window is closing: write a final automatic backup if there are unsaved changes, then answer. */
  'backup:before-close': []
}

/** window.api. Preload is annotated with it, so drift fails to compile. */
export interface Api {
  importDialog: Commands['pdf:import-dialog']
  /** Takes the dropped File objects; preload turns them into paths main can read. */
  importDropped: (files: readonly File[]) => Promise<ImportResult>
  takeOpenedFiles: Commands['pdf:take-opened']
  onOpenedFilesWaiting: (listener: () => void) => () => void
  startAnalysis: Commands['analysis:start']
  cancelAnalysis: Commands['analysis:cancel']
  saveReport: Commands['report:save']
  showSavedReport: Commands['report:show']
  beginBackup: Commands['backup:begin']
  writeBackup: Commands['backup:write']
  finishBackup: Commands['backup:finish']
  abortBackup: Commands['backup:abort']
  listBackups: Commands['backup:list']
  openRestore: Commands['restore:open']
  readRestore: Commands['restore:read']
  closeRestore: Commands['restore:close']
  readWorkspaceMarker: Commands['workspace:read-marker']
  writeWorkspaceMarker: Commands['workspace:write-marker']
  closeReady: Commands['backup:close-ready']
  onBeforeClose: (listener: () => void) => () => void
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void
  onAnalysisEvent: (listener: (jobId: string, event: AnalysisEvent) => void) => () => void
}

declare global {
  interface Window {
    api: Api
  }
}
