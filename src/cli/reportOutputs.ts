/**
 * Which report files one `withheld report` run writes, pure. The release is scanned once and every
 * format asked for is rendered from that one scan, so the format list and the output paths are
 * settled here, before any scanning, and a contradiction (`--format html --out x.pdf`, which once
 * wrote HTML into a .pdf and exited 0) is refused in one line.
 *
 * - One format: `--out` is the file. Without `--format` the format is the file's extension
 *   (.html/.htm, .csv, .json, .md/.markdown, .pdf); a name without an extension gets HTML.
 * - Several formats: `--out` is a base path (`--out out/release-7` writes out/release-7.html,
 *   out/release-7.csv, …) or an existing folder, or one written with a trailing slash
 *   (`--out reports/` writes reports/report.html, …).
 */
export type ReportFormat = 'html' | 'csv' | 'json' | 'md' | 'pdf'
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'csv', 'json', 'md', 'pdf']

/** The extension each format is written with. */
const EXTENSION_OF: Record<ReportFormat, string> = {
  html: '.html',
  csv: '.csv',
  json: '.json',
  md: '.md',
  pdf: '.pdf'
}

/** Extensions that name a report format, including the long and short spellings people use. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, ReportFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.csv': 'csv',
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.pdf': 'pdf'
}

/** The file name used inside a folder given as `--out` with several formats. */
export const REPORT_BASE_NAME = 'report'

/** The last path segment's extension, lower case, with its dot; '' when there is none. */
function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? ''
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot).toLowerCase() : ''
}

/** `--out reports/` (or `reports\` on Windows) names a folder even before it is looked at. */
export const namesFolder = (out: string): boolean => /[\\/]$/.test(out)

/** `--format html,pdf,csv` → the formats in the order given, each once; or an error sentence. */
export function readReportFormats(given: string | null): readonly ReportFormat[] | string {
  const needs = `--format needs one of ${REPORT_FORMATS.join(', ')}, or several separated by commas`
  if (given === null || given.trim() === '') return `${needs}.`
  const formats: ReportFormat[] = []
  for (const part of given.split(',')) {
    const name = part.trim().toLowerCase()
    if (!REPORT_FORMATS.includes(name as ReportFormat)) return `${needs} (not “${part.trim()}”).`
    if (!formats.includes(name as ReportFormat)) formats.push(name as ReportFormat)
  }
  return formats
}

/**
 * The formats to write, given `--format` (null when absent) and `--out`; or an error sentence that
 * stands on its own line (it names both options, so the usage text adds nothing).
 */
export function settleReportFormats(
  given: readonly ReportFormat[] | null,
  out: string
): readonly ReportFormat[] | string {
  const extension = extensionOf(out)
  const implied = FORMAT_OF_EXTENSION[extension]
  if (given === null) {
    if (implied) return [implied]
    if (extension === '' || namesFolder(out)) return ['html']
    return (
      `--out ${out}: “${extension}” is not a report format; name the file .html, .csv, .json, .md or ` +
      '.pdf, or give --format.'
    )
  }
  if (given.length === 1) {
    const [format] = given as [ReportFormat]
    if (implied && implied !== format)
      return `--format ${format} does not match --out ${out} (a ${implied} file name); change one of them.`
    return given
  }
  if (implied)
    return (
      `--format ${given.join(',')} writes several files, so --out is a base name or a folder without ` +
      `an extension (not “${extension}”): --out report writes ${given.map((f) => `report${EXTENSION_OF[f]}`).join(', ')}.`
    )
  return given
}

export interface ReportOutput {
  readonly format: ReportFormat
  readonly path: string
}

/**
 * Where each format is written. `outIsFolder` says whether `--out` is an existing folder (the caller
 * looks; this module touches no file system).
 */
export function reportOutputs(
  formats: readonly ReportFormat[],
  out: string,
  outIsFolder: boolean
): readonly ReportOutput[] {
  if (formats.length === 1 && !outIsFolder && !namesFolder(out)) return [{ format: formats[0]!, path: out }]
  const base = outIsFolder || namesFolder(out) ? `${out.replace(/[\\/]+$/, '')}/${REPORT_BASE_NAME}` : out
  return formats.map((format) => ({ format, path: `${base}${EXTENSION_OF[format]}` }))
}
