/**
 * The report as Markdown, for pasting into an issue, a wiki or an email. Text from PDFs and from the
 * reviewer is escaped so it cannot add markup, links, table cells or raw HTML.
 */
import { leakAuditMarkdown } from './leakAudit'
import { plural } from './asks'
import { leakAmount } from './measure'
import type { Report } from './types'

/** One line of inert text: no HTML, no emphasis, code, links, headings or table pipes. */
export function mdText(value: string): string {
  return (
    value
      .replace(/[\r\n\t\0]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Inline markup anywhere: emphasis, code, links, strikethrough, table pipes.
      .replace(/([\\`*_[\]|~])/g, '\\$1')
      .trim()
      // Block markup where a value starts a line or list item: headings, quotes, lists, rules.
      .replace(/^([#>+\-=!])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  )
}

const int = (n: number): string => Math.round(n).toLocaleString('en-NZ')

export function renderMarkdown(report: Report): string {
  const { cover: c, summary: s } = report
  const out: string[] = [
    `# Redaction report: ${mdText(c.title)}`,
    '',
    `- Agency: ${mdText(c.agency) || '—'}`,
    `- Request reference: ${mdText(c.requestRef) || '—'}`,
    `- Requested: ${mdText(c.requestDate) || '—'}; responded: ${mdText(c.responseDate) || '—'}`,
    `- Regime: ${mdText(c.regimeName)}`,
    ...(c.regimeNote ? [`- **No advice:** ${mdText(c.regimeNote)}`] : []),
    `- Scope: ${mdText(c.scope)}`,
    `- Generated: ${mdText(report.generatedAt)} by ${mdText(report.engine)} (schema ${report.schema})`,
    ''
  ]
  if (c.notes.trim()) out.push(mdText(c.notes), '')
  if (c.includesLeakedText)
    out.push('> **Warning:** this report includes text recovered from under redaction boxes.', '')
  out.push('| Document | Pages | SHA-256 |', '| --- | ---: | --- |')
  for (const d of c.documents) out.push(`| ${mdText(d.name)} | ${d.pageCount} | \`${d.sha256}\` |`)
  out.push(
    '',
    '## Summary',
    '',
    `- ${plural(s.documents, 'document')}, ${plural(s.pages, 'page')}, ${int(s.pagesWithheldInFull)} withheld in full`,
    `- ${plural(s.redactions, 'redaction')} covering ${int(s.withheldAreaPt2)} pt² (${s.withheldAreaPercent}% of page area), ≈${plural(s.estWords, 'word')}`,
    `- By class: ${
      Object.entries(s.byClass)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none'
    }${s.withoutGround > 0 ? `; no ground shown ${s.withoutGround}` : ''}`,
    `- By status: ${Object.entries(s.byStatus)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `- Leaks: ${s.leaks}`,
    '',
    `_${mdText(s.estWordsBasis)}_`,
    '',
    '## Grounds and what to ask',
    ''
  )
  for (const g of report.grounds) {
    out.push(`### ${mdText(g.code)}${g.label ? ` — ${mdText(g.label)}` : ''}`, '')
    out.push(g.meaning ? mdText(g.meaning) : 'Not in the catalogue.', '')
    out.push(`${plural(g.count, 'redaction')}, ≈${plural(g.estWords, 'word')}.`, '')
    for (const a of g.whatToAsk) out.push(`- ${mdText(a)}`)
    if (g.whatToAsk.length > 0) out.push('')
  }
  if (report.generalAsks.length > 0)
    out.push('### For every redaction', '', ...report.generalAsks.map((a) => `- ${mdText(a)}`), '')
  else if (c.regimeNote) out.push(mdText(c.regimeNote), '')
  const rec = report.reconciliation
  if (rec) {
    out.push(
      '### The response letter against the redactions',
      '',
      `- Cited but used on no redaction: ${mdText(rec.citedNotUsed.join(', ')) || 'none'}`,
      `- Used but not cited: ${mdText(rec.usedNotCited.join(', ')) || 'none'}`,
      ''
    )
  }
  if (report.leaks.length > 0) {
    out.push(
      '## Leaks',
      '',
      '| # | Document | Page | Kind | Amount | SHA-256 | Text |',
      '| ---: | --- | ---: | --- | ---: | --- | --- |'
    )
    for (const l of report.leaks)
      out.push(
        `| ${l.ref} | ${mdText(l.documentName)} | ${l.pageNumber} | ${l.leak.kind} | ${leakAmount(l.leak)} | \`${mdText(l.leak.sha256)}\` | ${l.leakedText !== null ? mdText(l.leakedText) : ''} |`
      )
    out.push('')
  }
  if (report.leakAudit) out.push(...leakAuditMarkdown(report.leakAudit, mdText))
  out.push(
    '## Register of redactions',
    '',
    '| # | Document | Page | Position | Kind | Label | Grounds | Status | Note | Area pt² | Est. words | Leak |',
    '| ---: | --- | ---: | --- | --- | --- | --- | --- | --- | ---: | ---: | --- |'
  )
  for (const r of report.register)
    out.push(
      `| ${r.ref} | ${mdText(r.documentName)} | ${r.pageNumber} | ${mdText(r.position)} | ${r.kind} | ${mdText(r.label ?? '')} | ${mdText(r.grounds.join(', '))} | ${r.status} | ${mdText(r.note)} | ${int(r.areaPt2)} | ${r.estWords} | ${r.leak ? `${mdText(r.leak.kind)}, ${leakAmount(r.leak)}` : ''} |`
    )
  out.push('')
  const complaint = report.complaint
  if (complaint) {
    out.push(`## ${mdText(complaint.title)}`, '')
    if (complaint.addressee) out.push(`To: ${mdText(complaint.addressee)}`, '')
    for (const p of complaint.paragraphs) out.push(mdText(p), '')
    for (const i of complaint.items)
      out.push(
        `${i.ref}\\. ${mdText(i.documentName)}, page ${i.pageNumber}, ${mdText(i.position)}; ground ${mdText(i.grounds.join(', ')) || 'not shown'}. Reason: ${mdText(i.note) || 'no note given'}`
      )
    out.push('')
  }
  return `${out.join('\n').trimEnd()}\n`
}
