/**
 * `withheld report --letter LETTER.pdf`: the grounds the agency's response letter cites, read from
 * the letter's text layer with the letter grammar (src/core/review/letterGrounds.ts, the one the app
 * uses) for the report's reconciliation. A page without a text layer (a scanned letter) is read
 * with OCR instead (tesseract.js, offline: src/node/tesseractOcr.ts), at ~2–5 s a page. The letter
 * is opened in this process, not in a worker: it is one file the user named, not a batch, and a
 * deadline stops a letter that hangs pdf.js.
 */
import { readFile } from 'node:fs/promises'
import { letterGrounds } from '@core/review/letterGrounds'
import { fileNameOf } from '@node/importFiles'
import { describePdfError, openPdf } from '@node/pdfjs'
import { renderPageGrey } from '@node/rasterPage'
import { DEFAULT_OCR_DPI, lazyTesseractOcr } from '@node/tesseractOcr'
import { ocrPageText } from '@core/ocr/ocrRuns'

/** A letter is a few pages; pdf.js reads one in well under a second. A minute means it is stuck. */
export const LETTER_TIMEOUT_MS = 60_000

export type LetterReading =
  | {
      readonly ok: true
      readonly codes: readonly string[]
      /** The letter's text, for the regime (report/regime.ts reads the statute it names). */
      readonly text: string
    }
  | { readonly ok: false; readonly message: string }

/**
 * The text of every page, a line per text item that ends a line; a page with no text layer is read
 * with OCR (unless `ocr` is false).
 */
async function letterText(bytes: Uint8Array, ocr: boolean): Promise<string> {
  const pdf = await openPdf(bytes)
  const engine = ocr ? lazyTesseractOcr() : null
  try {
    const pages: string[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      let text = content.items
        .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : ''))
        .join('')
      if (engine && text.trim() === '') {
        const raster = await renderPageGrey(page, DEFAULT_OCR_DPI)
        const { width, height } = raster.bitmap
        text = ocrPageText(await engine.recognise(raster.bitmap, [0, 0, width, height]), raster.pxPerPt)
      }
      pages.push(text)
      page.cleanup()
    }
    return pages.join('\n')
  } finally {
    await engine?.terminate().catch(() => undefined)
    await pdf.loadingTask.destroy().catch(() => undefined)
  }
}

export async function readLetterGrounds(
  path: string,
  timeoutMs = LETTER_TIMEOUT_MS,
  ocr = true
): Promise<LetterReading> {
  const name = fileNameOf(path)
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(path))
  } catch {
    return { ok: false, message: `${name}: the response letter could not be read.` }
  }
  let timer: NodeJS.Timeout | undefined
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)
    })
    const text = await Promise.race([letterText(bytes, ocr), deadline])
    return { ok: true, codes: letterGrounds(text).codes, text }
  } catch (error) {
    if (error instanceof Error && error.message === 'timeout')
      return { ok: false, message: `${name}: reading the response letter took too long.` }
    return { ok: false, message: `${name}: ${describePdfError(error).message}` }
  } finally {
    clearTimeout(timer)
  }
}
