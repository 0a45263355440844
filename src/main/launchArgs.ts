/**
 * Which PDFs the operating system asked Withheld to open: `withheld brief.pdf` from a shell, a
 * double-click in the file manager (file associations, electron-builder.json), or a second launch
 * while the app runs (`second-instance` hands over that launch's argv and working directory). Pure,
 * so every platform's argv shape is tested without Electron; index.ts only feeds it.
 */
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const PDF_NAME = /\.pdf$/i

/** A `file:` URL (Linux desktop files pass %U) as a path; null when it is no file URL we can read. */
function pathOfFileUrl(arg: string): string | null {
  try {
    return fileURLToPath(arg)
  } catch {
    return null
  }
}

/**
 * The PDF paths in a launch's argv, absolute, in the order given, each once. argv[0] is the
 * executable; in development argv[1] is the app's folder or entry script, which is not a .pdf and so
 * falls out like any other argument. Options (`--no-sandbox`, Chromium switches Electron appends to a
 * second instance's argv, macOS's `-psn_…`) are skipped up to a `--`, after which every argument is a
 * name. Only `.pdf` names count: anything else on the command line is not a request to open a file.
 */
export function pdfPathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const paths: string[] = []
  let namesOnly = false
  for (const arg of argv.slice(1)) {
    if (!namesOnly && arg === '--') {
      namesOnly = true
      continue
    }
    if (!namesOnly && arg.startsWith('-')) continue
    const path = /^file:/i.test(arg) ? pathOfFileUrl(arg) : arg
    if (path === null || path === '' || !PDF_NAME.test(path)) continue
    const absolute = isAbsolute(path) ? path : resolve(workingDirectory, path)
    if (!paths.includes(absolute)) paths.push(absolute)
  }
  return paths
}

/**
 * Paths asked for before the window could take them (macOS sends `open-file` before `ready`; a second
 * launch may come while the page is still loading). The renderer takes them when it is ready and again
 * each time it is told more arrived, so none is lost and none is imported twice.
 */
export class PendingOpens {
  #paths: string[] = []

  /** Adds paths not already waiting; true when any was new. */
  add(paths: readonly string[]): boolean {
    const before = this.#paths.length
    for (const path of paths) if (!this.#paths.includes(path)) this.#paths.push(path)
    return this.#paths.length > before
  }

  /** Every waiting path, oldest first; the queue is then empty. */
  take(): string[] {
    const taken = this.#paths
    this.#paths = []
    return taken
  }
}
