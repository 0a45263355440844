/**
 * The files of one export, from the report model: each chosen format rendered by core, in a fixed
 * order (HTML, PDF, CSV, JSON, Markdown). Page pictures go only into the HTML and the PDF printed
 * from it; CSV, JSON and Markdown stay plain data.
 */
import { renderReport, type Report } from '@core/report'
import { paperFor } from '@core/report/regime'
import type { PaperSize, ReportFileFormat, ReportOutput } from '@shared/ipc'

export const FORMAT_ORDER: readonly ReportFileFormat[] = ['html', 'pdf', 'csv', 'json', 'md']

export const FORMAT_LABELS: Readonly<Record<ReportFileFormat, string>> = {
  html: 'HTML (one self-contained file)',
  pdf: 'PDF (printed from the HTML)',
  csv: 'CSV (one row per redaction)',
  json: 'JSON (withheld.report/1)',
  md: 'Markdown'
}

/**
 * The paper the user chose, or with none (null) the one the report's regime calls for: the same rule as
 * `withheld report` (US Letter for any US law, whether read from the release, the letter or the grounds).
 */
export const paperOf = (chosen: PaperSize | null, report: Report): PaperSize =>
  chosen ?? paperFor(report.cover)

export function buildOutputs(
  report: Report,
  formats: ReadonlySet<ReportFileFormat>,
  paper: PaperSize,
  pageImages: ReadonlyMap<string, string>
): ReportOutput[] {
  const html = (): string => renderReport(report, 'html', { paper, pageImages })
  let htmlText: string | null = null
  const outputs: ReportOutput[] = []
  for (const format of FORMAT_ORDER) {
    if (!formats.has(format)) continue
    if (format === 'html' || format === 'pdf') {
      htmlText ??= html()
      outputs.push(format === 'html' ? { format, text: htmlText } : { format, html: htmlText, paper })
    } else {
      outputs.push({ format, text: renderReport(report, format) })
    }
  }
  return outputs
}
