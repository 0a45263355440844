/**
 * `withheld diff OLD.pdf NEW.pdf` arguments, pure: argv in, the command or one error sentence out.
 */
import { DEFAULT_TIMEOUT_S, readTimeoutS, walkArgs } from './argWalker'

export const diffUsage = (): string => `Usage: withheld diff OLD.pdf NEW.pdf [options]

Compares two releases of the same papers: each redaction of the older copy is lifted (the text now
printed in its place is shown: it is public in the newer release), kept, or ground-changed; boxes only
in the newer copy are added; pages withheld in full in the older copy and released are listed.
Prints JSON (format withheld.diff/1; pages 0-based, boxes in points from the top-left of the page).

Options:
  --format json|md|html  output format (default json)
  --out PATH             write the result to PATH instead of standard output
  --no-ocr               do not read scanned pages with OCR (faster; scans then align on
                         their neighbouring pages and box places only)
  --timeout S            stop a file's analysis after S seconds without progress (default ${DEFAULT_TIMEOUT_S})
  -h, --help             show this help

Exit status: 0 when compared, 2 when a file could not be read, the two share no pages, or the
arguments were wrong.
`

export type DiffFormat = 'json' | 'md' | 'html'

export interface DiffCommand {
  readonly command: 'diff'
  readonly oldPath: string
  readonly newPath: string
  readonly format: DiffFormat
  readonly out: string | null
  readonly ocr: boolean
  readonly timeoutMs: number
}

export type ParsedDiffArgs =
  DiffCommand | { readonly command: 'help' } | { readonly command: 'error'; readonly message: string }

const FORMATS: readonly DiffFormat[] = ['json', 'md', 'html']

export function parseDiffArgs(argv: readonly string[]): ParsedDiffArgs {
  if (argv.includes('-h') || argv.includes('--help')) return { command: 'help' }
  let format: DiffFormat = 'json'
  let out: string | null = null
  let ocr = true
  let timeoutS = DEFAULT_TIMEOUT_S
  const walked = walkArgs(argv, (option) => {
    switch (option.flag) {
      case '--format': {
        const given = option.value()
        if (given === null || !FORMATS.includes(given as DiffFormat))
          return `--format needs json, md or html${given ? `, not “${given}”` : ''}.`
        format = given as DiffFormat
        return null
      }
      case '--out': {
        const given = option.value()
        if (given === null || given === '') return '--out needs a file name.'
        out = given
        return null
      }
      case '--no-ocr':
        if (option.inline !== undefined) return '--no-ocr takes no value.'
        ocr = false
        return null
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
  if ('error' in walked) return { command: 'error', message: walked.error }
  if (walked.inputs.length !== 2)
    return {
      command: 'error',
      message: `diff needs two PDF files, the older release first (${walked.inputs.length} given).`
    }
  return {
    command: 'diff',
    oldPath: walked.inputs[0]!,
    newPath: walked.inputs[1]!,
    format,
    out,
    ocr,
    timeoutMs: Math.round(timeoutS * 1000)
  }
}
