/**
 * Pictures of the report's pages, drawn with pdf.js in the renderer (the same watchdog-guarded
 * session the viewer uses) and embedded in the HTML as PNG data URLs (JPEG for heavy scans); the
 * report draws its numbered boxes over them (src/core/report/htmlParts.ts). One document is open at
 * a time and each canvas is freed after use, so a 1,000-page release costs one page's canvas of
 * memory, not a thousand.
 * A page that cannot be drawn (a locked PDF, a broken page) keeps the outline-only thumbnail.
 */
import { pageImageKey } from '@core/report/htmlParts'
import type { ReportPage } from '@core/report/types'
import type { WithheldDb } from '../../db/db'
import { openPdfSession, type PdfSession } from '../../pdf/pdfSession'
import { throwIfAborted } from './cancel'

/**
 * 720 px wide: printed, a picture is half a landscape sheet (~106 mm, htmlParts.ts), i.e. ~170 dpi, where
 * 11 pt body text on an A4 page is ~13 px high and readable. (At the 180 px of old the pictures were
 * 21 mm wide and their text a grey blur.)
 */
export const THUMBNAIL_WIDTH_PX = 720

/**
 * A sparse text page at 720 px can be a small PNG; a full text page is ~200–300 kB of PNG but ~100 kB
 * of JPEG at 0.8, and a scanned or photographic page several times more as PNG. Past this many
 * characters of PNG, the smaller of the two is kept.
 */
const PNG_MAX_CHARS = 120_000
const JPEG_QUALITY = 0.8
/**
 * Past ~60 MB of pictures (~500 text pages), later pages keep their outline: the HTML crosses to main
 * whole and is printed by Chromium, whose print slows to minutes and can give up on a document that big
 * (src/cli/reportPdf.ts; the CLI keeps the same budget, src/cli/reportPictures.ts).
 */
export const PICTURE_BUDGET_CHARS = 60_000_000

function smallestDataUrl(canvas: HTMLCanvasElement): string {
  const png = canvas.toDataURL('image/png')
  if (png.length <= PNG_MAX_CHARS) return png
  const jpeg = canvas.toDataURL('image/jpeg', JPEG_QUALITY)
  return jpeg.length < png.length ? jpeg : png
}

async function drawPage(session: PdfSession, pageIndex: number, widthPt: number): Promise<string> {
  const page = await session.getPage(pageIndex)
  const viewport = page.getViewport({ scale: THUMBNAIL_WIDTH_PX / Math.max(1, widthPt) })
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(viewport.width))
  canvas.height = Math.max(1, Math.round(viewport.height))
  try {
    await session.render(page, { canvas, viewport }).promise
    return smallestDataUrl(canvas)
  } finally {
    canvas.width = 0
    canvas.height = 0
    session.releasePage(pageIndex)
  }
}

/**
 * Pictures for `pages`, keyed by `pageImageKey`. `onPage` hears after each page (drawn or not).
 * Throws `ExportCancelled` once `signal` aborts; the open document is closed either way.
 */
export async function renderPageImages(
  db: WithheldDb,
  pages: readonly ReportPage[],
  signal: AbortSignal,
  onPage: () => void
): Promise<Map<string, string>> {
  const images = new Map<string, string>()
  let spentChars = 0
  const byDocument = new Map<string, ReportPage[]>()
  for (const p of pages) byDocument.set(p.documentId, [...(byDocument.get(p.documentId) ?? []), p])
  for (const [documentId, docPages] of byDocument) {
    throwIfAborted(signal)
    const file = await db.files.get(documentId)
    let session: PdfSession | null = null
    try {
      if (file) {
        session = await openPdfSession(new Uint8Array(await file.bytes.arrayBuffer()), {
          // A locked PDF keeps outline thumbnails: asking for its password mid-export would surprise.
          askPassword: () => Promise.resolve(null)
        })
      }
    } catch {
      session = null
    }
    try {
      for (const p of docPages) {
        throwIfAborted(signal)
        if (session && !session.dead && spentChars < PICTURE_BUDGET_CHARS) {
          try {
            const url = await drawPage(session, p.pageNumber - 1, p.width)
            images.set(pageImageKey(documentId, p.pageNumber), url)
            spentChars += url.length
          } catch {
            // This page stays an outline; the rest of the report is unaffected.
          }
        }
        onPage()
      }
    } finally {
      session?.close()
    }
  }
  return images
}
