/**
 * A scanned page (one page-size image) holding lines of print and, among them, a blank box with a
 * thin outline and no label: the detector finds it but cannot tell it from an empty form field, so
 * it reports it as a `possible` redaction (confidence 0.5, no ground).
 */
import { createCanvas } from '@napi-rs/canvas'
import { PDFDocument } from 'pdf-lib'

const PAGE_PT = { width: 612, height: 792 } as const
const DPI = 150
/** The outlined box, points on the page, top-left origin. */
export const POSSIBLE_BOX_PT = [200, 300, 330, 316] as const

export async function possibleBoxPdf(): Promise<Uint8Array> {
  const scale = DPI / 72
  const canvas = createCanvas(Math.round(PAGE_PT.width * scale), Math.round(PAGE_PT.height * scale))
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#f4f4f2'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.scale(scale, scale)
  ctx.fillStyle = '#1a1a1a'
  ctx.font = '11px sans-serif'
  for (let line = 0; line < 20; line++) {
    const top = 120 + line * 18
    if (top > 290 && top < 320) continue
    ctx.fillText(`Line ${line + 1}: the advice given to the Minister on the proposal in March.`, 72, top + 10)
  }
  ctx.fillText('The review was led by', 72, 312)
  ctx.fillText('and reported in May.', 340, 312)
  const [x0, y0, x1, y1] = POSSIBLE_BOX_PT
  ctx.strokeStyle = '#202020'
  ctx.lineWidth = 0.7
  ctx.strokeRect(x0, y0, x1 - x0, y1 - y0)
  const png = await canvas.encode('png')
  const pdf = await PDFDocument.create()
  const page = pdf.addPage([PAGE_PT.width, PAGE_PT.height])
  const image = await pdf.embedPng(png)
  page.drawImage(image, { x: 0, y: 0, width: PAGE_PT.width, height: PAGE_PT.height })
  return pdf.save()
}
