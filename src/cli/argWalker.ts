/**
 * The option grammar both `withheld` commands share: plain words (and everything after `--`) are
 * inputs; `--flag value` and `--flag=value` are options; a value never starts with `--`. Each option
 * goes to the command's handler, which returns an error sentence or null. Also the shared limits and
 * value checks for --jobs, --timeout and --dpi, so both commands word their errors alike.
 */

export interface OptionToken {
  readonly flag: string
  /** The `=value` part, when the option was written `--flag=value`. */
  readonly inline: string | undefined
  /** The option's value (inline or the next word, which it consumes), or null when there is none. */
  value(): string | null
}

export type WalkResult = { readonly inputs: string[] } | { readonly error: string }

export function walkArgs(
  argv: readonly string[],
  onOption: (option: OptionToken) => string | null
): WalkResult {
  const inputs: string[] = []
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
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined
    const problem = onOption({
      flag: eq > 0 ? arg.slice(0, eq) : arg,
      inline,
      value: () => {
        if (inline !== undefined) return inline
        const next = argv[i + 1]
        if (next === undefined || next.startsWith('--')) return null
        i++
        return next
      }
    })
    if (problem !== null) return { error: problem }
  }
  return { inputs }
}

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

function wholeNumber(given: string | null, min: number, max: number): number | null {
  const n = given !== null && /^\d+$/.test(given) ? Number(given) : NaN
  return n >= min && n <= max ? n : null
}

/** The shared numeric options: the parsed value, or an error sentence. */
export function readJobs(given: string | null): number | string {
  return wholeNumber(given, 1, MAX_JOBS) ?? `--jobs needs a whole number from 1 to ${MAX_JOBS}.`
}

export function readTimeoutS(given: string | null): number | string {
  const s = given !== null && /^\d+(\.\d+)?$/.test(given) ? Number(given) : NaN
  return s > 0 && s <= MAX_TIMEOUT_S ? s : `--timeout needs a number of seconds from 1 to ${MAX_TIMEOUT_S}.`
}

/** A confidence from 0 to 1: candidates below it are left out of the output. */
export function readMinConfidence(given: string | null): number | string {
  const v = given !== null && /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(given) ? Number(given) : NaN
  return v >= 0 && v <= 1 ? v : '--min-confidence needs a number from 0 to 1.'
}

export function readDpi(given: string | null): number | string {
  return wholeNumber(given, 0, MAX_RASTER_DPI) ?? `--dpi needs a whole number from 0 to ${MAX_RASTER_DPI}.`
}
