/**
 * The text of a document's pages, read with pdf.js in the renderer (the database keeps only the OCR
 * words of scanned pages, pageWords: ocrPages.ts searches those). Each document gets a short-lived pdf.js session of its own,
 * watchdog-guarded like the viewer's, closed as soon as its pages are read. Results are kept in
 * memory per document and content hash for the life of the window: a 300-page release reads in a few
 * seconds once and then searches in milliseconds; bytes never change once imported, so the cache
 * can never go stale.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api'
import type { PlacedText } from '@core/review/visibleText'
import { withheld } from '../../db/db'
import { openPdfSession } from '../../pdf/pdfSession'
import { placeTextItems } from './placedText'

export interface DocumentText {
  readonly documentId: string
  /** One string per page, index = pageIndex; lines end in "\n" where pdf.js marks an end of line. */
  readonly pages: readonly string[]
  /**
   * The same text as runs placed on the page, index = pageIndex, so what lies under a box can be left
   * out (hiddenText.ts); absent where the text was not read with places.
   */
  readonly runs?: readonly (readonly PlacedText[])[]
  /** Why some or all of it could not be read, in words; null when every page was read. */
  readonly problem: string | null
}

const cache = new Map<string, Promise<DocumentText>>()

/** pdf.js text items in reading order joined as pdf.js's own find controller does. */
export function joinTextItems(items: readonly unknown[]): string {
  let text = ''
  for (const item of items) {
    if (typeof item !== 'object' || item === null || !('str' in item)) continue
    const t = item as TextItem
    text += t.str
    if (t.hasEOL) text += '\n'
  }
  return text
}

async function read(
  documentId: string,
  onPage?: (done: number, total: number) => void
): Promise<DocumentText> {
  const file = await withheld.files.get(documentId)
  if (!file) return { documentId, pages: [], problem: 'The PDF is missing from the library.' }
  const bytes = new Uint8Array(await file.bytes.arrayBuffer())
  let session
  try {
    // A locked document is skipped rather than prompting from a search box.
    session = await openPdfSession(bytes, { askPassword: () => Promise.resolve(null) })
  } catch {
    return { documentId, pages: [], problem: 'The PDF could not be opened (locked or damaged).' }
  }
  const pages: string[] = []
  const runs: PlacedText[][] = []
  let problem: string | null = null
  try {
    for (let pageIndex = 0; pageIndex < session.pageCount; pageIndex++) {
      try {
        const page = await session.getPage(pageIndex)
        const content = await session.textContent(page)
        const viewport = page.getViewport({ scale: 1 })
        pages.push(joinTextItems(content.items))
        runs.push(placeTextItems(content.items, (x, y) => viewport.convertToViewportPoint(x, y)))
        session.releasePage(pageIndex)
      } catch {
        pages.push('')
        runs.push([])
        problem = 'Some pages could not be read.'
        if (session.dead) break
      }
      onPage?.(pageIndex + 1, session.pageCount)
    }
  } finally {
    session.close()
  }
  return { documentId, pages, runs, problem }
}

/**
 * The document's page text, read once per window. `onPage` hears progress only when this call does
 * the reading. A failed read is not cached, so a later search tries again.
 */
export function documentText(
  documentId: string,
  sha256: string,
  onPage?: (done: number, total: number) => void
): Promise<DocumentText> {
  const key = `${documentId}:${sha256}`
  let pending = cache.get(key)
  if (!pending) {
    pending = read(documentId, onPage)
    cache.set(key, pending)
    pending.catch(() => cache.delete(key))
  }
  return pending
}
