/**
 * Building blocks for the HTML report: escaping (every string that reaches markup goes through `esc`:
 * labels, names and notes come from hostile PDFs, security.md X2), the stylesheet, number formats and
 * the page thumbnail as inline SVG (the page outline with its boxes, no image needed).
 */
import type { RegisterRow, ReportPage } from './types'

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Escapes text for element content and quoted attribute values alike. */
export const esc = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

/**
 * A file name escaped for HTML with a line-break opportunity after each `_`, `-`, `.`, `+`, `~`, `/`
 * and `&` that joins its words ("2024-0412_Briefing_to_the_Minister_final.pdf" breaks at "_"), so a
 * long name wraps between its words instead of mid-word or off the edge.
 */
export function breakableName(name: string): string {
  return esc(name).replace(/([_\-.+~/]|&amp;)(?=.)/gu, '$1<wbr>')
}

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-NZ')
export const fmtNum = (n: number, digits = 1): string =>
  n.toLocaleString('en-NZ', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/**
 * Page pictures per row: 2 to a landscape sheet, each half of it (~106 mm wide, 150 mm tall for a
 * portrait A4 page), so 11 pt body text prints at ~6 pt: enough to read which words a box covers.
 */
export const THUMBS_PER_ROW = 2
/** Label size: a ref number stays readable at the ~400 px (106 mm) picture width. */
const THUMB_WIDTH_PX = 400

/** The only page pictures embedded: base64 PNG, JPEG or WebP data URLs (the report's CSP allows `data:`). */
const PAGE_IMAGE_RE = /^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/

export const isPageImage = (url: string): boolean => PAGE_IMAGE_RE.test(url)

/**
 * The page outline with its boxes, numbered as in the register; with `image` (a small rendering of
 * the page, displayed size and rotation, as a data URL) the page itself shows under translucent boxes.
 */
export function pageThumbnail(
  page: ReportPage,
  rows: ReadonlyMap<number, RegisterRow>,
  image?: string
): string {
  const { width: w, height: h } = page
  // A label ~11 px high at 170 px wide: 11/170 of the page width in page points.
  const fontPt = Math.max(6, (11 / THUMB_WIDTH_PX) * w)
  const boxes = page.refs
    .map((ref) => {
      const row = rows.get(ref)
      if (!row) return ''
      const [x0, y0, x1, y1] = row.pageRect
      const cls = row.kind === 'white' ? 'box white' : row.status === 'disputed' ? 'box disputed' : 'box'
      const tx = Math.min(Math.max(x0 + fontPt * 0.2, 0), w - fontPt)
      const ty = Math.min(Math.max(y0 + fontPt * 0.95, fontPt), h)
      return (
        `<rect class="${cls}" x="${x0}" y="${y0}" width="${Math.max(0.5, x1 - x0)}" height="${Math.max(0.5, y1 - y0)}"/>` +
        `<text x="${tx}" y="${ty}" font-size="${fontPt}">${ref}</text>`
      )
    })
    .join('')
  const picture =
    image !== undefined && isPageImage(image)
      ? `<image href="${esc(image)}" x="0" y="0" width="${w}" height="${h}" preserveAspectRatio="none"/>`
      : ''
  const what = `${page.refs.length} redaction${page.refs.length === 1 ? '' : 's'}`
  const label = `Page ${page.pageNumber} of ${page.documentName}: ${what}${page.withheldInFull ? ', withheld in full' : ''}`
  return (
    `<figure class="thumb"><svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"${picture ? ' class="pictured"' : ''} role="img" aria-label="${esc(label)}">` +
    `<rect class="page" x="0" y="0" width="${w}" height="${h}"/>${picture}${boxes}</svg>` +
    `<figcaption>${breakableName(page.documentName)}, p. ${page.pageNumber}${page.withheldInFull ? ' (in full)' : ''}</figcaption></figure>`
  )
}

export const STYLE = `
html { --ink: #1b1b1b; --muted: #555; --rule: #c8c8c8; --accent: #7a1f1f; --band: #f3f3f3; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 24px; }
h1 { font-size: 1.9em; margin: 0 0 .2em; }
h2 { font-size: 1.4em; border-bottom: 2px solid var(--ink); padding-bottom: .2em; margin-top: 2em; }
h3 { font-size: 1.1em; margin: 1.4em 0 .3em; }
h4 { font-size: 1em; margin: .8em 0 .2em; }
.sub { color: var(--muted); margin: 0 0 1em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1.2em; margin: 1em 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 1em 0; }
.figure { border: 1px solid var(--rule); padding: 8px 10px; }
.figure .n { font-size: 1.6em; font-weight: 700; display: block; }
.figure .t { color: var(--muted); font-size: .9em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; font-size: .92em; }
caption { text-align: left; font-weight: 600; padding: .3em 0; }
th, td { border: 1px solid var(--rule); padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: var(--band); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.wrap { overflow-wrap: anywhere; }
/* Fixed layout with set column widths: 13 columns of PDF text never push the table past the page. */
table.register { table-layout: fixed; }
table.register td.wrap { overflow-wrap: break-word; }
.coords, .hash { color: var(--muted); font-size: .85em; font-variant-numeric: tabular-nums; }
.hash { font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.status-disputed { color: var(--accent); font-weight: 600; }
.leak { color: var(--accent); }
.warning { border-left: 4px solid var(--accent); padding: .4em .8em; background: #fbf1f1; }
.ground { border-left: 3px solid var(--rule); padding-left: 12px; }
/* Rows of THUMBS_PER_ROW as blocks that never split across printed pages (grid items alone do). */
.thumb-row { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; margin-bottom: 10px; break-inside: avoid;
  padding-right: 4px; /* the last frame's 1 px border otherwise falls past the printed area */ }
figure.thumb { margin: 0; break-inside: avoid; }
/* The svg's width and height attributes give it its page's shape, so a capped height keeps the shape. */
figure.thumb svg { width: 100%; height: auto; display: block; border: 1px solid #888; }
/*
 * Printed, the pictures go two to a landscape page (see @page pictures): a portrait A4 page drawn
 * ~150 mm tall, its 11 pt text at ~6 pt. The cap keeps the heading and the first row on one sheet.
 */
@media print { figure.thumb svg { width: auto; max-width: 100%; height: auto; max-height: 150mm; margin: 0 auto; } }
figure.thumb figcaption { font-size: .8em; color: var(--muted); overflow-wrap: anywhere; }
svg .page { fill: #fff; }
svg .box { fill: #111; }
svg .box.white { fill: #fff; stroke: #111; stroke-dasharray: 4 2; }
svg .box.disputed { fill: var(--accent); }
/* Over a picture of the page the boxes stay see-through enough to show what surrounds them. */
svg.pictured .box { fill-opacity: .55; stroke: #111; stroke-width: 1.5px; vector-effect: non-scaling-stroke; }
svg.pictured .box.disputed { stroke: var(--accent); }
svg text { fill: #ffd400; font-family: system-ui, Arial, sans-serif; font-weight: 700;
  paint-order: stroke; stroke: #000; stroke-width: 1.5px; }
.complaint { border: 1px solid var(--rule); padding: 4px 16px 12px; }
footer { margin-top: 3em; color: var(--muted); font-size: .85em; }
nav ol { columns: 2; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 9.5pt; padding: 0; max-width: none; }
  nav { display: none; }
  h2 { break-after: avoid; }
  /* Thumbnails, the register and the complaint start on a fresh page: each is long or sent on its own. */
  #pages h2, #register h2, #complaint h2 { break-before: page; }
  h3, h4 { break-after: avoid; }
  /* A section's heading and its opening sentence stay with what they introduce (the Leaks heading stood alone). */
  h2 + p, caption { break-after: avoid; }
  p { break-inside: avoid; }
  table { font-size: 8pt; }
  th, td { padding: 3px 4px; }
  thead { display: table-header-group; }
  tr, li, .ground, .figure { break-inside: avoid; }
  figure.thumb figcaption { font-size: 8pt; }
  /* The page numbers and running header carry what the closing footer says; printed, it could stand alone on a last page. */
  footer { display: none; }
  /* No page holds a table's last row alone, nor its first row alone at the foot. */
  tbody tr:last-child { break-before: avoid; }
  tbody tr:first-child { break-after: avoid; }
  /*
   * The register prints landscape and dense: Chromium's print time grows with the page count (5,000
   * rows: ~415 portrait pages took 27 s here, under load), and one-line rows on wide pages need far fewer.
   */
  @page register { size: A4 landscape; margin: 10mm; }
  #register { page: register; }
  @page pictures { size: A4 landscape; margin: 10mm; }
  #pages { page: pictures; }
  table.register { font-size: 7pt; line-height: 1.25; }
  table.register th, table.register td { padding: 2px 3px; }
  a { color: inherit; text-decoration: none; }
}
`

export type ReportPaper = 'a4' | 'letter'

/** Printed page sizes: portrait for the report, landscape for the pictures and the register (STYLE's @page rules). */
export function paperStyle(paper: ReportPaper): string {
  const size = paper === 'letter' ? 'letter' : 'A4'
  return `@media print {
  @page { size: ${size}; }
  @page register { size: ${size} landscape; }
  @page pictures { size: ${size} landscape; }
}`
}

/** Key of a page picture in `HtmlOptions.pageImages`. */
export const pageImageKey = (documentId: string, pageNumber: number): string => `${documentId}#${pageNumber}`
