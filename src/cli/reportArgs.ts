/**
 * `withheld report` argument parsing, pure: argv (after the word "report") in, a parsed command or one
 * usage error out. Shares the scan command's limits for --jobs and --timeout.
 */
import { DEFAULT_TIMEOUT_S, defaultJobs, MAX_JOBS, MAX_TIMEOUT_S } from './args'

export type ReportFormat = 'html' | 'csv' | 'json' | 'md' | 'pdf'
const FORMATS: readonly ReportFormat[] = ['html', 'csv', 'json', 'md', 'pdf']

export const reportUsage = (
  jobs: number = defaultJobs()
): string => `Usage: withheld report FILE.pdf|DIR... --out PATH [options]

Scans the PDFs and writes one redaction report for all of them: a register of every redaction
(document, page, position, kind, label, grounds and what they mean), totals by ground, what to
ask the agency, and leaks. Folders are searched for *.pdf files, including subfolders.

Options:
  --format html|csv|json|md|pdf   report format (default html; json is schema withheld.report/1;
                                  pdf needs Chromium or Google Chrome, or WITHHELD_CHROME=/path)
  --out PATH                      the report file to write (required)
  --include-leaked-text           print text recovered from under redaction boxes (off by default:
                                  a report should not re-publish what was withheld)
  --jobs N                        files analysed at once (default ${jobs})
  --timeout S                     stop a file's analysis after S seconds without progress (default ${DEFAULT_TIMEOUT_S})
  -h, --help                      show this help

Exit status: 0 when every file was scanned and the report written; 2 otherwise (a report of the
files that could be scanned is still written).
`

export interface ReportCommand {
  readonly command: 'report'
  readonly inputs: readonly string[]
  readonly format: ReportFormat
  readonly out: string
  readonly includeLeakedText: boolean
  readonly jobs: number
  readonly timeoutMs: number
}

export type ParsedReportArgs =
  ReportCommand | { readonly command: 'help' } | { readonly command: 'error'; readonly message: string }

const error = (message: string): ParsedReportArgs => ({ command: 'error', message })

export function parseReportArgs(argv: readonly string[], cpuCount = 2): ParsedReportArgs {
  const inputs: string[] = []
  let format: ReportFormat = 'html'
  let out: string | null = null
  let includeLeakedText = false
  let jobs = defaultJobs(cpuCount)
  let timeoutS = DEFAULT_TIMEOUT_S
  let onlyInputs = false

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (onlyInputs || !arg.startsWith('-') || arg === '-') {
      inputs.push(arg)
      continue
    }
    if (arg === '--') {
      onlyInputs = true
      continue
    }
    if (arg === '-h' || arg === '--help') return { command: 'help' }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const flag = eq > 0 ? arg.slice(0, eq) : arg
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined
    const value = (): string | null => {
      if (inline !== undefined) return inline
      const next = argv[i + 1]
      if (next === undefined || next.startsWith('--')) return null
      i++
      return next
    }
    switch (flag) {
      case '--format': {
        const given = value()
        if (given === null || !FORMATS.includes(given as ReportFormat))
          return error(`--format needs one of ${FORMATS.join(', ')}${given ? ` (not “${given}”)` : ''}.`)
        format = given as ReportFormat
        break
      }
      case '--out': {
        const given = value()
        if (given === null || given === '') return error('--out needs the path of the report file.')
        out = given
        break
      }
      case '--include-leaked-text':
        if (inline !== undefined) return error('--include-leaked-text takes no value.')
        includeLeakedText = true
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
      default:
        return error(`unknown option “${flag}”.`)
    }
  }
  if (inputs.length === 0) return error('report needs at least one PDF file or folder.')
  if (out === null) return error('report needs --out PATH, the file to write.')
  return {
    command: 'report',
    inputs,
    format,
    out,
    includeLeakedText,
    jobs,
    timeoutMs: Math.round(timeoutS * 1000)
  }
}
