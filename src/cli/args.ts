/**
 * `withheld` argument parsing, pure: argv in, a parsed command or one usage error out. Bad arguments
 * end the run with the usage text and exit status 2, never a stack trace.
 */
export const usage = (jobs: number = defaultJobs()): string => `Usage: withheld scan FILE.pdf|DIR... [options]

Finds the redactions in PDF releases and prints them as JSON (schema withheld.scan/1).
Folders are searched for *.pdf files, including subfolders.

Options:
  --format json|csv|md   output format (default json)
  --out DIR              write one NAME.json / NAME.csv / NAME.md per NAME.pdf into DIR
                         (without it, results go to standard output: one JSON result,
                         or a JSON array for several files)
  --reveal-leaks         include recoverable text found under redaction boxes (off by default:
                         a report should not re-publish what was withheld)
  --jobs N               files analysed at once (default ${jobs})
  --dpi N                resolution for finding boxes in scanned page images (default 100;
                         0 skips scanned-page images)
  --timeout S            stop a file's analysis after S seconds without progress (default 20)
  -h, --help             show this help

Exit status: 0 when every file was scanned, 2 when any was not or the arguments were wrong.
`

export type OutputFormat = 'json' | 'csv' | 'md'

export interface ScanCommand {
  readonly command: 'scan'
  readonly inputs: readonly string[]
  readonly format: OutputFormat
  readonly outDir: string | null
  readonly revealLeaks: boolean
  readonly jobs: number
  readonly timeoutMs: number
  /** Dots per inch for the scanned-page raster pass; 0 turns it off. */
  readonly rasterDpi: number
}

export type ParsedArgs =
  ScanCommand | { readonly command: 'help' } | { readonly command: 'error'; readonly message: string }

/** Up to 4 files at once, one per core: each worker holds a whole PDF and pdf.js's working set. */
export function defaultJobs(cpuCount = 2): number {
  return Math.max(1, Math.min(4, cpuCount))
}

export const MAX_JOBS = 32
/** One hour without progress is never a healthy analysis; beyond it the option is surely a typo. */
export const MAX_TIMEOUT_S = 3600
export const DEFAULT_TIMEOUT_S = 20
export const DEFAULT_RASTER_DPI = 100
/** Above 600 dpi an A4 page is ~35 M px: slower and no better at finding boxes. */
export const MAX_RASTER_DPI = 600

const FORMATS: readonly OutputFormat[] = ['json', 'csv', 'md']

const error = (message: string): ParsedArgs => ({ command: 'error', message })

export function parseArgs(argv: readonly string[], cpuCount = 2): ParsedArgs {
  if (argv.length === 0) return error('no command given.')
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { command: 'help' }
  const [command, ...rest] = argv
  if (command !== 'scan') return error(`unknown command “${command}”.`)

  const inputs: string[] = []
  let format: OutputFormat = 'json'
  let outDir: string | null = null
  let revealLeaks = false
  let jobs = defaultJobs(cpuCount)
  let timeoutS = DEFAULT_TIMEOUT_S
  let rasterDpi = DEFAULT_RASTER_DPI
  let onlyInputs = false

  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!
    if (onlyInputs || !arg.startsWith('-') || arg === '-') {
      inputs.push(arg)
      continue
    }
    if (arg === '--') {
      onlyInputs = true
      continue
    }
    const [flag, inlineValue] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
    const value = (): string | null => {
      if (inlineValue !== undefined) return inlineValue
      const next = rest[i + 1]
      if (next === undefined || next.startsWith('--')) return null
      i++
      return next
    }
    switch (flag) {
      case '--format': {
        const given = value()
        if (given === null) return error('--format needs a value: json, csv or md.')
        if (!FORMATS.includes(given as OutputFormat))
          return error(`unknown format “${given}” (use json, csv or md).`)
        format = given as OutputFormat
        break
      }
      case '--out': {
        const given = value()
        if (given === null || given === '') return error('--out needs a folder.')
        outDir = given
        break
      }
      case '--reveal-leaks':
        if (inlineValue !== undefined) return error('--reveal-leaks takes no value.')
        revealLeaks = true
        break
      case '--jobs': {
        const given = value()
        const n = given !== null && /^\d+$/.test(given) ? Number(given) : NaN
        if (!(n >= 1 && n <= MAX_JOBS)) return error(`--jobs needs a whole number from 1 to ${MAX_JOBS}.`)
        jobs = n
        break
      }
      case '--timeout': {
        const given = value()
        const s = given !== null && /^\d+(\.\d+)?$/.test(given) ? Number(given) : NaN
        if (!(s > 0 && s <= MAX_TIMEOUT_S))
          return error(`--timeout needs a number of seconds from 1 to ${MAX_TIMEOUT_S}.`)
        timeoutS = s
        break
      }
      case '--dpi': {
        const given = value()
        const n = given !== null && /^\d+$/.test(given) ? Number(given) : NaN
        if (!(n >= 0 && n <= MAX_RASTER_DPI))
          return error(`--dpi needs a whole number from 0 to ${MAX_RASTER_DPI}.`)
        rasterDpi = n
        break
      }
      default:
        return error(`unknown option “${flag}”.`)
    }
  }
  if (inputs.length === 0) return error('scan needs at least one PDF file or folder.')
  return {
    command: 'scan',
    inputs,
    format,
    outDir,
    revealLeaks,
    jobs,
    timeoutMs: Math.round(timeoutS * 1000),
    rasterDpi
  }
}
