/**
 * Deadlines for pdf.js calls (security.md P7). pdf.js 6.5.438 never returns on some hostile PDFs
 * (PDF101 `D1-copy-stack-exhaustion.pdf`: > 30 s of PostScript evaluation in the worker). A call that
 * misses its deadline rejects with `PdfEngineHang` and the owner terminates the worker; the pending
 * pdf.js promise is abandoned, never awaited.
 */

/** Deadlines per step, ms. Generous: a legitimate 600 dpi scan page renders in ~2 s on 2 cores. */
export const OPEN_TIMEOUT_MS = 15_000
export const GET_PAGE_TIMEOUT_MS = 10_000
export const RENDER_TIMEOUT_MS = 20_000
export const TEXT_TIMEOUT_MS = 15_000

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
 * Settles like `promise`, or rejects with `PdfEngineHang` after `timeoutMs` and calls `onExpire`
 * once (the caller kills the worker there).
 */
export function withDeadline<T>(
  promise: Promise<T>,
  timeoutMs: number,
  step: string,
  onExpire: (hang: PdfEngineHang) => void
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const hang = new PdfEngineHang(step, timeoutMs)
      onExpire(hang)
      reject(hang)
    }, timeoutMs)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    )
  })
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
