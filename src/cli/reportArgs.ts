/**
 * `withheld report` argument parsing, pure: argv (after the word "report") in, a parsed command or one
 * usage error out. Shares the scan command's limits for --jobs and --timeout.
 */
import { DEFAULT_TIMEOUT_S, defaultJobs, readJobs, readTimeoutS, walkArgs } from './argWalker'
import { readReportFormats, settleReportFormats, type ReportFormat } from './reportOutputs'

export type { ReportFormat } from './reportOutputs'
export type ReportPaper = 'a4' | 'letter'
const PAPERS: readonly ReportPaper[] = ['a4', 'letter']

export const reportUsage = (
  jobs: number = defaultJobs()
): string => `Usage: withheld report FILE.pdf|DIR... --out PATH [options]

Scans the PDFs and writes one redaction report for all of them: a register of every redaction
(document, page, position, kind, label, grounds and what they mean), totals by ground, what to
ask the agency, and leaks. Folders are searched for *.pdf files, including subfolders.

Options:
  --format html|csv|json|md|pdf   report format, or several separated by commas (html,pdf,csv),
                                  all from one scan (default: the --out file's extension, else
                                  html; json is schema withheld.report/1; pdf needs Chromium or
                                  Google Chrome, or WITHHELD_CHROME=/path)
  --out PATH                      the report file to write (required). With several formats, a
                                  base path (--out out/r writes out/r.html, out/r.pdf, …) or a
                                  folder (--out reports/ writes reports/report.html, …)
  --letter LETTER.pdf             the agency's response letter: the grounds it cites are set against
                                  the grounds on the redactions (cited but unused, used but not cited)
  --paper a4|letter               paper for the PDF and for printing the HTML (default: letter for
                                  a US FOIA release, else a4)
  --include-leaked-text           print text recovered from under redaction boxes (off by default:
                                  a report should not re-publish what was withheld)
  --jobs N                        files analysed at once (default ${jobs})
  --timeout S                     stop a file's analysis after S seconds without progress (default ${DEFAULT_TIMEOUT_S})
  --progress                      a line on stderr as each file is scanned, also when stderr
                                  is not a terminal (logs, CI)
  -h, --help                      show this help

Exit status: 0 when every file was scanned and the report written; 2 otherwise (a report of the
files that could be scanned is still written).
`

export interface ReportCommand {
  readonly command: 'report'
  readonly inputs: readonly string[]
  /** Each written from the one scan; at least one, no repeats. */
  readonly formats: readonly ReportFormat[]
  /** The report file, or with several formats (or a folder) the base the files are named from. */
  readonly out: string
  /** A line per scanned file on stderr, terminal or not. */
  readonly progress: boolean
  readonly includeLeakedText: boolean
  /** The response letter to reconcile with, or null. */
  readonly letter: string | null
  /** Null: chosen from the release's regime (US Letter for US FOIA). */
  readonly paper: ReportPaper | null
  readonly jobs: number
  readonly timeoutMs: number
}

export type ParsedReportArgs =
  | ReportCommand
  | { readonly command: 'help' }
  | {
      readonly command: 'error'
      readonly message: string
      /** The message says all (e.g. --format against --out's extension): no usage text after it. */
      readonly alone?: true
    }

const error = (message: string): ParsedReportArgs => ({ command: 'error', message })

/** Stops the walk at -h/--help, wherever it stands, as the first bad option would. */
const HELP = '\u0000help'

export function parseReportArgs(argv: readonly string[], cpuCount = 2): ParsedReportArgs {
  let formats: readonly ReportFormat[] | null = null
  let progress = false
  let out: string | null = null
  let includeLeakedText = false
  let letter: string | null = null
  let paper: ReportPaper | null = null
  let jobs = defaultJobs(cpuCount)
  let timeoutS = DEFAULT_TIMEOUT_S

  const walked = walkArgs(argv, (option) => {
    switch (option.flag) {
      case '-h':
      case '--help':
        return HELP
      case '--format': {
        const read = readReportFormats(option.value())
        if (typeof read === 'string') return read
        formats = read
        return null
      }
      case '--out': {
        const given = option.value()
        if (given === null || given === '') return '--out needs the path of the report file.'
        out = given
        return null
      }
      case '--letter': {
        const given = option.value()
        if (given === null || given === '') return '--letter needs the path of the response letter (a PDF).'
        letter = given
        return null
      }
      case '--paper': {
        const given = option.value()?.toLowerCase() ?? null
        if (given === null || !PAPERS.includes(given as ReportPaper))
          return `--paper needs a4 or letter${given ? ` (not “${given}”)` : ''}.`
        paper = given as ReportPaper
        return null
      }
      case '--include-leaked-text':
        if (option.inline !== undefined) return '--include-leaked-text takes no value.'
        includeLeakedText = true
        return null
      case '--progress':
        if (option.inline !== undefined) return '--progress takes no value.'
        progress = true
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
      default:
        return `unknown option “${option.flag}”.`
    }
  })
  if ('error' in walked) return walked.error === HELP ? { command: 'help' } : error(walked.error)
  if (walked.inputs.length === 0) return error('report needs at least one PDF file or folder.')
  if (out === null) return error('report needs --out PATH, the file to write.')
  const settled = settleReportFormats(formats, out)
  if (typeof settled === 'string') return { command: 'error', message: settled, alone: true }
  return {
    command: 'report',
    inputs: walked.inputs,
    formats: settled,
    out,
    progress,
    includeLeakedText,
    letter,
    paper,
    jobs,
    timeoutMs: Math.round(timeoutS * 1000)
  }
}
