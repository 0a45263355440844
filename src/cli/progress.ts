/**
 * Progress on stderr, in one of two forms:
 * - a one-line bar, redrawn in place, only when stderr is a terminal (never in pipes, logs or CI
 *   output); redrawn at most every 100 ms so a 1,000-page batch does not flood the terminal;
 * - with `--progress`, one plain line per finished file, terminal or not, so a long batch run from a
 *   script, cron or CI shows how far it has got (`[3/25] NAME.pdf: 12 pages, 4 redactions`).
 */
import type { ScanResult } from '@core/types'

export interface Progress {
  /** A page of some file was analysed; `current` says which, for the bar. */
  update(filesDone: number, current: string | null): void
  /** A file is finished: scanned (its result) or failed (null: its reason is already on its own line). */
  fileDone(filesDone: number, name: string, result: ScanResult | null): void
  /** Clears the bar so a message line can be printed, then redraws on the next update. */
  clear(): void
  finish(): void
}

const REDRAW_MS = 100
const BAR_CELLS = 24

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

/** The per-file line, without its `[done/total]` prefix. */
export function describeFile(name: string, result: ScanResult | null): string {
  if (result === null) return `${name}: failed`
  const leaks = result.summary.leaks > 0 ? `, ${count(result.summary.leaks, 'leak')}` : ''
  return `${name}: ${count(result.pageCount, 'page')}, ${count(result.summary.redactions, 'redaction')}${leaks}`
}

function perFileLines(stream: NodeJS.WriteStream, total: number): Progress {
  return {
    update: () => undefined,
    fileDone(filesDone, name, result) {
      stream.write(`[${filesDone}/${total}] ${describeFile(name, result)}\n`)
    },
    clear: () => undefined,
    finish: () => undefined
  }
}

function bar(stream: NodeJS.WriteStream, total: number): Progress {
  let lastDrawMs = 0
  let shown = false
  let lastCurrent: string | null = null
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[K')
    shown = false
  }
  const draw = (filesDone: number, current: string | null): void => {
    lastCurrent = current
    const now = Date.now()
    if (now - lastDrawMs < REDRAW_MS && filesDone < total) return
    lastDrawMs = now
    const filled = Math.round((filesDone / Math.max(1, total)) * BAR_CELLS)
    const width = stream.columns ?? 80
    const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR_CELLS - filled)}] ${filesDone}/${total} files${current ? `  ${current}` : ''}`
    stream.write(`\r\x1b[K${line.slice(0, Math.max(10, width - 1))}`)
    shown = true
  }
  return {
    update: draw,
    fileDone: (filesDone) => draw(filesDone, lastCurrent),
    clear,
    finish: clear
  }
}

const silent: Progress = {
  update: () => undefined,
  fileDone: () => undefined,
  clear: () => undefined,
  finish: () => undefined
}

/** `linePerFile`: the `--progress` form, whatever the stream is; else a bar on terminals only. */
export function createProgress(stream: NodeJS.WriteStream, total: number, linePerFile = false): Progress {
  if (linePerFile) return perFileLines(stream, total)
  return stream.isTTY ? bar(stream, total) : silent
}
