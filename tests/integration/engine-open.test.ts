/**
 * Opening PDFs in Node (src/node/pdfjs.ts) and reading what the viewer needs before detection
 * (readDocumentMeta), on small PDFs made here with pdf-lib and, where present, the shared corpus.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { readDocumentMeta } from '@core/scan/readDocumentMeta'
import { describePdfError, openPdf } from '@node/pdfjs'

const robustness = resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'robustness')

async function failure(bytes: Uint8Array, password?: string) {
  try {
    const pdf = await openPdf(bytes, password)
    await pdf.loadingTask.destroy()
  } catch (err) {
    return describePdfError(err)
  }
  throw new Error('expected the PDF to fail to open')
}

describe('openPdf and describePdfError', () => {
  it('leaves the caller’s bytes usable (pdf.js detaches what it is given)', async () => {
    const doc = await PDFDocument.create()
    doc.addPage([200, 200])
    const bytes = await doc.save()
    const pdf = await openPdf(bytes)
    expect(pdf.numPages).toBe(1)
    await pdf.loadingTask.destroy()
    expect(bytes.byteLength).toBeGreaterThan(0)
    const again = await openPdf(bytes)
    expect(again.numPages).toBe(1)
    await again.loadingTask.destroy()
  })

  it('says an empty file is empty and a non-PDF is not a PDF, in one sentence', async () => {
    expect(await failure(new Uint8Array())).toEqual({
      reason: 'invalid',
      message: 'The PDF is empty (0 bytes).'
    })
    const html = await failure(new TextEncoder().encode('<html><body>403 Forbidden</body></html>'))
    expect(html.reason).toBe('invalid')
    expect(html.message).toMatch(/^This file is not a PDF or is too damaged to open \(.+\)\.$/)
    expect(html.message).not.toMatch(/\n|at \w+ \(/)
  })

  it.skipIf(!existsSync(resolve(robustness, 'pdfjs__issue6010_2.pdf')))(
    'maps a password prompt and a wrong password to reasons 1 and 2',
    async () => {
      const bytes = new Uint8Array(readFileSync(resolve(robustness, 'pdfjs__issue6010_2.pdf')))
      expect(await failure(bytes)).toEqual({
        reason: 'password',
        message: 'This PDF is protected by a password.',
        passwordReason: 1
      })
      expect(await failure(bytes, 'not the password')).toEqual({
        reason: 'password',
        message: 'The password for this PDF is incorrect.',
        passwordReason: 2
      })
    }
  )
})

describe('readDocumentMeta', () => {
  it('reads producer, title, displayed sizes, rotation and text layers', async () => {
    const doc = await PDFDocument.create()
    doc.setProducer('  Example Producer 1.0  ')
    doc.setTitle('Briefing')
    const font = await doc.embedFont(StandardFonts.Helvetica)
    const first = doc.addPage([595.28, 841.89])
    first.drawText('Hello', { x: 72, y: 700, size: 12, font })
    const second = doc.addPage([612, 792])
    second.setRotation(degrees(90))
    const pdf = await openPdf(await doc.save())
    const meta = await readDocumentMeta(pdf)
    await pdf.loadingTask.destroy()
    expect(meta).toMatchObject({
      pageCount: 2,
      producer: 'Example Producer 1.0',
      title: 'Briefing',
      encrypted: false
    })
    expect(meta.pages[0]).toMatchObject({ index: 0, rotation: 0, hasTextLayer: true })
    expect(meta.pages[0]!.width).toBeCloseTo(595.28, 2)
    expect(meta.pages[1]).toEqual({ index: 1, width: 792, height: 612, rotation: 90, hasTextLayer: false })
  })
})
