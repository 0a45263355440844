/**
 * The main process's work, without Electron: importing files and running analyses. Electron's main
 * (src/main/index.ts) wires these to IPC channels; the e2e harness backs `window.api` with the very
 * same object, and Node tests call it directly.
 *
 * API
 * - `importPaths(paths)` → `ImportResult`: reads each path (dialog result or dropped file), refuses
 *   empty, non-PDF, over-cap and unreadable files with one sentence each, hashes the rest.
 * - `startAnalysis(start, emit)`: queues an analysis of `start.bytes` (or of the bytes an import here
 *   read, named by `start.sha256`: they are held, not sent back by the renderer) in a warm worker of
 *   the analysis pool and resolves once queued; `emit(event)` then receives `meta`, `page`… and
 *   exactly one `done` or `failed` (none after a cancel). The returned `finished` promise settles
 *   when the job has ended. A SHA-256 whose bytes are no longer held gives `status: 'bytes-needed'`.
 * - `cancelAnalysis(jobId)`: drops a queued job or kills its worker; no further events.
 * - `saveReport(request, destination)` → `ReportSaveOutcome`: prints the PDF with `deps.printPdf`,
 *   writes every file atomically where the user chose (src/node/reportFiles.ts) and returns an opaque
 *   `saveId`; `savedReportPath(saveId)` gives main the path for "Show in folder".
 * - `dispose()`: kills every worker (app quit, end of a test).
 */
import type { AnalysisEvent } from '@shared/analysis'
import { randomUUID } from 'node:crypto'
import type {
  AnalysisStart,
  AnalysisStartOutcome,
  ImportResult,
  ReportSaveOutcome,
  ReportSaveRequest
} from '@shared/ipc'
import {
  createAnalysisHost,
  type AnalysisLimits,
  type AnalysisOutcome,
  type Spawner
} from '@node/analysisHost'
import { fileNameOf, importFiles, MAX_PDF_BYTES } from '@node/importFiles'
import { folderNameOf, saveReportFiles, type PdfPrinter, type SaveDestination } from '@node/reportFiles'
import { HeldPdfs } from './heldPdfs'

export interface MainServicesDeps {
  /** `utilityProcess.fork` in Electron, `nodeSpawner()` in Node. */
  readonly spawner: Spawner
  /** The built analysis worker script. */
  readonly workerEntry: string
  /** Largest PDF accepted, in bytes (default MAX_PDF_BYTES, 512 MiB). */
  readonly maxPdfBytes?: number
  readonly limits?: AnalysisLimits
  /** Prints report HTML to PDF: Electron's printToPDF in main, Chromium's page.pdf in the e2e harness. */
  readonly printPdf?: PdfPrinter
  /** Most bytes of imported PDFs held for analyses (default DEFAULT_HELD_PDF_BYTES). */
  readonly maxHeldBytes?: number
}

export interface StartedAnalysis {
  readonly status: AnalysisStartOutcome
  /** Settles when the job has ended (terminal event emitted, or cancelled); at once for bytes-needed. */
  readonly finished: Promise<AnalysisOutcome>
}

export interface MainServices {
  importPaths(paths: readonly string[]): Promise<ImportResult>
  startAnalysis(start: AnalysisStart, emit: (event: AnalysisEvent) => void): Promise<StartedAnalysis>
  cancelAnalysis(jobId: string): void
  saveReport(request: ReportSaveRequest, destination: SaveDestination): Promise<ReportSaveOutcome>
  /** The first file of a saved report, or null for an unknown (or forgotten) id. */
  savedReportPath(saveId: string): string | null
  dispose(): void
}

/** Saved reports remembered for "Show in folder"; the oldest is forgotten past this. */
const REMEMBERED_SAVES = 20

const NO_PRINTER: PdfPrinter = () => Promise.reject(new Error('PDF printing is not available here'))

export function createMainServices(deps: MainServicesDeps): MainServices {
  const maxPdfBytes = deps.maxPdfBytes ?? MAX_PDF_BYTES
  const host = createAnalysisHost({ spawner: deps.spawner, workerEntry: deps.workerEntry, ...deps.limits })
  const held = new HeldPdfs(deps.maxHeldBytes)
  const saved = new Map<string, string>()
  return {
    async importPaths(paths) {
      const result = await importFiles(paths, { maxBytes: maxPdfBytes })
      for (const file of result.files) held.hold(file.sha256, file.bytes)
      // An import means analyses follow: workers start now, while the renderer stores the files.
      if (result.files.length > 0) host.warm(result.files.length)
      return result
    },
    async saveReport(request, destination) {
      try {
        const paths = await saveReportFiles(request, destination, deps.printPdf ?? NO_PRINTER)
        const saveId = randomUUID()
        saved.set(saveId, paths[0]!)
        for (const old of saved.keys()) if (saved.size > REMEMBERED_SAVES) saved.delete(old)
        return { status: 'saved', saveId, fileNames: paths.map(fileNameOf), folderName: folderNameOf(paths) }
      } catch (error) {
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) }
      }
    },
    savedReportPath: (saveId) => saved.get(saveId) ?? null,
    startAnalysis(start, emit) {
      const bytes = start.bytes ?? (start.sha256 !== undefined ? held.get(start.sha256) : null)
      if (!bytes) {
        return Promise.resolve({
          status: 'bytes-needed',
          finished: Promise.resolve({ type: 'cancelled' })
        })
      }
      const finished = host.run(
        start.jobId,
        {
          type: 'analyse',
          bytes,
          fileName: start.fileName,
          ...(start.password !== undefined ? { password: start.password } : {}),
          options: start.options
        },
        emit
      )
      return Promise.resolve({ status: 'started', finished })
    },
    cancelAnalysis: (jobId) => host.cancel(jobId),
    dispose: () => host.dispose()
  }
}
