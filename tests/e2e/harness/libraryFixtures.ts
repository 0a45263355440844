/**
 * Files the library and import tests feed through the import dialog, written to a temp directory:
 * real PDFs made with pdf-lib, and the files main must refuse (not a PDF, empty, over the size cap).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'

/** A briefing with one black box labelled s9(2)(a) per page, like an NZ OIA release. */
export async function briefingPdf(title: string, pageCount: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setTitle(title)
  pdf.setProducer('Withheld e2e fixtures')
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (let n = 1; n <= pageCount; n++) {
    const page = pdf.addPage([595.28, 841.89])
    page.drawText(`${title}, page ${n}`, { x: 72, y: 780, size: 18, font })
    for (let line = 0; line < 10; line++) {
      page.drawText(`Paragraph ${line + 1}: advice to the Minister on the matters raised.`, {
        x: 72,
        y: 740 - line * 18,
        size: 11,
        font
      })
    }
    page.drawRectangle({ x: 72, y: 480, width: 300, height: 40, color: rgb(0, 0, 0) })
    page.drawText('s9(2)(a)', { x: 380, y: 494, size: 11, font })
  }
  return pdf.save()
}

/** A "redaction" drawn over text that is still there: the text can be copied out from under the box. */
export async function leakyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const page = pdf.addPage([595.28, 841.89])
  page.drawText('Memorandum for the Minister', { x: 72, y: 780, size: 18, font })
  page.drawText('The supplier was paid 1,250,000 dollars for the contract.', {
    x: 72,
    y: 700,
    size: 12,
    font
  })
  page.drawRectangle({ x: 68, y: 694, width: 360, height: 20, color: rgb(0, 0, 0) })
  page.drawText('s9(2)(b)(ii)', { x: 440, y: 700, size: 11, font })
  return pdf.save()
}

export interface FixtureDir {
  readonly dir: string
  /** Writes a file and returns its path. */
  write(name: string, bytes: Uint8Array | string): string
  remove(): void
}

export function fixtureDir(): FixtureDir {
  const dir = mkdtempSync(join(tmpdir(), 'withheld-files-'))
  return {
    dir,
    write(name, bytes) {
      const path = join(dir, name)
      writeFileSync(path, bytes)
      return path
    },
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}

/** Starts with the PDF magic but is `bytes` long: refused for size before anything parses it. */
export function oversizedPdf(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes).fill(0x25) // '%' — a PDF comment, all the way down
  out.set(new TextEncoder().encode('%PDF-1.7\n'))
  return out
}

/** Has the PDF header, so main accepts it, but no body a parser can use: the analysis must fail in words. */
export function brokenBodyPdf(): string {
  return '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\nnot a cross-reference table\n%%EOF\n'
}
