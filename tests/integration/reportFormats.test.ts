// The report's four text formats rendered from a reviewed release whose labels and notes are hostile,
// then read back: HTML through jsdom (no injected elements or attributes, security.md X2), CSV through
// an RFC 4180 reader (one record per redaction, formula triggers neutralised, X1), and no machine
// strings anywhere (V6).
import { describe, expect, it } from 'vitest'
import { buildReport } from '@core/report/buildReport'
import { LEAKED_TEXT, sampleInput } from '@core/report/fixture.test-support'
import { renderCsv, REPORT_CSV_HEADER } from '@core/report/renderCsv'
import { renderHtml } from '@core/report/renderHtml'
import { renderMarkdown } from '@core/report/renderMarkdown'
import type { ReportInput } from '@core/report/types'
import { auditHtml, machinePatterns, parseCsv } from './reportSupport'

/** Payloads from PayloadsAllThePDFs-style annotations and spreadsheet formula injection. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"><details open ontoggle=alert(1)>',
  "'><svg onload=alert(1)>",
  '<script>alert(1)</script>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '=HYPERLINK("http://evil.example","x")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A2)',
  '\tTAB',
  '\rCR',
  'multi\r\nline, with "quotes"'
]

function hostileInput(includeLeakedText = false): ReportInput {
  const input = sampleInput({ includeLeakedText })
  let n = 0
  const next = (): string => HOSTILE[n++ % HOSTILE.length]!
  return {
    ...input,
    release: { ...input.release, name: next(), agency: next(), notes: next() },
    documents: input.documents.map((d) => ({
      ...d,
      name: `${next()}.pdf`,
      redactions: d.redactions.map((r) => ({
        ...r,
        label: next(),
        note: next(),
        status: 'disputed' as const,
        grounds: [...r.grounds, next()],
        leakedText: r.leak ? next() : null
      }))
    }))
  }
}

describe('report formats', () => {
  it('the HTML audit itself catches an unescaped payload', () => {
    const intruders = auditHtml(`<p>${HOSTILE[0]}${HOSTILE[1]}</p>`).intruders
    expect(intruders).toEqual(
      expect.arrayContaining(['<IMG>', 'IMG[onerror]', '<DETAILS>', 'DETAILS[ontoggle]'])
    )
  })

  it('HTML: every redaction is a row, and hostile labels and notes inject nothing', () => {
    for (const includeLeakedText of [false, true]) {
      const report = buildReport(hostileInput(includeLeakedText))
      const html = renderHtml(report)
      const { dom, intruders } = auditHtml(html)
      expect(intruders).toEqual([])
      const doc = dom.window.document
      const rows = doc.querySelectorAll('#register tbody tr')
      expect(rows.length).toBe(report.register.length)
      // The text reads back as given (HTML parsing turns CR and CRLF into LF): escaped, not dropped.
      const labels = [...rows].map((tr) => tr.children[6]?.textContent)
      expect(labels).toEqual(report.register.map((r) => (r.label ?? '').replace(/\r\n?/g, '\n')))
      expect(doc.querySelector('title')?.textContent).toBe(`Redaction report: ${report.cover.title}`)
      // Accessible tables: every table has a caption and scoped header cells.
      for (const table of doc.querySelectorAll('table')) {
        expect(table.querySelector('caption')?.textContent).toBeTruthy()
        for (const th of table.querySelectorAll('th')) expect(th.getAttribute('scope')).toMatch(/^(col|row)$/)
      }
      const headings = [...doc.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1]))
      headings.forEach((level, i) => expect(level - (headings[i - 1] ?? 0)).toBeLessThanOrEqual(1))
      // One thumbnail per page with redactions, one box per redaction.
      expect(doc.querySelectorAll('figure.thumb').length).toBe(report.pages.length)
      expect(doc.querySelectorAll('figure.thumb rect.box').length).toBe(report.register.length)
      expect(doc.querySelectorAll('#complaint li').length).toBe(report.register.length)
    }
  })

  it('HTML and Markdown leave leaked text out unless opted in', () => {
    const input = sampleInput()
    expect(renderHtml(buildReport(input))).not.toContain(LEAKED_TEXT)
    expect(renderMarkdown(buildReport(input))).not.toContain(LEAKED_TEXT)
    expect(renderCsv(buildReport(input))).not.toContain(LEAKED_TEXT)
    const opted = sampleInput({ includeLeakedText: true })
    expect(renderHtml(buildReport(opted))).toContain(LEAKED_TEXT)
    expect(renderCsv(buildReport(opted))).toContain(LEAKED_TEXT)
  })

  it('CSV: RFC 4180 with one record per redaction and formula triggers neutralised', () => {
    const report = buildReport(hostileInput(true))
    const csv = renderCsv(report)
    const records = parseCsv(csv)
    expect(records[0]).toEqual([...REPORT_CSV_HEADER])
    expect(records.length - 1).toBe(report.register.length)
    for (const record of records) {
      expect(record).toHaveLength(REPORT_CSV_HEADER.length)
      for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r\0]/)
    }
    const col = (name: (typeof REPORT_CSV_HEADER)[number]): string[] =>
      records.slice(1).map((r) => r[REPORT_CSV_HEADER.indexOf(name)]!)
    const neutral = (value: string): string => (/^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value)
    expect(col('label')).toEqual(report.register.map((r) => neutral(r.label ?? '')))
    expect(col('note')).toEqual(report.register.map((r) => neutral(r.note)))
    expect(col('label')).toContain(`'=HYPERLINK("http://evil.example","x")`)
    expect(col('page')).toEqual(report.register.map((r) => String(r.pageNumber)))
  })

  it('Markdown: hostile text adds no HTML, links or table cells', () => {
    const report = buildReport(hostileInput(true))
    const md = renderMarkdown(report)
    expect(md).not.toMatch(/<(img|script|details|svg|a)\b/i)
    const registerRows = md.split('\n').filter((line) => /^\| \d+ \| /.test(line))
    const registerCells = registerRows.filter((line) => line.split(/(?<!\\)\|/).length === 14)
    expect(registerCells.length).toBeGreaterThanOrEqual(report.register.length)
  })

  it('no output carries the home folder, user name or host name', () => {
    const report = buildReport(hostileInput(true))
    const outputs = [renderHtml(report), renderCsv(report), renderMarkdown(report), JSON.stringify(report)]
    for (const output of outputs) for (const pattern of machinePatterns()) expect(output).not.toMatch(pattern)
  })
})
