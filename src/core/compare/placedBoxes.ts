/**
 * Boxes placed in their document's reading stream, and how two placed boxes make one change. Shared
 * by the box comparison (compareDocuments.ts) and the page comparison (wholePages.ts).
 */
import type { PageRect } from '../types'
import { gapIndex, type ReadingStream } from './readingStream'
import type { Change, ChangeSide, CompareBox, CompareDocument } from './types'

export interface Placed {
  readonly pageIndex: number
  readonly box: CompareBox
  /** Stream index of the first word after the box. */
  readonly gap: number
  /** The box relative to its page size (0..1), for the geometric fallback only. */
  readonly unitRect: PageRect
}

export const side = (placed: Placed): ChangeSide => ({
  page: placed.pageIndex,
  bbox: placed.box.bbox,
  grounds: placed.box.grounds
})

/**
 * The same grounds: an unlabelled box on either side tells nothing, and a code that only adds or drops
 * a subsection (`9(2)` against `9(2)(f)(iv)`, a label cut short or read short by OCR) is no change.
 */
function sameGrounds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true
  const related = (x: string, ys: readonly string[]): boolean =>
    ys.some((y) => x.startsWith(y) || y.startsWith(x))
  return a.every((x) => related(x, b)) && b.every((y) => related(y, a))
}

export const pairChange = (older: Placed, newer: Placed): Change => ({
  status: sameGrounds(older.box.grounds, newer.box.grounds) ? 'kept' : 'ground-changed',
  old: side(older),
  new: side(newer)
})

export function unitIou(a: PageRect, b: PageRect): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0])
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  if (w <= 0 || h <= 0) return 0
  const inter = w * h
  return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)
}

export function placeBoxes(doc: CompareDocument, stream: ReadingStream, wholePage: boolean): Placed[] {
  return doc.pages.flatMap((page) =>
    page.boxes
      .filter((box) => box.wholePage === wholePage)
      .map((box) => ({
        pageIndex: page.index,
        box,
        gap: gapIndex(stream, page.index, box.bbox),
        unitRect: [
          box.bbox[0] / (page.width || 1),
          box.bbox[1] / (page.height || 1),
          box.bbox[2] / (page.width || 1),
          box.bbox[3] / (page.height || 1)
        ] as const
      }))
      .sort((p, q) => p.gap - q.gap || p.box.bbox[1] - q.box.bbox[1] || p.box.bbox[0] - q.box.bbox[0])
  )
}
