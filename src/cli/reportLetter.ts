/**
 * `withheld report --letter LETTER.pdf`: the grounds the agency's response letter cites, read from
 * the letter's text layer with the letter grammar (src/core/review/letterGrounds.ts, the one the app
 * uses) for the report's reconciliation. The letter is opened in this process, not in a worker: it
 * is one file the user named, not a batch, and a deadline stops a letter that hangs pdf.js.
 */
import { readFile } from 'node:fs/promises'
import { letterGrounds } from '@core/review/letterGrounds'
import { fileNameOf } from '@node/importFiles'
import { describePdfError, openPdf } from '@node/pdfjs'

/** A letter is a few pages; pdf.js reads one in well under a second. A minute means it is stuck. */
export const LETTER_TIMEOUT_MS = 60_000

export type LetterReading =
  { readonly ok: true; readonly codes: readonly string[] } | { readonly ok: false; readonly message: string }

/** The text of every page, a line per text item that ends a line. */
async function letterText(bytes: Uint8Array): Promise<string> {
  const pdf = await openPdf(bytes)
  try {
    const pages: string[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      pages.push(
        content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join('')
      )
      page.cleanup()
    }
    return pages.join('\n')
  } finally {
    await pdf.loadingTask.destroy().catch(() => undefined)
  }
}

export async function readLetterGrounds(path: string, timeoutMs = LETTER_TIMEOUT_MS): Promise<LetterReading> {
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
    const text = await Promise.race([letterText(bytes), deadline])
    return { ok: true, codes: letterGrounds(text).codes }
  } catch (error) {
    if (error instanceof Error && error.message === 'timeout')
      return { ok: false, message: `${name}: reading the response letter took too long.` }
    return { ok: false, message: `${name}: ${describePdfError(error).message}` }
  } finally {
    clearTimeout(timer)
  }
}
