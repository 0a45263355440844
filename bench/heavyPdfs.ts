/**
 * Generated PDFs for the CLI bench's heavy cases (issue 12): a page carrying hundreds of thousands of
 * small vector fills (maps, dense charts and CAD drawings have pages like this), a release of many
 * thousands of pages, and the per-file overhead pair (N one-page PDFs and the same pages as one file).
 * Deterministic: the same arguments always give the same bytes.
 */
import { PDFDocument, PDFName, StandardFonts, type PDFPage } from 'pdf-lib'

const A4_PT = [595.28, 841.89] as const

/**
 * One A4 page holding `fillCount` small filled squares in a grid, 1.6 pt squares 1.2 pt apart, so
 * neighbours overlap as a map's polygons do (200,000 of them cover ~520 pt of the page's height), in
 * colour runs of 40 cells, dark greys among them (a fill colour change every run, as a choropleth map
 * writes them), under a line of text so the page is born-digital. Every square is big enough to be a
 * candidate box, and same-colour neighbours touch: the worst case for the merge and overlap queries.
 */
export interface DenseFillsLayout {
  /** Distance between square origins along a row and between rows (points); 1.2 by default. */
  readonly pitchXPt?: number
  readonly pitchYPt?: number
  /** Squares per fill colour (40 by default); 0 paints every square the one dark grey. */
  readonly colourRun?: number
}

export async function denseFillsPdf(fillCount: number, layout: DenseFillsLayout = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([...A4_PT])
  const font = await doc.embedFont(StandardFonts.Helvetica)
  page.drawText('Regional map: dense vector fills', { x: 56, y: 800, size: 12, font })
  const pitchXPt = layout.pitchXPt ?? 1.2
  const pitchYPt = layout.pitchYPt ?? 1.2
  const colourRun = layout.colourRun ?? 40
  const sidePt = 1.6
  const columns = Math.floor((A4_PT[0] - 40) / pitchXPt)
  const parts: string[] = ['q', '0.2 0.2 0.2 rg']
  for (let i = 0; i < fillCount; i++) {
    if (colourRun > 0 && i % colourRun === 0) {
      const shade = ((i / 40) * 37) % 200
      parts.push(`${(shade / 255).toFixed(3)} ${(shade / 300).toFixed(3)} ${(shade / 400).toFixed(3)} rg`)
    }
    const x = 20 + (i % columns) * pitchXPt
    const y = 780 - Math.floor(i / columns) * pitchYPt
    parts.push(`${x.toFixed(2)} ${y.toFixed(2)} ${sidePt} ${sidePt} re f`)
  }
  parts.push('Q')
  appendContent(doc, page, parts.join('\n'))
  return doc.save({ useObjectStreams: true })
}

function appendContent(doc: PDFDocument, page: PDFPage, content: string): void {
  const stream = doc.context.flateStream(new TextEncoder().encode(content))
  const ref = doc.context.register(stream)
  const existing = page.node.get(PDFName.of('Contents'))
  const contents = doc.context.obj(existing ? [existing, ref] : [ref])
  page.node.set(PDFName.of('Contents'), contents)
}

/**
 * A release of `pageCount` A4 pages of base-14 text, each with a heading naming its page, eight body
 * lines and one black bar over part of a line, written with raw content streams (pdf-lib's drawText
 * would take minutes for 20,000 pages).
 */
export async function manyPagesPdf(pageCount: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const fontName = PDFName.of('F1')
  for (let n = 1; n <= pageCount; n++) {
    const page = doc.addPage([...A4_PT])
    page.node.setFontDictionary(fontName, font.ref)
    const lines = [`BT /F1 14 Tf 72 770 Td (Briefing page ${n} of ${pageCount}) Tj ET`]
    for (let line = 0; line < 8; line++) {
      const y = 730 - line * 16
      lines.push(`BT /F1 11 Tf 72 ${y} Td (Line ${line + 1} of the briefing on page ${n}, text.) Tj ET`)
    }
    const barY = 730 - (n % 8) * 16 - 3
    lines.push(`0 g 140 ${barY} 160 13 re f`)
    lines.push(`BT /F1 9 Tf 305 ${barY + 3} Td (s9\\(2\\)\\(a\\)) Tj ET`)
    appendContent(doc, page, lines.join('\n'))
  }
  return doc.save({ useObjectStreams: true })
}

/** `pages` as one PDF and as one single-page PDF each, taken in turn from `sources`' pages. */
export async function pagesAndSingles(
  sources: readonly Uint8Array[],
  pages: number
): Promise<{ combined: Uint8Array; singles: Uint8Array[] }> {
  const loaded = await Promise.all(sources.map((bytes) => PDFDocument.load(bytes)))
  const combined = await PDFDocument.create()
  const singles: Uint8Array[] = []
  for (let i = 0; i < pages; i++) {
    const source = loaded[i % loaded.length]!
    const pageIndex = Math.floor(i / loaded.length) % source.getPageCount()
    const [page] = await combined.copyPages(source, [pageIndex])
    combined.addPage(page!)
    const single = await PDFDocument.create()
    const [copy] = await single.copyPages(source, [pageIndex])
    single.addPage(copy!)
    singles.push(await single.save())
  }
  return { combined: await combined.save(), singles }
}
