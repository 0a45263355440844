/**
 * What makes the printed report fit to attach to a complaint (issue 10, point 4): a running header
 * naming the release, agency and date on every page, "Page n of N" at the foot, and file names that
 * wrap where a person would break them (htmlParts.ts `breakableName`). The header and page numbers are CSS page-margin boxes
 * (Chromium 131+ prints them: the app's Electron and the CLI's headless Chromium alike), so the PDF
 * needs no second pass.
 */
import type { Report } from './types'

/** The running header keeps to one line of 8 pt type across A4 or Letter (~110 characters). */
const HEADER_MAX_CHARS = 110

/**
 * A CSS string literal for `content:`. Every character that could end the string, the declaration or
 * the <style> element (`"`, `\`, `<`, `>`, line breaks) is a hex escape; release names are user text.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"<>\r\n\f\u2028\u2029]/gu, (c) => `\\${c.charCodeAt(0).toString(16)} `)
  return `"${escaped}"`
}

/** "MBIE OIA 2026-0412 · Ministry of Business · 2026-04-12": the release, its agency and its date. */
export function runningHeaderText(report: Report): string {
  const c = report.cover
  const date = c.responseDate || report.generatedAt.slice(0, 10)
  const text = [c.title, c.agency, date]
    .map((part) => part.replace(/\s+/gu, ' ').trim())
    .filter((part) => part !== '')
    .join(' · ')
  return text.length > HEADER_MAX_CHARS ? `${text.slice(0, HEADER_MAX_CHARS - 1)}…` : text
}

/** Print rules that need the report's own words: the running header and the page numbers. */
export function printChromeStyle(report: Report): string {
  const box = 'font: 8pt system-ui, Arial, sans-serif; color: #555;'
  return `@media print {
  @page {
    @top-left { content: ${cssString(runningHeaderText(report))}; ${box} vertical-align: bottom; }
    @top-right { content: "Redaction report"; ${box} vertical-align: bottom; }
    @bottom-left { content: ${cssString(`${report.engine} · ${report.schema}`)}; ${box} vertical-align: top; }
    @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; }
  }
}`
}
