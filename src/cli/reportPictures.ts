/**
 * Pictures of the report's pages for `withheld report` (HTML and PDF), so the numbered boxes are drawn
 * over the real page, as in the app's export (issue 10: the CLI's PDF drew them on blank outlines,
 * because the CLI rendered no page pictures at all and the report then falls back to an outline).
 *
 * Each page with a redaction is rendered with pdf.js and @napi-rs/canvas at PICTURE_WIDTH_PX and kept
 * as a JPEG data URL. Files are found again from the inputs by name and checked by SHA-256, so a file
 * changed since its scan is left as outlines rather than pictured wrong. These PDFs already passed the
 * analysis worker; a deadline per document still stops one that stalls pdf.js here.
 */
import { readFile } from 'node:fs/promises'
import { createCanvas } from '@napi-rs/canvas'
import type { PDFPageProxy } from 'pdfjs-dist'
import { pageImageKey } from '@core/report/htmlParts'
import type { Report } from '@core/report/types'
import { fileNameOf, sha256Hex } from '@node/importFiles'
import { openPdf } from '@node/pdfjs'
import { collectInputs } from './collect'

/**
 * 720 px across a picture printed ~106 mm wide (half a landscape A4 sheet) is ~170 dpi: 11 pt body
 * text on an A4 page is ~13 px high, readable. JPEG at 70 keeps a text page to ~80–150 kB.
 */
export const PICTURE_WIDTH_PX = 720
const JPEG_QUALITY = 70
/**
 * Past ~60 MB of pictures, Chromium's print of the HTML slows to minutes and has been seen to give up
 * (reportPdf.ts); later pages keep their outline and a line on stderr says so.
 */
export const PICTURE_BUDGET_CHARS = 60_000_000
/** A page renders in well under a second; a document silent for a minute is stuck. */
export const PICTURE_TIMEOUT_MS = 60_000

type RenderParameters = Parameters<PDFPageProxy['render']>[0]

async function pagePicture(page: PDFPageProxy): Promise<string> {
  const base = page.getViewport({ scale: 1 })
  const viewport = page.getViewport({ scale: PICTURE_WIDTH_PX / Math.max(1, base.width) })
  const width = Math.max(1, Math.round(viewport.width))
  const height = Math.max(1, Math.round(viewport.height))
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
  await page.render({
    canvas: canvas as unknown as RenderParameters['canvas'],
    canvasContext: ctx as unknown as RenderParameters['canvasContext'],
    viewport,
    background: '#ffffff'
  }).promise
  const jpeg = await canvas.encode('jpeg', JPEG_QUALITY)
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`
}

/** The input path whose bytes hash to `sha256` among those named `name`, with its bytes. */
async function fileFor(paths: readonly string[], name: string, sha256: string): Promise<Uint8Array | null> {
  for (const path of paths) {
    if (fileNameOf(path) !== name) continue
    const bytes = await readFile(path).then(
      (b) => new Uint8Array(b),
      () => null
    )
    if (bytes && sha256Hex(bytes) === sha256) return bytes
  }
  return null
}

async function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the page pictures took too long')), timeoutMs)
  })
  try {
    return await Promise.race([work, deadline])
  } finally {
    clearTimeout(timer)
  }
}

export interface PictureOutcome {
  /** Keyed by `pageImageKey(documentId, pageNumber)`, as renderHtml reads them. */
  readonly images: Map<string, string>
  /** One sentence per document or budget that left pages as outlines. */
  readonly notes: readonly string[]
}

/** Pictures of every page the report draws, from the files named by `inputs`. Never rejects. */
export async function reportPictures(
  report: Report,
  inputs: readonly string[],
  budgetChars = PICTURE_BUDGET_CHARS,
  timeoutMs = PICTURE_TIMEOUT_MS
): Promise<PictureOutcome> {
  const images = new Map<string, string>()
  const notes: string[] = []
  if (!report.thumbnails || report.pages.length === 0) return { images, notes }
  const { files } = await collectInputs(inputs)
  const byDocument = new Map<string, number[]>()
  for (const p of report.pages)
    byDocument.set(p.documentId, [...(byDocument.get(p.documentId) ?? []), p.pageNumber])
  let spent = 0
  let overBudget = 0
  for (const [documentId, pageNumbers] of byDocument) {
    const doc = report.register.find((r) => r.documentId === documentId)
    const name = doc?.documentName ?? report.pages.find((p) => p.documentId === documentId)?.documentName
    const sha256 = doc?.documentSha256 ?? report.cover.documents.find((d) => d.name === name)?.sha256
    if (!name || !sha256) continue
    if (spent >= budgetChars) {
      overBudget += pageNumbers.length
      continue
    }
    const bytes = await fileFor(files, name, sha256)
    if (!bytes) {
      notes.push(`${name}: pages drawn as outlines (the file changed since it was scanned).`)
      continue
    }
    try {
      const pdf = await withDeadline(openPdf(bytes), timeoutMs)
      try {
        await withDeadline(
          (async () => {
            for (const pageNumber of pageNumbers) {
              if (spent >= budgetChars) {
                overBudget++
                continue
              }
              const page = await pdf.getPage(pageNumber)
              const url = await pagePicture(page)
              page.cleanup()
              images.set(pageImageKey(documentId, pageNumber), url)
              spent += url.length
            }
          })(),
          timeoutMs
        )
      } finally {
        await pdf.loadingTask.destroy().catch(() => undefined)
      }
    } catch (error) {
      const why =
        error instanceof Error && error.message.startsWith('the page')
          ? error.message
          : 'pdf.js could not draw them'
      notes.push(`${name}: some pages drawn as outlines (${why}).`)
    }
  }
  if (overBudget > 0)
    notes.push(
      `${overBudget} page${overBudget === 1 ? '' : 's'} drawn as outlines: the report's pictures reached their size limit.`
    )
  return { images, notes }
}
