/**
 * The report as one self-contained HTML file: inline CSS with a print stylesheet (the PDF is printed
 * from it), headings in order, tables with captions and scoped headers, page thumbnails as inline SVG.
 * A Content-Security-Policy allowing no scripts and no fetches backs up the escaping (security.md X2).
 */
import { leakAuditHtml } from './leakAudit'
import {
  breakableName,
  esc,
  fmtInt,
  fmtNum,
  pageImageKey,
  pageThumbnail,
  paperStyle,
  STYLE,
  THUMBS_PER_ROW,
  type ReportPaper
} from './htmlParts'
import { plural } from './asks'
import { leakAmount } from './measure'
import { printChromeStyle } from './printPages'
import type { GroundClass, RegisterRow, Report } from './types'

const CLASS_NAMES: Readonly<Record<GroundClass, string>> = {
  conclusive: 'Conclusive reasons (OIA s 6: no public interest test)',
  'public-interest': 'Subject to the public interest test (OIA s 9 / LGOIMA s 7)',
  'us-exemption': 'FOIA exemptions (5 U.S.C. § 552(b))',
  refusal: 'Refusal grounds (OIA s 18 / LGOIMA s 17)',
  other: 'Other markings (e.g. out of scope)',
  unknown: 'Codes not in the catalogue'
}

export interface HtmlOptions {
  /** Printed paper size (default A4); the register prints on the same paper turned landscape. */
  readonly paper?: ReportPaper
  /**
   * Pictures of pages drawn under their boxes, keyed by `pageImageKey(documentId, pageNumber)`: data
   * URLs of PNG, JPEG or WebP (anything else is left out). Pages without one show as an outline.
   */
  readonly pageImages?: ReadonlyMap<string, string>
}

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

const or = (value: string, fallback = '—'): string => esc(value.trim() === '' ? fallback : value)
/** The noun for a figure printed beside it: "1 document", "2 documents". */
const word = (n: number, one: string): string => (Math.round(n) === 1 ? one : `${one}s`)

function cover(report: Report): string {
  const c = report.cover
  const docs = c.documents
    .map(
      (d) =>
        `<tr><td class="wrap">${breakableName(d.name)}</td><td class="num">${fmtInt(d.pageCount)}</td><td class="hash">${esc(d.sha256)}</td></tr>`
    )
    .join('')
  return `<header>
<h1>Redaction report</h1>
<p class="sub">${breakableName(c.title)}</p>
<dl class="meta">
<dt>Agency</dt><dd>${or(c.agency)}</dd>
<dt>Request reference</dt><dd>${or(c.requestRef)}</dd>
<dt>Requested</dt><dd>${or(c.requestDate)}</dd>
<dt>Responded</dt><dd>${or(c.responseDate)}</dd>
<dt>Regime</dt><dd>${esc(c.regimeName)}</dd>
<dt>Scope</dt><dd>${breakableName(c.scope)}</dd>
<dt>Generated</dt><dd>${esc(report.generatedAt)} by ${esc(report.engine)}</dd>
</dl>
${c.regimeNote ? `<p class="warning" id="regime-note">${esc(c.regimeNote)}</p>` : ''}
${c.notes.trim() ? `<p>${esc(c.notes)}</p>` : ''}
${c.includesLeakedText ? '<p class="warning">This report includes text recovered from under redaction boxes: it re-publishes what the agency meant to withhold. Share it with care.</p>' : ''}
<table><caption>Documents</caption><thead><tr><th scope="col">Document</th><th scope="col" class="num">Pages</th><th scope="col">SHA-256</th></tr></thead><tbody>${docs}</tbody></table>
</header>`
}

function summary(report: Report): string {
  const s = report.summary
  const figure = (n: string, t: string): string =>
    `<div class="figure"><span class="n">${n}</span><span class="t">${t}</span></div>`
  const grounds = s.byGround
    .map((g) => {
      const section = report.grounds.find((x) => x.code === g.code)
      return `<tr><th scope="row"><a href="#g-${esc(encodeURIComponent(g.code))}">${esc(g.code)}</a></th><td>${esc(section?.label ?? 'Not in the catalogue')}</td><td class="num">${fmtInt(g.count)}</td><td class="num">${fmtInt(g.estWords)}</td></tr>`
    })
    .join('')
  const classes = (Object.entries(s.byClass) as [GroundClass, number][])
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `<tr><th scope="row">${esc(CLASS_NAMES[c])}</th><td class="num">${fmtInt(n)}</td></tr>`)
    .join('')
  const statuses = Object.entries(s.byStatus)
    .map(([status, n]) => `<tr><th scope="row">${esc(status)}</th><td class="num">${fmtInt(n)}</td></tr>`)
    .join('')
  return `<section id="summary" aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>
<div class="figures">
${figure(fmtInt(s.documents), word(s.documents, 'document'))}${figure(fmtInt(s.pages), word(s.pages, 'page'))}${figure(fmtInt(s.pagesWithheldInFull), `${word(s.pagesWithheldInFull, 'page')} withheld in full`)}${figure(fmtInt(s.redactions), word(s.redactions, 'redaction'))}${figure(`${fmtNum(s.withheldAreaPercent)}%`, `of page area withheld (${fmtInt(s.withheldAreaPt2)} pt²)`)}${figure(`≈${fmtInt(s.estWords)}`, `${word(s.estWords, 'word')} withheld (estimate)`)}${figure(fmtInt(s.leaks), word(s.leaks, 'leak'))}
</div>
<p class="coords">${esc(s.estWordsBasis)}</p>
<table><caption>Redactions by ground (a box citing two grounds counts under both)</caption><thead><tr><th scope="col">Ground</th><th scope="col">Meaning</th><th scope="col" class="num">Redactions</th><th scope="col" class="num">Est. words</th></tr></thead><tbody>${grounds || '<tr><td colspan="4">No ground is shown on any redaction.</td></tr>'}</tbody></table>
<table><caption>Redactions by class of ground</caption><thead><tr><th scope="col">Class</th><th scope="col" class="num">Redactions</th></tr></thead><tbody>${classes}${s.withoutGround > 0 ? `<tr><th scope="row">No ground shown</th><td class="num">${fmtInt(s.withoutGround)}</td></tr>` : ''}</tbody></table>
<table><caption>Redactions by review status</caption><thead><tr><th scope="col">Status</th><th scope="col" class="num">Redactions</th></tr></thead><tbody>${statuses}</tbody></table>
</section>`
}

function groundsSection(report: Report): string {
  const items = report.grounds
    .map(
      (g) => `<div class="ground" id="g-${esc(encodeURIComponent(g.code))}">
<h3>${esc(g.code)}${g.label ? ` — ${esc(g.label)}` : ''}</h3>
<p>${g.meaning ? esc(g.meaning) : 'This code is not in the catalogue.'}</p>
<p class="coords">${plural(g.count, 'redaction')}, ≈${plural(g.estWords, 'word')} · ${esc(CLASS_NAMES[g.groundClass])}</p>
${g.whatToAsk.length > 0 ? `<h4>What to ask</h4><ul>${g.whatToAsk.map((a) => `<li>${esc(a)}</li>`).join('')}</ul>` : ''}
</div>`
    )
    .join('\n')
  const general = report.generalAsks.map((a) => `<li>${esc(a)}</li>`).join('')
  const rec = report.reconciliation
  const recHtml = rec
    ? `<h3>The response letter against the redactions</h3>
<p>Cited in the letter: ${esc(rec.letterGrounds.join(', ') || 'none')}.</p>
<p>Cited but used on no redaction: ${esc(rec.citedNotUsed.join(', ') || 'none')}.</p>
<p>Used on redactions but not cited in the letter: ${esc(rec.usedNotCited.join(', ') || 'none')}.</p>`
    : ''
  return `<section id="grounds" aria-labelledby="h-grounds"><h2 id="h-grounds">Grounds and what to ask</h2>
${items || '<p>No ground is shown on any redaction.</p>'}
${general ? `<h3>For every redaction</h3><ul>${general}</ul>` : report.cover.regimeNote ? `<p>${esc(report.cover.regimeNote)}</p>` : ''}
${recHtml}
</section>`
}

function leaksSection(report: Report): string {
  if (report.leaks.length === 0) return ''
  const withText = report.cover.includesLeakedText
  const rows = report.leaks
    .map(
      (l) =>
        `<tr><td class="num"><a href="#r${l.ref}">${l.ref}</a></td><td class="wrap">${breakableName(l.documentName)}</td><td class="num">${l.pageNumber}</td><td>${esc(l.leak.kind)}</td><td class="num">${esc(leakAmount(l.leak))}</td><td class="hash">${esc(l.leak.sha256)}</td>${withText ? `<td class="wrap">${esc(l.leakedText ?? '')}</td>` : ''}</tr>`
    )
    .join('')
  return `<section id="leaks" aria-labelledby="h-leaks"><h2 id="h-leaks">Leaks</h2>
<p>Content is still recoverable from under these boxes. ${withText ? 'The recovered text is shown below.' : 'The text itself is left out of this report; the SHA-256 lets two copies be compared.'}</p>
<table><caption>Redactions with recoverable content</caption><thead><tr><th scope="col" class="num">#</th><th scope="col">Document</th><th scope="col" class="num">Page</th><th scope="col">Kind</th><th scope="col" class="num">Recoverable</th><th scope="col">SHA-256</th>${withText ? '<th scope="col">Recovered text</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>
</section>`
}

function thumbRows(report: Report, rows: ReadonlyMap<number, RegisterRow>, options: HtmlOptions): string {
  const out: string[] = []
  const image = (documentId: string, pageNumber: number): string | undefined =>
    options.pageImages?.get(pageImageKey(documentId, pageNumber))
  for (let i = 0; i < report.pages.length; i += THUMBS_PER_ROW) {
    const pages = report.pages.slice(i, i + THUMBS_PER_ROW)
    out.push(
      `<div class="thumb-row">${pages.map((p) => pageThumbnail(p, rows, image(p.documentId, p.pageNumber))).join('')}</div>`
    )
  }
  return out.join('\n')
}

function pagesSection(report: Report, rows: ReadonlyMap<number, RegisterRow>, options: HtmlOptions): string {
  if (!report.thumbnails || report.pages.length === 0) return ''
  return `<section id="pages" aria-labelledby="h-pages"><h2 id="h-pages">Pages with redactions</h2>
<p>Each page drawn to scale with its boxes, numbered as in the register; disputed boxes in red.</p>
<div class="thumbs">${thumbRows(report, rows, options)}</div>
</section>`
}

/** The register names each ground briefly ("9(2)(a) Privacy"); its section carries the full meaning. */
function registerRow(r: RegisterRow, labels: ReadonlyMap<string, string>): string {
  const coords = r.pageRect.map((v) => Math.round(v)).join(', ')
  const leak = r.leak
    ? `<span class="leak">${esc(r.leak.kind)}, ${esc(leakAmount(r.leak))}</span>${r.leakedText !== null ? `<br>${esc(r.leakedText)}` : ''}`
    : ''
  return `<tr id="r${r.ref}"><td class="num">${r.ref}</td><td class="wrap">${breakableName(r.documentName)}</td><td class="num">${r.pageNumber}</td><td>${esc(r.position)}</td><td class="coords">${coords}</td><td>${esc(r.kind)}${r.origin === 'manual' ? ' (manual)' : ''}</td><td class="wrap">${esc(r.label ?? '')}</td><td>${esc(r.grounds.join(', '))}</td><td class="wrap">${esc(r.grounds.map((code) => labels.get(code) ?? 'not in the catalogue').join('; '))}</td><td class="status-${esc(r.status)}">${esc(r.status)}</td><td class="wrap">${esc(r.note)}</td><td class="num">${fmtInt(r.areaPt2)}</td><td class="num">${fmtInt(r.estWords)}</td><td>${leak}</td></tr>`
}

/**
 * #, document, page, position, box, kind, label, grounds, meaning, status, note, area, words, leak: 100%.
 * The document gets 14%: a 60-character file name then takes 3 lines, not 5 (each line a row's height).
 */
const REGISTER_COLUMN_PERCENT = [3, 14, 4, 7, 9, 5, 8, 7, 9, 7, 10, 5, 4, 8] as const
// With a fixed layout the header row sets the column widths.
const REGISTER_STYLE = REGISTER_COLUMN_PERCENT.map(
  (w, i) => `table.register thead th:nth-child(${i + 1}) { width: ${w}%; }`
).join('\n')

function registerSection(report: Report): string {
  const labels = new Map(report.grounds.flatMap((g) => (g.label ? [[g.code, g.label] as const] : [])))
  return `<section id="register" aria-labelledby="h-register"><h2 id="h-register">Register of redactions</h2>
<p>One row per redaction in reading order (document, page, top to bottom, left to right). Position is where the box's centre falls in the page's thirds; the box is in points from the page's top-left corner (x0, y0, x1, y1).</p>
<table class="register"><caption>Every redaction (${fmtInt(report.register.length)})</caption><thead><tr><th scope="col" class="num">#</th><th scope="col">Document</th><th scope="col" class="num">Page</th><th scope="col">Position</th><th scope="col">Box (pt)</th><th scope="col">Kind</th><th scope="col">Label as printed</th><th scope="col">Grounds</th><th scope="col">Meaning (see Grounds)</th><th scope="col">Status</th><th scope="col">Note</th><th scope="col" class="num">Area pt²</th><th scope="col" class="num">Est. words</th><th scope="col">Leak</th></tr></thead>
<tbody>${report.register.map((r) => registerRow(r, labels)).join('\n')}</tbody></table>
</section>`
}

function complaintSection(report: Report): string {
  const c = report.complaint
  if (!c) return ''
  const items = c.items
    .map(
      (i) =>
        `<li><strong>Item ${i.ref}</strong>: ${breakableName(i.documentName)}, page ${i.pageNumber}, ${esc(i.position)}; ground ${esc(i.grounds.join(', ') || 'not shown')}${i.label ? ` (printed “${esc(i.label)}”)` : ''}.<br>Reason: ${i.note.trim() ? esc(i.note) : '<em>no note given</em>'}</li>`
    )
    .join('\n')
  return `<section id="complaint" aria-labelledby="h-complaint"><h2 id="h-complaint">${esc(c.title)}</h2>
<div class="complaint">
${c.addressee ? `<p>To: ${esc(c.addressee)}</p>` : ''}
${c.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<ol>${items}</ol>
</div></section>`
}

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const rows = new Map(report.register.map((r) => [r.ref, r]))
  const sections = [
    ['summary', 'Summary'],
    ['grounds', 'Grounds and what to ask'],
    ...(report.leaks.length > 0 ? [['leaks', 'Leaks']] : []),
    ...(report.leakAudit ? [['leak-audit', 'Leak audit']] : []),
    ...(report.thumbnails && report.pages.length > 0 ? [['pages', 'Pages with redactions']] : []),
    ['register', 'Register of redactions'],
    ...(report.complaint ? [['complaint', report.complaint.title]] : [])
  ]
  const nav = sections.map(([id, name]) => `<li><a href="#${id}">${esc(name ?? '')}</a></li>`).join('')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Redaction report: ${esc(report.cover.title)}</title>
<style>${STYLE}${REGISTER_STYLE}
${paperStyle(options.paper ?? 'a4')}
${printChromeStyle(report)}
</style>
</head>
<body>
${cover(report)}
<nav aria-label="Contents"><h2>Contents</h2><ol>${nav}</ol></nav>
<main>
${summary(report)}
${groundsSection(report)}
${leaksSection(report)}
${leakAuditHtml(report.leakAudit)}
${pagesSection(report, rows, options)}
${registerSection(report)}
${complaintSection(report)}
</main>
<footer>Report schema ${esc(report.schema)}. Generated ${esc(report.generatedAt)} by ${esc(report.engine)}. Positions are on the page as displayed (rotation applied), in points (1/72 inch) from the top-left corner.</footer>
</body>
</html>
`
}
