/**
 * The pool of warm analysis workers shared by the app and the CLI (security.md P7, P9). Each worker
 * is a process that analyses document after document (src/node/warmWorker.ts: watchdog, memory cap,
 * recycling); a document that hangs pdf.js, inflates to gigabytes or crashes its worker ends its own
 * analysis and that process, and the next document gets a fresh one.
 * - Watchdog: a worker that sends nothing for `stepTimeoutMs` (opening, one page's metadata, one
 *   page's detection) is killed → `failed/timeout`. pdfjs-dist 6.5.438 loops forever on
 *   pdf101__D1-copy-stack-exhaustion.pdf; no exception ever comes out of it.
 * - Memory: `--max-old-space-size` caps the V8 heap, but the 10 GB deflate bombs grow through
 *   ArrayBuffers outside that heap (3.5 GB in 40 s), so the worker's resident set is also polled every
 *   200 ms from /proc/<pid>/status (Linux) and the worker is killed above `maxRssBytes` → `failed/memory`.
 * - A worker that exits without `done` → `failed/crashed` (a V8 out-of-memory abort lands here too,
 *   reported as `memory` when its heap cap is the likely cause).
 * - At most `concurrency` workers at once; the rest of the jobs wait in a queue. Workers start on
 *   demand, stay warm between documents, and end after `idleTimeoutMs` without work, after
 *   `maxDocumentsPerWorker` documents, or above `recycleRssBytes`. `cancel(jobId)` drops a queued job
 *   or kills the worker running it.
 * The process itself comes from an injected `Spawner`: Electron's main passes `utilityProcess.fork`, the
 * CLI and tests pass `nodeSpawner()` (child_process.fork), so this module imports no Electron.
 */
import { fork } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import type { AnalysisEvent, AnalysisRequest } from '@shared/analysis'
import { WarmWorker, type AnalysisOutcome, type WorkerHandle } from './warmWorker'

export type { AnalysisOutcome, WorkerHandle } from './warmWorker'
export { RSS_POLL_MS } from './warmWorker'

export interface Spawner {
  start(entryPath: string, execArgv: readonly string[]): WorkerHandle
}

/** 20 s without progress. Measured here: a generated 1,000-page release scans at ~80 pages/s, and the
 *  slowest healthy robustness-corpus file takes 1.6 s for the whole CLI run, process start included. */
export const DEFAULT_STEP_TIMEOUT_MS = 20_000
/** 1.5 GB resident. Measured here: that 1,000-page release peaks at 230 MB in the worker, while the
 *  10 GB Flate bombs pass 1.5 GB within 10–16 s and are stopped there. */
export const DEFAULT_MAX_RSS_BYTES = 1536 * 1024 * 1024
/** The V8 heap cap handed to the worker (MB), below the RSS cap so ordinary growth hits it first. */
export const DEFAULT_MAX_HEAP_MB = 1024
/** Two workers: the machines this runs on have two cores, and the UI needs one of them. */
export const DEFAULT_CONCURRENCY = 2

/** A worker is replaced after this many documents, so slow growth in pdf.js's caches is given back. */
export const DEFAULT_MAX_DOCUMENTS_PER_WORKER = 200
/** A worker whose resident set is above this once a document ends is replaced (M MB between jobs):
 *  a warm worker sits at ~120–200 MB, and the 500-page bench release peaks near 300 MB. */
export const DEFAULT_RECYCLE_RSS_BYTES = 512 * 1024 * 1024
/** A worker with nothing to do for this long ends (the app keeps none idle for ever). */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000

export interface AnalysisLimits {
  readonly stepTimeoutMs?: number
  readonly maxRssBytes?: number
  readonly maxHeapMb?: number
  readonly concurrency?: number
  /** Documents a worker analyses before it is replaced (N). */
  readonly maxDocumentsPerWorker?: number
  /** Resident bytes above which a worker is replaced once its current document ends (M). */
  readonly recycleRssBytes?: number
  /** How long a worker may sit idle before it ends. */
  readonly idleTimeoutMs?: number
}

export interface AnalysisHostOptions extends AnalysisLimits {
  readonly spawner: Spawner
  /** Path of the built worker (out/main/analysisWorker.js or out/cli/analysisWorker.js). */
  readonly workerEntry: string
  /** Reads a process's resident set in bytes; defaults to /proc/<pid>/status (null where unavailable). */
  readonly readRssBytes?: (pid: number) => Promise<number | null>
}

export type AnalysisListener = (event: AnalysisEvent) => void

export interface AnalysisHost {
  /** Queues an analysis; events arrive through `listener`; the promise settles when it has ended. */
  run(jobId: string, request: AnalysisRequest, listener: AnalysisListener): Promise<AnalysisOutcome>
  cancel(jobId: string): void
  /** Kills every worker and empties the queue (app quit, end of a CLI run). */
  /** Starts workers ahead of work (up to `count`, at most `concurrency`), so the first document
   *  does not wait for a process start. */
  warm(count?: number): void
  dispose(): void
}

/** child_process.fork with the v8 serializer, which carries Uint8Array across intact. */
export function nodeSpawner(execPath: string = process.execPath): Spawner {
  return {
    start(entryPath, execArgv) {
      const child = fork(entryPath, [], {
        execPath,
        execArgv: [...execArgv],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'ignore', 'ipc']
      })
      const exitListeners: ((code: number | null) => void)[] = []
      let exited = false
      const reportExit = (code: number | null): void => {
        if (exited) return
        exited = true
        for (const listener of exitListeners) listener(code)
      }
      // A V8 heap abort arrives as signal SIGABRT; report it as the conventional exit code 134.
      child.on('exit', (code, signal) => reportExit(code ?? (signal === 'SIGABRT' ? 134 : null)))
      // A failed spawn (no such executable) may never emit 'exit'; a send to a child that just died
      // raises EPIPE here too, and its 'exit' follows. Either way the job ends as a crash.
      child.on('error', () => {
        if (child.pid === undefined) reportExit(null)
      })
      return {
        get pid() {
          return child.pid
        },
        send: (request) => void child.send(request, () => undefined),
        on: (event: 'message' | 'exit', listener: (value: never) => void) => {
          if (event === 'message') child.on('message', listener as (message: unknown) => void)
          else exitListeners.push(listener as (code: number | null) => void)
        },
        kill: () => void child.kill('SIGKILL')
      } as WorkerHandle
    }
  }
}

/** VmRSS from /proc/<pid>/status, in bytes; null off Linux or once the process is gone. */
export async function readProcRssBytes(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
    return match ? Number(match[1]) * 1024 : null
  } catch {
    return null
  }
}

interface Job {
  readonly jobId: string
  readonly request: AnalysisRequest
  readonly listener: AnalysisListener
  readonly resolve: (outcome: AnalysisOutcome) => void
  /** The worker running it, once started. */
  worker?: WarmWorker
}

export function createAnalysisHost(options: AnalysisHostOptions): AnalysisHost {
  const limits = {
    stepTimeoutMs: options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
    maxRssBytes: options.maxRssBytes ?? DEFAULT_MAX_RSS_BYTES,
    maxHeapMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB,
    maxDocuments: Math.max(1, options.maxDocumentsPerWorker ?? DEFAULT_MAX_DOCUMENTS_PER_WORKER),
    recycleRssBytes: options.recycleRssBytes ?? DEFAULT_RECYCLE_RSS_BYTES
  }
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY)
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  const readRss = options.readRssBytes ?? readProcRssBytes
  // No eval in the worker: pdf.js is told isEvalSupported: false, and this makes sure of it.
  const execArgv = [`--max-old-space-size=${limits.maxHeapMb}`, '--disallow-code-generation-from-strings']

  const queue: Job[] = []
  const running = new Map<string, Job>()
  const workers = new Set<WarmWorker>()
  const idleTimers = new Map<WarmWorker, ReturnType<typeof setTimeout>>()
  let disposed = false

  const forget = (worker: WarmWorker): void => {
    clearTimeout(idleTimers.get(worker))
    idleTimers.delete(worker)
    workers.delete(worker)
    // Queued work waiting for a free place gets this one.
    queueMicrotask(pump)
  }

  /** A new worker, or null when the spawner threw (the job then fails as a crash). */
  const spawn = (): WarmWorker | null => {
    let handle: WorkerHandle
    try {
      handle = options.spawner.start(options.workerEntry, execArgv)
    } catch {
      return null
    }
    const worker = new WarmWorker(handle, limits, readRss, forget)
    workers.add(worker)
    return worker
  }

  const idle = (worker: WarmWorker): void => {
    if (!worker.alive || worker.busy) return
    clearTimeout(idleTimers.get(worker))
    const timer = setTimeout(() => worker.kill(), idleTimeoutMs)
    // An idle worker never keeps a Node parent (CLI, tests) alive on its own account.
    timer.unref?.()
    idleTimers.set(worker, timer)
  }

  function pump(): void {
    while (!disposed && queue.length > 0) {
      let worker = [...workers].find((w) => w.alive && !w.busy)
      if (!worker) {
        if (workers.size >= concurrency) return
        const started = spawn()
        if (!started) {
          const job = queue.shift()!
          const failed = {
            type: 'failed',
            reason: 'crashed',
            message: 'The analysis worker could not be started.'
          } as const
          job.listener(failed)
          job.resolve(failed)
          continue
        }
        worker = started
      }
      clearTimeout(idleTimers.get(worker))
      idleTimers.delete(worker)
      const job = queue.shift()!
      running.set(job.jobId, job)
      job.worker = worker
      const chosen = worker
      worker.start({
        request: job.request,
        listener: job.listener,
        ended: (outcome) => {
          running.delete(job.jobId)
          job.resolve(outcome)
          idle(chosen)
          pump()
        }
      })
    }
  }

  return {
    run(jobId, request, listener) {
      return new Promise<AnalysisOutcome>((resolve) => {
        if (disposed) {
          resolve({ type: 'cancelled' })
          return
        }
        if (running.has(jobId) || queue.some((job) => job.jobId === jobId)) {
          const failed = {
            type: 'failed',
            reason: 'crashed',
            message: 'This analysis is already running.'
          } as const
          listener(failed)
          resolve(failed)
          return
        }
        queue.push({ jobId, request, listener, resolve })
        pump()
      })
    },
    cancel(jobId) {
      const queued = queue.findIndex((job) => job.jobId === jobId)
      if (queued !== -1) {
        queue.splice(queued, 1)[0]!.resolve({ type: 'cancelled' })
        return
      }
      running.get(jobId)?.worker?.cancel()
    },
    warm(count = concurrency) {
      while (!disposed && workers.size < Math.min(count, concurrency)) {
        const worker = spawn()
        if (!worker) return
        idle(worker)
      }
    },
    dispose() {
      disposed = true
      for (const job of queue.splice(0)) job.resolve({ type: 'cancelled' })
      for (const worker of [...workers]) worker.kill()
    }
  }
}
