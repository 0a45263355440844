/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (never in pipes, logs or
 * CI output). Redrawn at most every 100 ms so a 1,000-page batch does not flood the terminal.
 */
export interface Progress {
  update(filesDone: number, current: string | null): void
  /** Clears the bar so a message line can be printed, then redraws on the next update. */
  clear(): void
  finish(): void
}

const REDRAW_MS = 100
const BAR_CELLS = 24

export function createProgress(stream: NodeJS.WriteStream, total: number): Progress {
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined, finish: () => undefined }
  let lastDrawMs = 0
  let shown = false
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[K')
    shown = false
  }
  return {
    update(filesDone, current) {
      const now = Date.now()
      if (now - lastDrawMs < REDRAW_MS && filesDone < total) return
      lastDrawMs = now
      const filled = Math.round((filesDone / Math.max(1, total)) * BAR_CELLS)
      const width = stream.columns ?? 80
      const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR_CELLS - filled)}] ${filesDone}/${total} files${current ? `  ${current}` : ''}`
      stream.write(`\r\x1b[K${line.slice(0, Math.max(10, width - 1))}`)
      shown = true
    },
    clear,
    finish: clear
  }
}
