/**
 * Deadlines for pdf.js calls (security.md P7). pdf.js 6.5.438 never returns on some hostile PDFs
 * (PDF101 `D1-copy-stack-exhaustion.pdf`: > 30 s of PostScript evaluation in the worker). A call that
 * misses its deadline rejects with `PdfEngineHang` and the owner terminates the worker; the pending
 * pdf.js promise is abandoned, never awaited.
 */

/** Opening gets a plain deadline (password prompts excepted): nothing else is running yet. */
export const OPEN_TIMEOUT_MS = 15_000
/**
 * After opening, the worker counts as hung when work is pending and nothing at all has come back
 * for this long. Measured as a stall rather than per call: seven live pages and their thumbnails
 * queue in one worker, so the last of them may wait behind ~6 others (a 600 dpi scan page takes
 * ~1–2 s on 2 cores) without anything being wrong.
 */
export const STALL_TIMEOUT_MS = 15_000

export class PdfEngineHang extends Error {
  override readonly name = 'PdfEngineHang'
  constructor(
    /** What was running: 'open', 'getPage', 'render', 'text'. */
    readonly step: string,
    readonly timeoutMs: number
  ) {
    super(`pdf.js did not finish "${step}" within ${timeoutMs} ms`)
  }
}

/**
 * Watches every pdf.js call of one document. Each tracked promise counts as pending until it
 * settles; any settlement (or `activity()`, e.g. a render chunk drawn) is progress. When work is
 * pending and there has been no progress for `stallMs`, every pending call rejects with
 * `PdfEngineHang` and `onStall` runs once (the owner terminates the worker there).
 */
export class StallWatchdog {
  readonly #pending = new Map<number, { step: string; reject: (error: PdfEngineHang) => void }>()
  #nextId = 0
  #lastProgress = 0
  #timer: ReturnType<typeof setInterval> | null = null
  #stalled: PdfEngineHang | null = null

  constructor(
    private readonly stallMs: number,
    private readonly onStall: (hang: PdfEngineHang) => void,
    private readonly now: () => number = () => performance.now()
  ) {}

  get stalled(): PdfEngineHang | null {
    return this.#stalled
  }

  track<T>(promise: Promise<T>, step: string): Promise<T> {
    if (this.#stalled) return Promise.reject(this.#stalled)
    // Idle time before this call is no one's fault: the clock starts when work does.
    if (this.#pending.size === 0) this.#lastProgress = this.now()
    const id = this.#nextId++
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { step, reject })
      this.#arm()
      promise.then(
        (value) => {
          if (this.#settle(id)) resolve(value)
        },
        (error: unknown) => {
          if (this.#settle(id)) reject(error instanceof Error ? error : new Error(String(error)))
        }
      )
    })
  }

  activity(): void {
    this.#lastProgress = this.now()
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer)
    this.#timer = null
  }

  #settle(id: number): boolean {
    if (!this.#pending.delete(id)) return false
    this.#lastProgress = this.now()
    if (this.#pending.size === 0) this.stop()
    return true
  }

  #arm(): void {
    if (this.#timer !== null) return
    // Checked 4× per stall period: a hang is declared within 1.25 × stallMs.
    this.#timer = setInterval(() => this.#check(), Math.max(10, this.stallMs / 4))
  }

  #check(): void {
    if (this.#pending.size === 0 || this.now() - this.#lastProgress < this.stallMs) return
    const oldest = this.#pending.values().next().value
    const hang = new PdfEngineHang(oldest?.step ?? 'unknown', this.stallMs)
    this.#stalled = hang
    this.stop()
    const waiting = [...this.#pending.values()]
    this.#pending.clear()
    this.onStall(hang)
    for (const call of waiting) call.reject(hang)
  }
}

/** A timer that can be paused, e.g. while the user types a password during `open`. */
export class PausableDeadline {
  #timer: ReturnType<typeof setTimeout> | null = null
  #done = false

  constructor(
    private readonly timeoutMs: number,
    private readonly onExpire: () => void
  ) {
    this.resume()
  }

  pause(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
  }

  /** Restarts the full deadline: each password attempt gets its own allowance. */
  resume(): void {
    if (this.#done) return
    this.pause()
    this.#timer = setTimeout(() => {
      this.#done = true
      this.onExpire()
    }, this.timeoutMs)
  }

  stop(): void {
    this.#done = true
    this.pause()
  }
}
