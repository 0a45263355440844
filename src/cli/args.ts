/**
 * `withheld` argument parsing, pure: argv in, a parsed command or one usage error out. Bad arguments
 * end the run with the usage text and exit status 2, never a stack trace.
 */
import {
  DEFAULT_RASTER_DPI,
  DEFAULT_TIMEOUT_S,
  defaultJobs,
  readDpi,
  readJobs,
  readMinConfidence,
  readTimeoutS,
  walkArgs
} from './argWalker'

export {
  DEFAULT_RASTER_DPI,
  DEFAULT_TIMEOUT_S,
  defaultJobs,
  MAX_JOBS,
  MAX_RASTER_DPI,
  MAX_TIMEOUT_S
} from './argWalker'

export const usage = (jobs: number = defaultJobs()): string => `Usage: withheld scan FILE.pdf|DIR... [options]
       withheld report FILE.pdf|DIR... --out PATH [options]   (see withheld report --help)
       withheld diff OLD.pdf NEW.pdf [options]                (see withheld diff --help)

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
  --no-ocr               do not read scanned pages' printed ground labels and placeholder
                         pages with OCR (faster; boxes in page images are still found)
  --min-confidence C     leave out candidates the detector is less sure of than C (0–1; default
                         0: every candidate, those under 0.65 marked "status": "possible")
  --timeout S            stop a file's analysis after S seconds without progress (default 20)
  --progress             a line on stderr as each file is scanned, also when stderr is not a
                         terminal (logs, CI); without it a terminal gets a redrawn bar
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
  /** Read scanned pages' labels and placeholder pages with OCR (`--no-ocr` turns it off). */
  readonly ocr: boolean
  /** Redactions with a lower confidence are left out (0 keeps every candidate). */
  readonly minConfidence: number
  /** A line per scanned file on stderr, terminal or not (`--progress`); else a bar on terminals only. */
  readonly progress: boolean
}

export type ParsedArgs =
  ScanCommand | { readonly command: 'help' } | { readonly command: 'error'; readonly message: string }

const FORMATS: readonly OutputFormat[] = ['json', 'csv', 'md']

const error = (message: string): ParsedArgs => ({ command: 'error', message })

export function parseArgs(argv: readonly string[], cpuCount = 2): ParsedArgs {
  if (argv.length === 0) return error('no command given.')
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { command: 'help' }
  const [command, ...rest] = argv
  if (command !== 'scan') return error(`unknown command “${command}”.`)

  let format: OutputFormat = 'json'
  let outDir: string | null = null
  let revealLeaks = false
  let jobs = defaultJobs(cpuCount)
  let timeoutS = DEFAULT_TIMEOUT_S
  let rasterDpi = DEFAULT_RASTER_DPI
  let ocr = true
  let minConfidence = 0
  let progress = false

  const walked = walkArgs(rest, (option) => {
    switch (option.flag) {
      case '--format': {
        const given = option.value()
        if (given === null) return '--format needs a value: json, csv or md.'
        if (!FORMATS.includes(given as OutputFormat))
          return `unknown format “${given}” (use json, csv or md).`
        format = given as OutputFormat
        return null
      }
      case '--out': {
        const given = option.value()
        if (given === null || given === '') return '--out needs a folder.'
        outDir = given
        return null
      }
      case '--reveal-leaks':
        if (option.inline !== undefined) return '--reveal-leaks takes no value.'
        revealLeaks = true
        return null
      case '--jobs': {
        const n = readJobs(option.value())
        if (typeof n === 'string') return n
        jobs = n
        return null
      }
      case '--timeout': {
        const s = readTimeoutS(option.value())
        if (typeof s === 'string') return s
        timeoutS = s
        return null
      }
      case '--dpi': {
        const dpi = readDpi(option.value())
        if (typeof dpi === 'string') return dpi
        rasterDpi = dpi
        return null
      }
      case '--min-confidence': {
        const c = readMinConfidence(option.value())
        if (typeof c === 'string') return c
        minConfidence = c
        return null
      }
      case '--no-ocr':
        if (option.inline !== undefined) return '--no-ocr takes no value.'
        ocr = false
        return null
      case '--progress':
        if (option.inline !== undefined) return '--progress takes no value.'
        progress = true
        return null
      default:
        return `unknown option “${option.flag}”.`
    }
  })
  if ('error' in walked) return error(walked.error)
  if (walked.inputs.length === 0) return error('scan needs at least one PDF file or folder.')
  return {
    command: 'scan',
    inputs: walked.inputs,
    format,
    outDir,
    revealLeaks,
    jobs,
    timeoutMs: Math.round(timeoutS * 1000),
    rasterDpi,
    ocr,
    minConfidence,
    progress
  }
}
