/**
 * The one IPC contract between the renderer and main. Types only: main implements `Commands`
 * (src/main/ipc.ts checks every sender), preload builds `window.api` from `Api`, and the e2e harness
 * backs the same `Api` with the same main-process services.
 */
import type { AnalysisEvent, AnalysisOptions } from './analysis'

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
  readonly bytes: Uint8Array
  readonly fileName: string
  readonly password?: string
  readonly options: AnalysisOptions
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

/** Renderer → main, answered (invoke / handle). */
export interface Commands {
  /** Open the multi-file dialog; empty result when cancelled. */
  'pdf:import-dialog': () => Promise<ImportResult>
  /** Import files dropped on the window: paths come from webUtils.getPathForFile in preload. */
  'pdf:import-dropped': (paths: readonly string[]) => Promise<ImportResult>
  /** Run the analysis worker on a document's bytes; progress arrives as `analysis:event`. */
  'analysis:start': (start: AnalysisStart) => Promise<void>
  'analysis:cancel': (jobId: string) => Promise<void>
}

/** Main → renderer notifications, as argument tuples. */
export interface Events {
  'menu:command': [command: MenuCommand]
  'analysis:event': [jobId: string, event: AnalysisEvent]
}

/** window.api. Preload is annotated with it, so drift fails to compile. */
export interface Api {
  importDialog: Commands['pdf:import-dialog']
  /** Takes the dropped File objects; preload turns them into paths main can read. */
  importDropped: (files: readonly File[]) => Promise<ImportResult>
  startAnalysis: Commands['analysis:start']
  cancelAnalysis: Commands['analysis:cancel']
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void
  onAnalysisEvent: (listener: (jobId: string, event: AnalysisEvent) => void) => () => void
}

declare global {
  interface Window {
    api: Api
  }
}
