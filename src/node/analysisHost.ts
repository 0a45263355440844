/**
 * Runs analyses, each in its own worker process, and ends any that misbehave (security.md P7, P9).
 * - Watchdog: a worker that sends nothing for `stepTimeoutMs` (opening, one page's metadata, one
 *   page's detection) is killed → `failed/timeout`. pdfjs-dist 6.5.438 loops forever on
 *   pdf101__D1-copy-stack-exhaustion.pdf; no exception ever comes out of it.
 * - Memory: `--max-old-space-size` caps the V8 heap, but the 10 GB deflate bombs grow through
 *   ArrayBuffers outside that heap (3.5 GB in 40 s), so the worker's resident set is also polled every
 *   200 ms from /proc/<pid>/status (Linux) and the worker is killed above `maxRssBytes` → `failed/memory`.
 * - A worker that exits without `done` → `failed/crashed` (a V8 out-of-memory abort lands here too,
 *   reported as `memory` when its heap cap is the likely cause).
 * - At most `concurrency` workers at once; the rest wait in a queue. `cancel(jobId)` drops or kills one.
 * The process itself comes from an injected `Spawner`: Electron's main passes `utilityProcess.fork`, the
 * CLI and tests pass `nodeSpawner()` (child_process.fork), so this module imports no Electron.
 */
import { fork } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import type { AnalysisEvent, AnalysisFailure, AnalysisRequest } from '@shared/analysis'
import { isTick, isWorkerMessage } from './workerProtocol'

/** A started worker process, whatever created it. */
export interface WorkerHandle {
  /** OS process id; may be undefined until the process has actually started. */
  readonly pid: number | undefined
  send(request: AnalysisRequest): void
  on(event: 'message', listener: (message: unknown) => void): void
  on(event: 'exit', listener: (code: number | null) => void): void
  kill(): void
}

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
export const RSS_POLL_MS = 200
/** Two workers: the machines this runs on have two cores, and the UI needs one of them. */
export const DEFAULT_CONCURRENCY = 2

export interface AnalysisLimits {
  readonly stepTimeoutMs?: number
  readonly maxRssBytes?: number
  readonly maxHeapMb?: number
  readonly concurrency?: number
}

export interface AnalysisHostOptions extends AnalysisLimits {
  readonly spawner: Spawner
  /** Path of the built worker (out/main/analysisWorker.js or out/cli/analysisWorker.js). */
  readonly workerEntry: string
  /** Reads a process's resident set in bytes; defaults to /proc/<pid>/status (null where unavailable). */
  readonly readRssBytes?: (pid: number) => Promise<number | null>
}

export type AnalysisListener = (event: AnalysisEvent) => void

/** How a job ended: its terminal event, or `cancelled` (then no terminal event was emitted). */
export type AnalysisOutcome =
  Extract<AnalysisEvent, { type: 'done' | 'failed' }> | { readonly type: 'cancelled' }

export interface AnalysisHost {
  /** Queues an analysis; events arrive through `listener`; the promise settles when it has ended. */
  run(jobId: string, request: AnalysisRequest, listener: AnalysisListener): Promise<AnalysisOutcome>
  cancel(jobId: string): void
  /** Kills every worker and empties the queue (app quit, end of a CLI run). */
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

const formatSeconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`
const formatMiB = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`

interface Job {
  readonly jobId: string
  readonly request: AnalysisRequest
  readonly listener: AnalysisListener
  readonly resolve: (outcome: AnalysisOutcome) => void
  /** Set once the worker runs; calling it ends the job (kills the worker, emits nothing more). */
  stop?: (outcome: AnalysisOutcome) => void
}

export function createAnalysisHost(options: AnalysisHostOptions): AnalysisHost {
  const stepTimeoutMs = options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS
  const maxRssBytes = options.maxRssBytes ?? DEFAULT_MAX_RSS_BYTES
  const maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY)
  const readRss = options.readRssBytes ?? readProcRssBytes
  // No eval in the worker: pdf.js is told isEvalSupported: false, and this makes sure of it.
  const execArgv = [`--max-old-space-size=${maxHeapMb}`, '--disallow-code-generation-from-strings']

  const queue: Job[] = []
  const running = new Map<string, Job>()
  let disposed = false

  const pump = (): void => {
    while (!disposed && running.size < concurrency && queue.length > 0) {
      const job = queue.shift()!
      running.set(job.jobId, job)
      startJob(job)
    }
  }

  function startJob(job: Job): void {
    let ended = false
    let lastRssBytes = 0
    let worker: WorkerHandle | undefined
    let watchdog: ReturnType<typeof setTimeout> | undefined

    // Polled from the start: pid may be unknown until the process is up (utilityProcess).
    const poller = setInterval(() => {
      const pid = worker?.pid
      if (pid === undefined) return
      void readRss(pid).then((rssBytes) => {
        if (ended || rssBytes === null) return
        lastRssBytes = rssBytes
        if (rssBytes > maxRssBytes) {
          fail('memory', `The analysis used more than ${formatMiB(maxRssBytes)} of memory and was stopped.`)
        }
      })
    }, RSS_POLL_MS)

    const end = (outcome: AnalysisOutcome, emit: boolean): void => {
      if (ended) return
      ended = true
      clearTimeout(watchdog)
      clearInterval(poller)
      worker?.kill()
      running.delete(job.jobId)
      if (emit && outcome.type !== 'cancelled') job.listener(outcome)
      job.resolve(outcome)
      pump()
    }
    const fail = (reason: AnalysisFailure, message: string): void =>
      end({ type: 'failed', reason, message }, true)
    const armWatchdog = (): void => {
      clearTimeout(watchdog)
      watchdog = setTimeout(
        () =>
          fail(
            'timeout',
            `The analysis made no progress for ${formatSeconds(stepTimeoutMs)} and was stopped.`
          ),
        stepTimeoutMs
      )
    }
    job.stop = (outcome) => end(outcome, false)

    try {
      worker = options.spawner.start(options.workerEntry, execArgv)
    } catch {
      fail('crashed', 'The analysis worker could not be started.')
      return
    }
    armWatchdog()
    worker.on('message', (message) => {
      if (ended || !isWorkerMessage(message)) return
      armWatchdog()
      if (isTick(message)) return
      if (message.type === 'done' || message.type === 'failed') end(message, true)
      else job.listener(message)
    })
    worker.on('exit', (code) => {
      if (ended) return
      // V8 aborts with SIGABRT / exit 134 when it reaches --max-old-space-size.
      const nearCap = lastRssBytes > maxHeapMb * 1024 * 1024 * 0.8
      if (code === 134 || nearCap) {
        fail(
          'memory',
          `The analysis ran out of memory (over ${formatMiB(maxHeapMb * 1024 * 1024)}) and was stopped.`
        )
      } else {
        fail('crashed', 'The analysis worker stopped unexpectedly.')
      }
    })
    worker.send(job.request)
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
      running.get(jobId)?.stop?.({ type: 'cancelled' })
    },
    dispose() {
      disposed = true
      for (const job of queue.splice(0)) job.resolve({ type: 'cancelled' })
      for (const job of [...running.values()]) job.stop?.({ type: 'cancelled' })
    }
  }
}
