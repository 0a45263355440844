/**
 * The panel list's layout as plain numbers: page headers and redaction rows flattened into one
 * column with known heights, so only the rows in view are mounted (a 5,000-row release keeps ~30
 * rows in the DOM) and jumping to a row is one offset lookup.
 */
export const PAGE_HEADER_PX = 28
export const ROW_PX = 52
/** Rows mounted beyond each edge of the view, so a fast scroll never shows a blank strip. */
export const OVERSCAN_ROWS = 6

export type ListEntry<T> =
  | { readonly type: 'page'; readonly pageIndex: number; readonly count: number }
  | { readonly type: 'item'; readonly item: T; readonly ordinal: number }

export interface ListLayout<T> {
  readonly entries: readonly ListEntry<T>[]
  /** tops[i] is entry i's offset from the list's top, px; tops has entries.length + 1 values. */
  readonly tops: readonly number[]
  readonly indexById: ReadonlyMap<string, number>
}

/** `items` must already be in reading order. */
export function layoutList<T extends { id: string; pageIndex: number }>(items: readonly T[]): ListLayout<T> {
  const entries: ListEntry<T>[] = []
  const perPage = new Map<number, number>()
  for (const item of items) perPage.set(item.pageIndex, (perPage.get(item.pageIndex) ?? 0) + 1)
  let page = -1
  items.forEach((item, ordinal) => {
    if (item.pageIndex !== page) {
      page = item.pageIndex
      entries.push({ type: 'page', pageIndex: page, count: perPage.get(page) ?? 0 })
    }
    entries.push({ type: 'item', item, ordinal })
  })
  const tops = [0]
  const indexById = new Map<string, number>()
  entries.forEach((entry, i) => {
    tops.push(tops[i]! + (entry.type === 'page' ? PAGE_HEADER_PX : ROW_PX))
    if (entry.type === 'item') indexById.set(entry.item.id, i)
  })
  return { entries, tops, indexById }
}

/** The first entry whose bottom is below `offsetPx` (binary search over tops). */
export function entryAt(tops: readonly number[], offsetPx: number): number {
  let lo = 0
  let hi = Math.max(0, tops.length - 2)
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (tops[mid + 1]! <= offsetPx) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The scrollTop that brings entry `index` fully into a view of `viewPx`, or null when it already is. */
export function scrollToShow(
  tops: readonly number[],
  index: number,
  scrollTop: number,
  viewPx: number
): number | null {
  const top = tops[index]
  const bottom = tops[index + 1]
  if (top === undefined || bottom === undefined) return null
  // Keep the page header above the first row of a page in view too.
  const wantTop =
    index > 0 && tops[index - 1] !== undefined && bottom - tops[index - 1]! <= viewPx
      ? top - PAGE_HEADER_PX
      : top
  if (wantTop < scrollTop) return Math.max(0, wantTop)
  if (bottom > scrollTop + viewPx) return bottom - viewPx
  return null
}
