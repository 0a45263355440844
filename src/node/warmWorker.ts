/**
 * One warm analysis worker process: started once, it analyses document after document (pdf.js, the
 * canvas and, when a page needs it, tesseract stay loaded between them), so a document costs its own
 * pages and not a process start (~0.5 s of module loading per file before, measured 2026-12-07).
 *
 * While a job runs the worker is watched, and any of these ends the job *and the process* (security.md
 * P7, P9), so a hostile file ends only its own analysis and the next document gets a fresh worker:
 * - watchdog: nothing received for `stepTimeoutMs` (a page's metadata or a page's detection is the
 *   unit of progress; a slow page that still reports is never killed by time alone) → `timeout`;
 * - resident set above `maxRssBytes` (polled every RSS_POLL_MS from /proc) → `memory`;
 * - the process exits → `crashed` (or `memory` for a V8 heap abort), and a worker that itself reports
 *   `crashed` (an uncaught error inside pdf.js) is not trusted with another document.
 * Between jobs it is recycled (ended, to be replaced on demand) after `maxDocuments` documents or once
 * its resident set passes `recycleRssBytes`: pdf.js caches and heap fragmentation grow slowly over a
 * long batch, and a fresh process gives that memory back.
 */
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

export const RSS_POLL_MS = 200

/** How a job ended: its terminal event, or `cancelled` (then no terminal event was emitted). */
export type AnalysisOutcome =
  Extract<AnalysisEvent, { type: 'done' | 'failed' }> | { readonly type: 'cancelled' }

export interface WarmWorkerLimits {
  readonly stepTimeoutMs: number
  readonly maxRssBytes: number
  readonly maxHeapMb: number
  readonly maxDocuments: number
  readonly recycleRssBytes: number
}

/** One document for a worker: where its events go and who hears how it ended. */
export interface WorkerJob {
  readonly request: AnalysisRequest
  readonly listener: (event: AnalysisEvent) => void
  /** Called exactly once, after the worker is ready for the next job (or gone). */
  readonly ended: (outcome: AnalysisOutcome) => void
}

const formatSeconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`
const formatMiB = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`

export class WarmWorker {
  private job: WorkerJob | null = null
  private documents = 0
  private lastRssBytes = 0
  private watchdog: ReturnType<typeof setTimeout> | undefined
  private poller: ReturnType<typeof setInterval> | undefined
  private exited = false
  private retireAfterJob = false

  /**
   * @param onGone called once when the process is gone (killed, recycled or exited by itself), so
   *   the pool can forget it and start another when work is waiting.
   */
  constructor(
    private readonly handle: WorkerHandle,
    private readonly limits: WarmWorkerLimits,
    private readonly readRss: (pid: number) => Promise<number | null>,
    private readonly onGone: (worker: WarmWorker) => void
  ) {
    handle.on('message', (message) => this.receive(message))
    handle.on('exit', (code) => this.exit(code))
  }

  get busy(): boolean {
    return this.job !== null
  }

  get alive(): boolean {
    return !this.exited
  }

  /** Hands one document to an idle, live worker. */
  start(job: WorkerJob): void {
    if (this.job || this.exited) throw new Error('WarmWorker.start: worker is busy or gone')
    this.job = job
    this.documents++
    this.armWatchdog()
    this.poller = setInterval(() => this.pollRss(), RSS_POLL_MS)
    this.handle.send(job.request)
  }

  /** Ends the current job without a terminal event (cancel), and the process with it. */
  cancel(): void {
    this.finish({ type: 'cancelled' }, false, true)
  }

  /** Ends the process; a job still running ends as cancelled, silently. */
  kill(): void {
    if (this.job) this.cancel()
    else this.terminate()
  }

  private receive(message: unknown): void {
    const job = this.job
    if (!job || !isWorkerMessage(message)) return
    this.armWatchdog()
    if (isTick(message)) return
    if (message.type === 'done' || message.type === 'failed') {
      // A worker that caught an error from inside pdf.js may hold broken state: not reused.
      this.finish(message, true, message.type === 'failed' && message.reason === 'crashed')
    } else job.listener(message)
  }

  private exit(code: number | null): void {
    if (this.exited) return
    this.exited = true
    if (this.job) {
      // V8 aborts with SIGABRT / exit 134 when it reaches --max-old-space-size.
      const heapBytes = this.limits.maxHeapMb * 1024 * 1024
      const nearCap = this.lastRssBytes > heapBytes * 0.8
      if (code === 134 || nearCap) {
        this.fail('memory', `The analysis ran out of memory (over ${formatMiB(heapBytes)}) and was stopped.`)
      } else this.fail('crashed', 'The analysis worker stopped unexpectedly.')
    }
    this.onGone(this)
  }

  private fail(reason: AnalysisFailure, message: string): void {
    this.finish({ type: 'failed', reason, message }, true, true)
  }

  /** Ends the job; the process goes too when it misbehaved, was cancelled, or is due for recycling. */
  private finish(outcome: AnalysisOutcome, emit: boolean, endProcess: boolean): void {
    const job = this.job
    if (!job) return
    this.job = null
    clearTimeout(this.watchdog)
    clearInterval(this.poller)
    const recycle =
      this.documents >= this.limits.maxDocuments ||
      this.lastRssBytes > this.limits.recycleRssBytes ||
      this.retireAfterJob
    if (endProcess || recycle) this.terminate()
    else this.checkRssWhileIdle()
    if (emit && outcome.type !== 'cancelled') job.listener(outcome)
    job.ended(outcome)
  }

  private terminate(): void {
    if (this.exited) return
    this.handle.kill()
    // The exit event may come later (or never, for a process that failed to start): the pool forgets
    // this worker now either way.
    this.exited = true
    this.onGone(this)
  }

  private armWatchdog(): void {
    clearTimeout(this.watchdog)
    this.watchdog = setTimeout(
      () =>
        this.fail(
          'timeout',
          `The analysis made no progress for ${formatSeconds(this.limits.stepTimeoutMs)} and was stopped.`
        ),
      this.limits.stepTimeoutMs
    )
  }

  private pollRss(): void {
    const pid = this.handle.pid
    if (pid === undefined) return
    void this.readRss(pid).then((rssBytes) => {
      if (!this.job || rssBytes === null) return
      this.lastRssBytes = rssBytes
      if (rssBytes > this.limits.maxRssBytes) {
        this.fail(
          'memory',
          `The analysis used more than ${formatMiB(this.limits.maxRssBytes)} of memory and was stopped.`
        )
      }
    })
  }

  /** A short document may end between polls: one more reading decides whether it is recycled. */
  private checkRssWhileIdle(): void {
    const pid = this.handle.pid
    if (pid === undefined) return
    void this.readRss(pid).then((rssBytes) => {
      if (rssBytes === null || rssBytes <= this.limits.recycleRssBytes || this.exited) return
      if (this.job) this.retireAfterJob = true
      else this.terminate()
    })
  }
}
