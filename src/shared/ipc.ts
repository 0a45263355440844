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
  /** Ask where to save (one dialog), write every output atomically, print the PDF from its HTML. */
  'report:save': (request: ReportSaveRequest) => Promise<ReportSaveOutcome>
  /** Show a saved report in the system file manager (shell.showItemInFolder). */
  'report:show': (saveId: string) => Promise<void>
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
  saveReport: Commands['report:save']
  showSavedReport: Commands['report:show']
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void
  onAnalysisEvent: (listener: (jobId: string, event: AnalysisEvent) => void) => () => void
}

declare global {
  interface Window {
    api: Api
  }
}
