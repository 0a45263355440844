/**
 * A scanned release page for search (issue 10 point 8): one page-size image (150 dpi, no text layer)
 * printing a few lines, with a rare word for search, one bar burned into the pixels, a black vector
 * box drawn over the scan on top of a printed name (as a PDF tool redacts a scan), and an unapplied
 * /Redact mark over another name. So the page has words only OCR can find, and names under boxes
 * that search must never show; the pixels under the unapplied mark still print its name, so OCR
 * reads it, and only the privacy rule keeps it out. Page 2 is born-digital: its text layer holds a
 * name under a black box (a leak), which search must not find either.
 */
import { createCanvas } from '@napi-rs/canvas'
import { PDFDocument, PDFName, rgb, StandardFonts } from 'pdf-lib'

type Rect = readonly [x0: number, y0: number, x1: number, y1: number]

const PAGE_PT = { width: 612, height: 792 } as const
const DPI = 150
/** Printed on line 3 of the scan and nowhere else in the e2e fixtures. */
export const SCANNED_RARE_WORD = 'takahe'
/** Printed on line 6, then covered by a vector box: withheld text. */
export const NAME_UNDER_BOX = 'Wiremu'
/** Printed on line 7, under an unapplied /Redact mark: still in the pixels OCR reads. */
export const NAME_UNDER_MARK = 'Aroha'
/** In page 2's text layer under a black box: a leak pdf.js still extracts. */
export const NAME_UNDER_TEXT_BOX = 'Tamati'
/** Visible words of page 2, found through pdf.js's text. */
export const PAGE_TWO_WORDS = 'born-digital annex'
const FONT_PT = 14
const LINE_PT = 26
const LEFT_PT = 72
const TOP_PT = 120

const LINES = [
  'Conservation briefing for the Minister',
  'Prepared by the Department in March.',
  `The ${SCANNED_RARE_WORD} recovery programme is funded from the same vote.`,
  'Advice on the options follows below.',
  '',
  `The adviser ${NAME_UNDER_BOX} met the trust on Friday.`,
  `The caller ${NAME_UNDER_MARK} asked about the winter plan.`
] as const

/** Where each line's baseline sits, points from the top. */
const baselinePt = (line: number): number => TOP_PT + line * LINE_PT

export interface ScannedSearchPdf {
  readonly pdf: Uint8Array
  /** Points on the displayed page, origin top-left. */
  readonly vectorBox: Rect
  readonly redactMark: Rect
  readonly burnedBar: Rect
  /** Around where the rare word is printed (its line, the text column): for checking the mark. */
  readonly rareWordLine: Rect
}

export async function scannedSearchPdf(): Promise<ScannedSearchPdf> {
  const scale = DPI / 72
  const canvas = createCanvas(Math.round(PAGE_PT.width * scale), Math.round(PAGE_PT.height * scale))
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#f6f5f1'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.scale(scale, scale)
  ctx.fillStyle = '#161616'
  ctx.font = `${FONT_PT}px DejaVu Serif`
  LINES.forEach((text, line) => ctx.fillText(text, LEFT_PT, baselinePt(line)))
  // A bar burned into the pixels where line 5 would be.
  const burnedBar: Rect = [LEFT_PT, baselinePt(4) - FONT_PT, LEFT_PT + 260, baselinePt(4) + 4]
  ctx.fillRect(burnedBar[0], burnedBar[1], burnedBar[2] - burnedBar[0], burnedBar[3] - burnedBar[1])
  // The name's place on line 6, measured as printed.
  const before = ctx.measureText('The adviser ').width
  const name = ctx.measureText(NAME_UNDER_BOX).width
  const vectorBox: Rect = [
    LEFT_PT + before - 3,
    baselinePt(5) - FONT_PT,
    LEFT_PT + before + name + 3,
    baselinePt(5) + 5
  ]
  const markStart = LEFT_PT + ctx.measureText('The caller ').width
  const redactMark: Rect = [
    markStart - 2,
    baselinePt(6) - FONT_PT,
    markStart + ctx.measureText(NAME_UNDER_MARK).width + 2,
    baselinePt(6) + 5
  ]
  const png = await canvas.encode('png')
  const pdf = await PDFDocument.create()
  const page = pdf.addPage([PAGE_PT.width, PAGE_PT.height])
  page.drawImage(await pdf.embedPng(png), { x: 0, y: 0, width: PAGE_PT.width, height: PAGE_PT.height })
  page.drawRectangle({
    x: vectorBox[0],
    y: PAGE_PT.height - vectorBox[3],
    width: vectorBox[2] - vectorBox[0],
    height: vectorBox[3] - vectorBox[1],
    color: rgb(0, 0, 0)
  })
  const mark = pdf.context.obj({
    Type: 'Annot',
    Subtype: 'Redact',
    Rect: [redactMark[0], PAGE_PT.height - redactMark[3], redactMark[2], PAGE_PT.height - redactMark[1]],
    F: 4,
    IC: [0, 0, 0]
  })
  page.node.set(PDFName.of('Annots'), pdf.context.obj([pdf.context.register(mark)]))
  const annex = pdf.addPage([PAGE_PT.width, PAGE_PT.height])
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const sentence = `The ${PAGE_TWO_WORDS} names ${NAME_UNDER_TEXT_BOX} as the contact.`
  annex.drawText(sentence, { x: LEFT_PT, y: 700, size: 12, font })
  const nameStart = LEFT_PT + font.widthOfTextAtSize(`The ${PAGE_TWO_WORDS} names `, 12)
  annex.drawRectangle({
    x: nameStart - 2,
    y: 696,
    width: font.widthOfTextAtSize(NAME_UNDER_TEXT_BOX, 12) + 4,
    height: 15,
    color: rgb(0, 0, 0)
  })
  const rareWordLine: Rect = [LEFT_PT, baselinePt(2) - FONT_PT - 2, 560, baselinePt(2) + 5]
  return { pdf: await pdf.save(), vectorBox, redactMark, burnedBar, rareWordLine }
}
