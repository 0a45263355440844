/**
 * Fixtures for the layout e2e (issue 10, points 7 and 9): long file names that differ only at the
 * end, and a page of dense prose with leaking boxes drawn over its words in the places that crowd a
 * badge: mid-line, at a line's end and start, two on one line; plus clean boxes below the prose so
 * the review list has more rows than fit a short window.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib'

/** Names a release really has: one long stem, told apart only by the last few characters. */
export const SIMILAR_NAMES = [
  'Ministry-of-Housing_OIA-2025-0412_Briefing-to-the-Minister-on-the-housing-package_annex-A.pdf',
  'Ministry-of-Housing_OIA-2025-0412_Briefing-to-the-Minister-on-the-housing-package_annex-B.pdf',
  'Ministry-of-Housing_OIA-2025-0412_Briefing-to-the-Minister-on-the-housing-package_annex-C.pdf'
] as const

export const A4_PT = { width: 595.28, height: 841.89 } as const
const MARGIN_PT = 72
const LINE_STEP_PT = 14
const FONT_SIZE_PT = 10
const FIRST_BASELINE_PT = 770

const WORDS =
  'The department advised the Minister that the supplier had been paid for the first stage of the contract and that further payments depended on milestones agreed with the agency'.split(
    ' '
  )

/** A line of words filling the text column from the left margin to the right one. */
function proseLine(font: PDFFont, seed: number): string {
  const columnPt = A4_PT.width - 2 * MARGIN_PT
  let line = ''
  for (let i = 0; ; i++) {
    const next = `${line}${line ? ' ' : ''}${WORDS[(seed + i) % WORDS.length]}`
    if (font.widthOfTextAtSize(next, FONT_SIZE_PT) > columnPt) return line
    line = next
  }
}

const baseline = (line: number): number => FIRST_BASELINE_PT - line * LINE_STEP_PT

/** A black bar over `line`'s words from x0 to x1 (points from the left edge): the words stay under it. */
function barOverLine(page: PDFPage, line: number, x0: number, x1: number): void {
  page.drawRectangle({ x: x0, y: baseline(line) - 3, width: x1 - x0, height: 13, color: rgb(0, 0, 0) })
}

/** The leaking boxes by line: mid-line, line end, line start, two on one line. */
export const LEAK_BARS: readonly (readonly [line: number, x0: number, x1: number])[] = [
  [3, 200, 330],
  [7, 400, A4_PT.width - MARGIN_PT],
  [12, MARGIN_PT, 180],
  [18, 110, 200],
  [18, 320, 420]
]

/** Clean boxes (no words under them) below the prose, each with its ground printed beside it. */
export const CLEAN_BARS = 4

export async function leakPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const page = pdf.addPage([A4_PT.width, A4_PT.height])
  for (let line = 0; line < 24; line++) {
    page.drawText(proseLine(font, line), { x: MARGIN_PT, y: baseline(line), size: FONT_SIZE_PT, font })
  }
  for (const [line, x0, x1] of LEAK_BARS) barOverLine(page, line, x0, x1)
  for (let n = 0; n < CLEAN_BARS; n++) {
    const y = 360 - n * 60
    page.drawRectangle({ x: MARGIN_PT, y, width: 260, height: 18, color: rgb(0, 0, 0) })
    page.drawText('s9(2)(a)', { x: MARGIN_PT + 270, y: y + 5, size: FONT_SIZE_PT, font })
  }
  return pdf.save()
}
