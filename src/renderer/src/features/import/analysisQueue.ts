/**
 * Runs analyses for library documents, at most MAX_CONCURRENT_ANALYSES at once: each worker holds
 * a whole PDF and pdf.js's page state, and the laptops this targets have 2–4 cores. Events from main
 * are written in arrival order per job; those that arrive while a write commits go together in the
 * next transaction (analysisWrites.ts).
 * At startup, documents left `pending` or `running` (the app closed mid-analysis) are queued again
 * from their stored bytes.
 */
import type { AnalysisEvent, AnalysisOptions } from '@shared/analysis'
import type { Api } from '@shared/ipc'
import type { WithheldDb } from '../../db/db'
import { newId } from '../../db/ids'
import { writeAnalysisEvents } from './analysisWrites'

export const MAX_CONCURRENT_ANALYSES = 2

export type AnalysisApi = Pick<Api, 'startAnalysis' | 'cancelAnalysis' | 'onAnalysisEvent'>

interface Job {
  readonly jobId: string
  readonly documentId: string
  /** Events received and not yet written. */
  readonly pending: AnalysisEvent[]
  /** A write is committing; events arriving meanwhile join the next batch. */
  writing: boolean
  settle: () => void
}

/** At most this many events per transaction, so one commit never holds thousands of pages. */
export const MAX_EVENTS_PER_WRITE = 200

export interface AnalysisQueue {
  /**
   * Queues a document (again); a password is used for this run only and never stored. `options` adds
   * to the defaults for this run (e.g. `rasterDpi` to re-analyse scanned pages at a higher resolution).
   */
  enqueue(documentId: string, password?: string, options?: Partial<AnalysisOptions>): void
  /** Queues every document whose analysis never finished. */
  resumeInterrupted(): Promise<void>
  /** Stops a document's analysis, queued or running. */
  cancel(documentId: string): void
  /** Resolves when nothing is queued or running (tests, shutdown). */
  idle(): Promise<void>
  dispose(): void
}

export function createAnalysisQueue(
  db: WithheldDb,
  api: AnalysisApi,
  /** A write or an IPC call failed: shown to the user; the queue carries on. */
  onError: (error: unknown) => void,
  maxConcurrent: number = MAX_CONCURRENT_ANALYSES
): AnalysisQueue {
  const waiting: {
    documentId: string
    password: string | undefined
    options: Partial<AnalysisOptions> | undefined
  }[] = []
  const running = new Map<string, Job>()
  let idleWaiters: (() => void)[] = []
  let disposed = false

  const isKnown = (documentId: string): boolean =>
    waiting.some((w) => w.documentId === documentId) ||
    [...running.values()].some((job) => job.documentId === documentId)

  const checkIdle = (): void => {
    if (waiting.length || running.size) return
    const waiters = idleWaiters
    idleWaiters = []
    waiters.forEach((resolve) => resolve())
  }

  const report = (error: unknown): void => onError(error)

  async function flush(job: Job): Promise<void> {
    if (job.writing) return
    job.writing = true
    while (job.pending.length) {
      const batch = job.pending.splice(0, MAX_EVENTS_PER_WRITE)
      try {
        await writeAnalysisEvents(db, job.documentId, batch)
      } catch (error) {
        report(error)
      }
      if (batch.some((e) => e.type === 'done' || e.type === 'failed')) job.settle()
    }
    job.writing = false
  }

  const unsubscribe = api.onAnalysisEvent((jobId: string, event: AnalysisEvent) => {
    const job = running.get(jobId)
    if (!job) return
    job.pending.push(event)
    void flush(job)
  })

  function pump(): void {
    while (!disposed && running.size < maxConcurrent && waiting.length) {
      const next = waiting.shift()!
      void start(next.documentId, next.password, next.options)
    }
    checkIdle()
  }

  async function start(
    documentId: string,
    password: string | undefined,
    options: Partial<AnalysisOptions> | undefined
  ): Promise<void> {
    const jobId = newId()
    const job: Job = { jobId, documentId, pending: [], writing: false, settle: () => {} }
    const finished = new Promise<void>((resolve) => (job.settle = resolve))
    running.set(jobId, job)
    try {
      const document = await db.documents.get(documentId)
      if (!document) {
        job.settle()
      } else {
        await db.documents.update(documentId, { analysisState: 'pending', analysisError: null })
        const start = {
          jobId,
          fileName: document.name,
          ...(password !== undefined ? { password } : {}),
          // pageText: scanned pages' OCR words, kept for search (pageWords table).
          options: { revealLeaks: false, pageText: true, ...options }
        }
        // Main holds the bytes it imported: name them by hash, and send them only when it no longer
        // does (after a restart, or once it let them go), instead of copying every file back.
        const outcome = await api.startAnalysis({ ...start, sha256: document.sha256 })
        if (outcome === 'bytes-needed') {
          const file = await db.files.get(documentId)
          if (!file) job.settle()
          else await api.startAnalysis({ ...start, bytes: new Uint8Array(await file.bytes.arrayBuffer()) })
        }
      }
    } catch (error) {
      await db.documents
        .update(documentId, {
          analysisState: 'failed',
          analysisError: `The analysis could not start: ${error instanceof Error ? error.message : String(error)}`
        })
        .catch(report)
      job.settle()
    }
    await finished
    running.delete(jobId)
    pump()
  }

  return {
    enqueue(documentId, password, options) {
      if (disposed || isKnown(documentId)) return
      waiting.push({ documentId, password, options })
      pump()
    },
    async resumeInterrupted() {
      // analysisState is not indexed (schema v1); a library holds hundreds of documents, not millions.
      const unfinished = await db.documents
        .orderBy('importedAt')
        .filter((d) => d.analysisState === 'pending' || d.analysisState === 'running')
        .toArray()
      for (const document of unfinished) this.enqueue(document.id)
    },
    cancel(documentId) {
      const index = waiting.findIndex((w) => w.documentId === documentId)
      if (index >= 0) waiting.splice(index, 1)
      for (const job of running.values()) {
        if (job.documentId !== documentId) continue
        void api.cancelAnalysis(job.jobId).catch(report)
        job.settle()
      }
      checkIdle()
    },
    idle() {
      if (!waiting.length && !running.size) return Promise.resolve()
      return new Promise((resolve) => idleWaiters.push(resolve))
    },
    dispose() {
      disposed = true
      waiting.length = 0
      for (const job of running.values()) {
        void api.cancelAnalysis(job.jobId).catch(() => {})
        job.settle()
      }
      unsubscribe()
    }
  }
}
