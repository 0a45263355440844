/**
 * Reads what the viewer needs to lay out a document before any detection runs: page count, producer,
 * title, whether it was encrypted, and each page's displayed size, rotation and text layer. Pages are
 * released as soon as they are read so a 1,000-page release stays within a few MB.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist'
import type { DocumentMeta, PageMeta } from '../types'

/** Stand-in size for an unreadable first page: US Letter, 612 × 792 pt. */
const LETTER_PAGE: PageMeta = { index: 0, width: 612, height: 792, rotation: 0, hasTextLayer: false }

/** Trimmed string or null: metadata fields arrive as anything a PDF producer wrote. */
function cleanString(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.replace(/\0/g, '').trim()
  return trimmed === '' ? null : trimmed
}

export async function readPageMeta(page: PDFPageProxy, index: number): Promise<PageMeta> {
  const viewport = page.getViewport({ scale: 1 })
  let hasTextLayer: boolean
  try {
    const text = await page.getTextContent()
    hasTextLayer = text.items.some((item) => 'str' in item && item.str.trim() !== '')
  } catch {
    hasTextLayer = false // unreadable text is, for the viewer, no text layer
  }
  return {
    index,
    width: viewport.width,
    height: viewport.height,
    rotation: ((page.rotate % 360) + 360) % 360,
    hasTextLayer
  }
}

/**
 * `layoutPages: false` leaves `pages` empty and opens no page: for callers that need only the page
 * count and producer, so each page is parsed once (by the scan) rather than twice.
 */
export async function readDocumentMeta(
  pdf: PDFDocumentProxy,
  { layoutPages = true }: { readonly layoutPages?: boolean } = {}
): Promise<DocumentMeta> {
  let producer: string | null = null
  let title: string | null = null
  let encrypted = false
  try {
    const { info } = await pdf.getMetadata()
    const record = info as Record<string, unknown>
    producer = cleanString(record['Producer'])
    title = cleanString(record['Title'])
    encrypted = cleanString(record['EncryptFilterName']) !== null
  } catch {
    // Broken metadata is not a reason to refuse the document.
  }
  const pages: PageMeta[] = []
  for (let pageNumber = 1; layoutPages && pageNumber <= pdf.numPages; pageNumber++) {
    let page: PDFPageProxy
    try {
      page = await pdf.getPage(pageNumber)
    } catch {
      // One broken page (a looping page tree, a missing object) must not hide the others: lay it out
      // at its neighbour's size; the viewer and the scan report that page's own error.
      pages.push({ ...(pages.at(-1) ?? LETTER_PAGE), index: pageNumber - 1, hasTextLayer: false })
      continue
    }
    try {
      pages.push(await readPageMeta(page, pageNumber - 1))
    } finally {
      page.cleanup()
    }
  }
  return { pageCount: pdf.numPages, producer, title, encrypted, pages }
}
