// A scanned page that already carries an invisible OCR text layer (render mode 3) is read from that
// layer, not by tesseract: its label names the burned-in box's ground, and real words of the layer
// under the box are a leak, while OCR noise there is not.
import { createCanvas } from '@napi-rs/canvas'
import {
  PDFDocument,
  StandardFonts,
  TextRenderingMode,
  setTextRenderingMode,
  type PDFFont,
  type PDFPage
} from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import type { OcrEngine } from '@core/ocr/ocrEngine'
import { scanDocument } from '@core/scan/scanDocument'
import { openPdf } from '@node/pdfjs'
import { rasteriser } from '@node/rasterPage'

/** A 300 × 300 pt "scan" at 2 px per pt: lines of text, a black box and its printed label. */
function scanPng(): Uint8Array {
  const canvas = createCanvas(600, 600)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, 600, 600)
  ctx.fillStyle = '#222'
  ctx.font = '20px sans-serif'
  for (let y = 80; y < 260; y += 32) ctx.fillText('Scanned words on a line of the page', 40, y)
  ctx.fillStyle = '#111'
  ctx.fillRect(120, 280, 240, 40)
  ctx.fillText('s9(2)(a)', 380, 310)
  ctx.fillText('The rest of this page goes on here', 40, 370)
  return new Uint8Array(canvas.toBuffer('image/png'))
}

function invisibleText(page: PDFPage, font: PDFFont, text: string, x: number, y: number): void {
  page.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible))
  page.drawText(text, { x, y, size: 10, font })
  page.pushOperators(setTextRenderingMode(TextRenderingMode.Fill))
}

async function scanWithLayer(under: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([300, 300])
  page.drawImage(await doc.embedPng(scanPng()), { x: 0, y: 0, width: 300, height: 300 })
  // The layer: under the box (page y 140–160, baseline 145 from the bottom), and its label beside.
  invisibleText(page, font, under, 64, 145)
  invisibleText(page, font, 's9(2)(a)', 190, 145)
  invisibleText(page, font, 'The rest of this page goes on here', 20, 112)
  return doc.save()
}

async function scan(bytes: Uint8Array, withOcr = true) {
  let calls = 0
  const engine: OcrEngine = {
    recognise: () => {
      calls++
      return Promise.resolve([])
    }
  }
  const pdf = await openPdf(bytes)
  try {
    const result = await scanDocument(
      pdf,
      { fileName: 'layer.pdf', sha256: '' },
      {
        revealLeaks: true,
        rasterise: rasteriser(100),
        ...(withOcr ? { ocr: { engine, rasterise: rasteriser(300)! } } : {})
      }
    )
    return { page: result.pages[0]!, calls }
  } finally {
    await pdf.loadingTask.destroy()
  }
}

describe('scanned pages with an OCR text layer', () => {
  it('reads the label from the layer without OCR and flags real words under the box', async () => {
    const { page, calls } = await scan(await scanWithLayer('Aroha Ngata'))
    expect(calls).toBe(0)
    const box = page.redactions.find((r) => r.source === 'raster')
    expect(box).toMatchObject({ grounds: ['9(2)(a)'], leak: { kind: 'text-under-box' } })
    expect(box!.leakedText).toBe('Aroha Ngata')
  })

  it('reads the layer with OCR turned off too', async () => {
    const { page } = await scan(await scanWithLayer('Aroha Ngata'), false)
    expect(page.redactions.find((r) => r.source === 'raster')).toMatchObject({
      grounds: ['9(2)(a)'],
      leak: { kind: 'text-under-box' }
    })
  })

  it('does not call OCR noise under the box a leak', async () => {
    const { page } = await scan(await scanWithLayer('Il |'))
    const box = page.redactions.find((r) => r.source === 'raster')
    expect(box).toMatchObject({ grounds: ['9(2)(a)'], leak: null })
  })
})
