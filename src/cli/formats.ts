/**
 * The CLI's three output formats for one `ScanResult`:
 * - JSON: the public `withheld.scan/1` contract, as is.
 * - CSV (RFC 4180): one row per redaction. Text taken from PDFs (labels, leaked text, file names) can
 *   start with =, +, -, @, tab, CR or NUL and run as a formula in a spreadsheet (OWASP ASVS 5.0
 *   V1.2.10, security.md X1): such cells get a leading apostrophe.
 * - Markdown: a heading per file, a table per page with redactions; PDF text escaped so it cannot add
 *   markup, link syntax or HTML.
 */
import type { DocumentAudit, ScanRedaction, ScanResult } from '@core/types'

export function toJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`
}

/** Neutralises spreadsheet formula triggers, then quotes per RFC 4180 where needed. */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Numbers we produce ourselves are never formulas; two decimals is 1/3600 inch. */
const csvNumber = (value: number): string => String(Math.round(value * 100) / 100)

export const CSV_HEADER = [
  'file',
  'sha256',
  'page',
  'withheld_in_full',
  'kind',
  'source',
  'confidence',
  'x0_pt',
  'y0_pt',
  'x1_pt',
  'y1_pt',
  'grounds',
  'label',
  'leak',
  'leak_chars',
  'leak_sha256',
  'leaked_text',
  'status',
  'evidence',
  'passage'
] as const

function csvRow(result: ScanResult, pageIndex: number, withheldInFull: boolean, r: ScanRedaction): string {
  return [
    csvText(result.file),
    result.sha256,
    String(pageIndex + 1),
    withheldInFull ? 'yes' : 'no',
    r.kind,
    r.source,
    csvNumber(r.confidence),
    ...r.bbox.map(csvNumber),
    csvText(r.grounds.join('; ')),
    csvText(r.label ?? ''),
    r.leak?.kind ?? '',
    r.leak ? String(r.leak.chars) : '',
    r.leak?.sha256 ?? '',
    csvText(r.leakedText ?? ''),
    r.status,
    r.evidence.join('; '),
    r.passage ?? ''
  ].join(',')
}

/** Header plus one CRLF-terminated row per redaction; `page` is 1-based, boxes in points from top-left. */
export function toCsv(results: readonly ScanResult[], withHeader = true): string {
  const lines = withHeader ? [CSV_HEADER.join(',')] : []
  for (const result of results) {
    for (const page of result.pages) {
      for (const r of page.redactions) lines.push(csvRow(result, page.index, page.withheldInFull, r))
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`
}

/** Escapes PDF text for a Markdown table cell: no markup, no HTML, no line breaks. */
export function mdText(value: string): string {
  return (
    value
      .replace(/[\r\n\t]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Cells never start a line, so only inline markup needs escaping: emphasis, code, links, pipes.
      .replace(/([\\`*_[\]|~])/g, '\\$1')
      .trim()
  )
}

const box = (r: ScanRedaction): string => r.bbox.map((v) => Math.round(v)).join(', ')

function leakCell(r: ScanRedaction): string {
  if (!r.leak) return ''
  const text = r.leakedText !== null ? `: “${mdText(r.leakedText)}”` : ''
  return `**${r.leak.kind}** (${r.leak.chars} chars)${text}`
}

/** The audit's verdict, counts per kind, each finding's place, and what could not be read. */
function auditLines(audit: DocumentAudit): string[] {
  const lines = [`## Leak audit: ${audit.verdict}`, '']
  const counts = Object.entries(audit.counts).sort(([a], [b]) => a.localeCompare(b))
  if (counts.length > 0) {
    lines.push('| Leak kind | Found |', '| --- | ---: |')
    for (const [kind, count] of counts) lines.push(`| ${kind} | ${count} |`)
    lines.push('')
  }
  if (audit.findings.length > 0) {
    lines.push('| Where | Kind | Size | SHA-256 | Text |', '| --- | --- | ---: | --- | --- |')
    for (const f of audit.findings)
      lines.push(
        `| ${mdText(f.where)} | ${f.kind} | ${f.leak.chars} | \`${f.leak.sha256.slice(0, 16)}\` | ${f.text !== null ? mdText(f.text) : ''} |`
      )
    lines.push('')
  }
  for (const u of audit.unread) lines.push(`- Not read: ${mdText(u.what)}: ${mdText(u.why)}`)
  if (audit.unread.length > 0) lines.push('')
  return lines
}

export function toMarkdown(result: ScanResult): string {
  const { summary } = result
  const lines = [
    `# ${mdText(result.file)}`,
    '',
    `${result.pageCount} pages · ${summary.redactions} redactions · ${summary.pagesWithheldInFull} pages withheld in full · ` +
      `${summary.leaks} leaks · regime ${result.regime}`,
    '',
    `SHA-256 \`${result.sha256}\``,
    ''
  ]
  const grounds = Object.entries(summary.byGround).sort(([a], [b]) => a.localeCompare(b))
  if (grounds.length > 0) {
    lines.push('| Ground | Redactions |', '| --- | ---: |')
    for (const [ground, count] of grounds) lines.push(`| ${mdText(ground)} | ${count} |`)
    lines.push('')
  }
  if (result.audit) lines.push(...auditLines(result.audit))
  for (const page of result.pages) {
    if (page.redactions.length === 0 && !page.error) continue
    const notes = [
      page.withheldInFull ? 'withheld in full' : '',
      page.error ? `could not be analysed: ${mdText(page.error)}` : ''
    ]
      .filter(Boolean)
      .join('; ')
    lines.push(`## Page ${page.index + 1}${notes ? ` (${notes})` : ''}`, '')
    if (page.redactions.length === 0) continue
    lines.push(
      '| # | Kind | Box (pt, x0, y0, x1, y1) | Grounds | Label | Leak |',
      '| ---: | --- | --- | --- | --- | --- |'
    )
    page.redactions.forEach((r, i) => {
      lines.push(
        `| ${i + 1} | ${r.kind}${r.status === 'possible' ? ' (possible)' : ''} | ${box(r)} | ${mdText(r.grounds.join(', '))} | ${mdText(r.label ?? '')} | ${leakCell(r)} |`
      )
    })
    lines.push('')
  }
  return `${lines.join('\n').trimEnd()}\n`
}
