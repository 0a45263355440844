/**
 * The main process's work, without Electron: importing files and running analyses. Electron's main
 * (src/main/index.ts) wires these to IPC channels; the e2e harness backs `window.api` with the very
 * same object, and Node tests call it directly.
 *
 * API
 * - `importPaths(paths)` → `ImportResult`: reads each path (dialog result or dropped file), refuses
 *   empty, non-PDF, over-cap and unreadable files with one sentence each, hashes the rest.
 * - `startAnalysis(start, emit)`: queues an analysis of `start.bytes` in a worker process and resolves
 *   once queued; `emit(event)` then receives `meta`, `page`… and exactly one `done` or `failed`
 *   (none after a cancel). The returned `finished` promise settles when the job has ended.
 * - `cancelAnalysis(jobId)`: drops a queued job or kills its worker; no further events.
 * - `dispose()`: kills every worker (app quit, end of a test).
 */
import type { AnalysisEvent } from '@shared/analysis'
import type { AnalysisStart, ImportResult } from '@shared/ipc'
import {
  createAnalysisHost,
  type AnalysisLimits,
  type AnalysisOutcome,
  type Spawner
} from '@node/analysisHost'
import { importFiles, MAX_PDF_BYTES } from '@node/importFiles'

export interface MainServicesDeps {
  /** `utilityProcess.fork` in Electron, `nodeSpawner()` in Node. */
  readonly spawner: Spawner
  /** The built analysis worker script. */
  readonly workerEntry: string
  /** Largest PDF accepted, in bytes (default MAX_PDF_BYTES, 512 MiB). */
  readonly maxPdfBytes?: number
  readonly limits?: AnalysisLimits
}

export interface StartedAnalysis {
  /** Settles when the job has ended (terminal event emitted, or cancelled). */
  readonly finished: Promise<AnalysisOutcome>
}

export interface MainServices {
  importPaths(paths: readonly string[]): Promise<ImportResult>
  startAnalysis(start: AnalysisStart, emit: (event: AnalysisEvent) => void): Promise<StartedAnalysis>
  cancelAnalysis(jobId: string): void
  dispose(): void
}

export function createMainServices(deps: MainServicesDeps): MainServices {
  const maxPdfBytes = deps.maxPdfBytes ?? MAX_PDF_BYTES
  const host = createAnalysisHost({ spawner: deps.spawner, workerEntry: deps.workerEntry, ...deps.limits })
  return {
    importPaths: (paths) => importFiles(paths, { maxBytes: maxPdfBytes }),
    startAnalysis(start, emit) {
      const finished = host.run(
        start.jobId,
        {
          type: 'analyse',
          bytes: start.bytes,
          fileName: start.fileName,
          ...(start.password !== undefined ? { password: start.password } : {}),
          options: start.options
        },
        emit
      )
      return Promise.resolve({ finished })
    },
    cancelAnalysis: (jobId) => host.cancel(jobId),
    dispose: () => host.dispose()
  }
}
