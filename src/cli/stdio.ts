/**
 * Errors on the CLI's own standard streams. A reader that stops early (`withheld scan DIR | head`,
 * `… | grep -q`) closes the pipe, and Node then raises EPIPE as an unhandled 'error' event: a stack
 * trace and exit status 1 for what is the reader's choice. Here EPIPE is let go (the run finishes and
 * exits with its own status); any other failure to write stdout (a full disk under `> out.json`) gets
 * one line on stderr and exit status 2. Errors on stderr itself have nowhere to be told, so they are
 * only kept from crashing the run.
 */
export interface StdStreams {
  readonly stdout: NodeJS.EventEmitter
  readonly stderr: NodeJS.EventEmitter & { write(text: string): boolean }
}

export function guardStdStreams(
  streams: StdStreams = process,
  setExitCode: (code: number) => void = (code) => {
    process.exitCode = code
  }
): void {
  let toldOnce = false
  streams.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') return
    setExitCode(2)
    if (toldOnce) return
    toldOnce = true
    streams.stderr.write(`withheld: the output could not be written (${err.code ?? err.message}).\n`)
  })
  streams.stderr.on('error', () => undefined)
}
