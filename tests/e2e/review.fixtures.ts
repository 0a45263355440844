/**
 * The review tests' PDF: three black boxes on two pages, each with its ground printed beside it
 * ("s9(2)(a)"), as NZ agencies mark an OIA release. Reading order: page 1 top box, page 1 lower box,
 * page 2 box.
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'

const LETTER_PT = { width: 612, height: 792 } as const
export const REVIEW_LABEL = 's9(2)(a)'
/** [pageIndex, pageRect] of each box, in reading order; pageRect is points, top-left origin. */
export const REVIEW_BOXES = [
  [0, [72, 200, 330, 216]],
  [0, [72, 420, 290, 436]],
  [1, [72, 260, 350, 276]]
] as const

export async function reviewPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (let n = 1; n <= 2; n++) {
    const page = pdf.addPage([LETTER_PT.width, LETTER_PT.height])
    page.drawText(`Briefing to the Minister, page ${n}`, { x: 72, y: 730, size: 18, font })
    for (let line = 0; line < 24; line++) {
      const topPt = 100 + line * 24
      // No text where a box goes: text under a box is a leak, which is not this fixture's subject.
      const boxes = REVIEW_BOXES.filter(([pageIndex]) => pageIndex === n - 1)
      if (boxes.some(([, rect]) => topPt < rect[3] + 6 && topPt + 14 > rect[1] - 6)) continue
      page.drawText(`Line ${line + 1}: advice released under the Official Information Act 1982.`, {
        x: 72,
        y: LETTER_PT.height - topPt - 11,
        size: 11,
        font
      })
    }
  }
  for (const [pageIndex, [x0, y0, x1, y1]] of REVIEW_BOXES) {
    const page = pdf.getPage(pageIndex)
    page.drawRectangle({
      x: x0,
      y: LETTER_PT.height - y1,
      width: x1 - x0,
      height: y1 - y0,
      color: rgb(0, 0, 0)
    })
    page.drawText(REVIEW_LABEL, { x: x1 + 6, y: LETTER_PT.height - y1 + 4, size: 10, font })
  }
  return pdf.save()
}
