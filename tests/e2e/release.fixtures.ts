/**
 * The release-level tests' PDFs: a two-page briefing whose four boxes carry 9(2)(a), 9(2)(b)(ii),
 * 6(a) and no ground, with a rare word on page 2 for search; and the agency's response letter,
 * whose text cites sections 9(2)(a) and (g)(i) and 6(a). So the reconciliation is known:
 * cited but never used 9(2)(g)(i); used but never cited 9(2)(b)(ii) (one box); one box without a ground.
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'

const LETTER_PT = { width: 612, height: 792 } as const
/** A word only page 2 of the briefing has, for the page-text search. */
export const RARE_WORD = 'kakapo'
export const LETTER_CODES = ['9(2)(a)', '9(2)(g)(i)', '6(a)'] as const

/** [pageIndex, pageRect (points, top-left origin), label beside it or null]. */
export const RELEASE_BOXES = [
  [0, [72, 200, 330, 216], 's9(2)(a)'],
  [0, [72, 420, 290, 436], 's9(2)(b)(ii)'],
  [1, [72, 260, 350, 276], 's6(a)'],
  [1, [72, 520, 300, 536], null]
] as const

export async function releaseBriefingPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (let n = 1; n <= 2; n++) {
    const page = pdf.addPage([LETTER_PT.width, LETTER_PT.height])
    page.drawText(`Housing briefing, page ${n}`, { x: 72, y: 730, size: 18, font })
    const boxes = RELEASE_BOXES.filter(([pageIndex]) => pageIndex === n - 1)
    for (let line = 0; line < 24; line++) {
      const topPt = 100 + line * 24
      // No text where a box goes: text under a box is a leak, which is not this fixture's subject.
      if (boxes.some(([, rect]) => topPt < rect[3] + 6 && topPt + 14 > rect[1] - 6)) continue
      const words =
        n === 2 && line === 2
          ? `Line ${line + 1}: the ${RARE_WORD} recovery programme is funded from the same vote.`
          : `Line ${line + 1}: advice released under the Official Information Act 1982.`
      page.drawText(words, { x: 72, y: LETTER_PT.height - topPt - 11, size: 11, font })
    }
    for (const [, [x0, y0, x1, y1], label] of boxes) {
      page.drawRectangle({
        x: x0,
        y: LETTER_PT.height - y1,
        width: x1 - x0,
        height: y1 - y0,
        color: rgb(0, 0, 0)
      })
      if (label) page.drawText(label, { x: x1 + 6, y: LETTER_PT.height - y1 + 4, size: 10, font })
    }
  }
  return pdf.save()
}

export async function responseLetterPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const page = pdf.addPage([LETTER_PT.width, LETTER_PT.height])
  const lines = [
    'Ministry of Housing',
    '',
    'Dear Requester',
    '',
    'Thank you for your request under the Official Information Act 1982 (the Act) of 4 March 2026',
    'for briefings on the housing package. The documents are released to you with some',
    'information withheld under sections 9(2)(a) and (g)(i) of the Act, to protect the privacy',
    'of natural persons and to maintain the free and frank expression of opinions.',
    'Some information is also withheld under section 6(a), as its release would be likely',
    'to prejudice the international relations of the Government of New Zealand.',
    '',
    'You have the right to ask the Ombudsman to investigate and review my decision under',
    'section 28(3) of the Act.',
    '',
    'Yours sincerely'
  ]
  lines.forEach((text, i) => page.drawText(text, { x: 72, y: 720 - i * 16, size: 11, font }))
  return pdf.save()
}
