/**
 * The register as CSV (RFC 4180: CRLF line ends, quotes doubled, fields with `"` `,` CR or LF
 * quoted), one row per redaction. Cells beginning with =, +, -, @, tab, CR or NUL would run as
 * formulas in a spreadsheet (OWASP ASVS 5.0 V1.2.10, security.md X1): they get a leading apostrophe.
 */
import { leakUnit } from './measure'
import type { RegisterRow, Report } from './types'

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Numbers we compute are never formulas (a negative would be, but areas and boxes are ≥ 0 here). */
const num = (value: number): string => csvCell(String(Math.round(value * 100) / 100))

export const REPORT_CSV_HEADER = [
  'ref',
  'document',
  'sha256',
  'page',
  'position',
  'x0_pt',
  'y0_pt',
  'x1_pt',
  'y1_pt',
  'kind',
  'origin',
  'label',
  'grounds',
  'meaning',
  'status',
  'note',
  'area_pt2',
  'est_words',
  'leak',
  'leak_chars',
  // What leak_chars counts: "characters" of text, or "ink marks" in an image under a box.
  'leak_unit',
  'leak_sha256',
  'leaked_text'
] as const

function row(r: RegisterRow): string {
  return [
    String(r.ref),
    csvCell(r.documentName),
    csvCell(r.documentSha256),
    String(r.pageNumber),
    csvCell(r.position),
    ...r.pageRect.map(num),
    csvCell(r.kind),
    csvCell(r.origin),
    csvCell(r.label ?? ''),
    csvCell(r.grounds.join('; ')),
    csvCell(r.meanings.join('; ')),
    csvCell(r.status),
    csvCell(r.note),
    num(r.areaPt2),
    String(r.estWords),
    csvCell(r.leak?.kind ?? ''),
    r.leak ? String(r.leak.chars) : '',
    csvCell(r.leak ? leakUnit(r.leak) : ''),
    csvCell(r.leak?.sha256 ?? ''),
    csvCell(r.leakedText ?? '')
  ].join(',')
}

export function renderCsv(report: Report): string {
  const lines = [REPORT_CSV_HEADER.join(',')]
  for (const r of report.register) lines.push(row(r))
  return `${lines.join('\r\n')}\r\n`
}
