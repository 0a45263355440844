/**
 * PDFs the viewer tests and benchmark generate on the fly (pdf-lib), each with something a test can
 * check: known words on known pages, a page count, a giant page, broken bytes.
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'

/** Words each page of `wordsPdf` carries, so the text layer can be checked. */
export const pageWords = (pageNumber: number): string =>
  `Withheld viewer test page ${pageNumber} kestrel${pageNumber}`
export const SENTENCE = 'The quick brown fox jumps over the lazy dog'

/** Where `wordsPdf` draws a black box on page 1: [x0, y0, x1, y1] points, top-left origin (pageRect). */
export const BOX_PAGE_RECT = [72, 300, 372, 340] as const
export const LETTER_PT = { width: 612, height: 792 } as const

export async function wordsPdf(pageCount = 3): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  for (let n = 1; n <= pageCount; n++) {
    const page = pdf.addPage([LETTER_PT.width, LETTER_PT.height])
    page.drawText(pageWords(n), { x: 72, y: 720, size: 20, font: bold })
    page.drawText(SENTENCE, { x: 72, y: 680, size: 14, font })
    for (let line = 0; line < 12; line++) {
      page.drawText(`Line ${line + 1}: information released under the Official Information Act 1982.`, {
        x: 72,
        y: 640 - line * 20,
        size: 11,
        font
      })
    }
    if (n === 1) {
      const [x0, y0, x1, y1] = BOX_PAGE_RECT
      page.drawRectangle({
        x: x0,
        y: LETTER_PT.height - y1,
        width: x1 - x0,
        height: y1 - y0,
        color: rgb(0, 0, 0)
      })
    }
  }
  return pdf.save()
}

/** A long release: every page says which page it is, big enough to see in a screenshot. */
export async function manyPagesPdf(pageCount: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (let n = 1; n <= pageCount; n++) {
    const page = pdf.addPage([LETTER_PT.width, LETTER_PT.height])
    page.drawText(`Page ${n} of ${pageCount}`, { x: 72, y: 700, size: 36, font })
    page.drawText(SENTENCE, { x: 72, y: 650, size: 14, font })
  }
  return pdf.save({ objectsPerTick: 200 })
}

/** One 14,400 × 14,400 pt page (the PDF maximum): the viewer must clamp its canvas. */
export async function giantPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const page = pdf.addPage([14_400, 14_400])
  page.drawText('Giant page', { x: 200, y: 14_000, size: 400, font })
  return pdf.save()
}

/** Starts like a PDF, then nothing a parser can use. */
export function corruptPdf(): Uint8Array {
  const text = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nthis is not a pdf body\n%%EOF\n'
  return new TextEncoder().encode(text)
}
