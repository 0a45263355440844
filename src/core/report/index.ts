/** The report module's public face: build a `withheld.report/1` model, then render it. */
import { renderCsv } from './renderCsv'
import { renderHtml, type HtmlOptions } from './renderHtml'
import { renderMarkdown } from './renderMarkdown'
import type { Report } from './types'

export { buildReport } from './buildReport'
export { catalogueFor, reportInputFromScans } from './fromScans'
export { renderCsv, renderHtml, renderMarkdown }
export * from './types'
export { pageImageKey, type ReportPaper } from './htmlParts'
export type { HtmlOptions }

export type ReportTextFormat = 'html' | 'csv' | 'json' | 'md'

export const renderJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`

export function renderReport(report: Report, format: ReportTextFormat, html: HtmlOptions = {}): string {
  if (format === 'html') return renderHtml(report, html)
  if (format === 'csv') return renderCsv(report)
  if (format === 'md') return renderMarkdown(report)
  return renderJson(report)
}
