/**
 * Where each page sits in the continuous scroll, and which pages are near enough to the viewport to
 * deserve a canvas. Pure and O(log n) per scroll event: a 1,000-page document is a 1,000-entry array
 * of offsets, not 1,000 DOM nodes.
 */

/** A page's displayed size in points (rotation applied), as db.pages or pdf.js report it. */
export interface PageSizePt {
  readonly width: number
  readonly height: number
}

/** Gap between pages and around the stack, CSS px. */
export const PAGE_GAP_PX = 16

/** Pages kept live beyond the visible ones on each side: smooth scrolling without holding 1,000 canvases. */
export const OVERSCAN_PAGES = 2

export interface PageLayout {
  /** CSS px from the top of the scroll content to each page's top edge. */
  readonly tops: readonly number[]
  readonly widths: readonly number[]
  readonly heights: readonly number[]
  readonly totalHeight: number
  readonly maxWidth: number
}

/**
 * CSS size of a page at `scale` (CSS px per point), rounded down like pdf.js's text layer
 * (`round(down, var(--total-scale-factor) * w, 1px)`), so canvas, text and overlay line up.
 */
export function pageCssSize(size: PageSizePt, scale: number): { width: number; height: number } {
  return {
    width: Math.max(1, Math.floor(size.width * scale)),
    height: Math.max(1, Math.floor(size.height * scale))
  }
}

/** @param gapPx space above each page and below the last (the thumbnail rail leaves room for labels). */
export function computeLayout(
  sizes: readonly PageSizePt[],
  scale: number,
  gapPx: number = PAGE_GAP_PX
): PageLayout {
  const tops: number[] = []
  const widths: number[] = []
  const heights: number[] = []
  let y = gapPx
  let maxWidth = 0
  for (const size of sizes) {
    const { width, height } = pageCssSize(size, scale)
    tops.push(y)
    widths.push(width)
    heights.push(height)
    maxWidth = Math.max(maxWidth, width)
    y += height + gapPx
  }
  return { tops, widths, heights, totalHeight: y, maxWidth }
}

/** The page whose box (or the gap after it) contains content offset `y`; clamped to the document. */
export function pageAtOffset(layout: PageLayout, y: number): number {
  const { tops } = layout
  if (tops.length === 0) return 0
  let lo = 0
  let hi = tops.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((tops[mid] ?? 0) <= y) lo = mid
    else hi = mid - 1
  }
  return lo
}

export interface PageWindow {
  /** First and last page (0-based, inclusive) with any part inside the viewport. */
  readonly firstVisible: number
  readonly lastVisible: number
  /** First and last page that keep a canvas: visible ± OVERSCAN_PAGES. */
  readonly firstLive: number
  readonly lastLive: number
}

export function pageWindow(
  layout: PageLayout,
  scrollTop: number,
  viewportHeight: number,
  overscan: number = OVERSCAN_PAGES
): PageWindow {
  const count = layout.tops.length
  if (count === 0) return { firstVisible: 0, lastVisible: -1, firstLive: 0, lastLive: -1 }
  const firstVisible = pageAtOffset(layout, scrollTop)
  // A page ending in the gap above the viewport is not visible: step to the next one.
  const first =
    (layout.tops[firstVisible] ?? 0) + (layout.heights[firstVisible] ?? 0) <= scrollTop &&
    firstVisible < count - 1
      ? firstVisible + 1
      : firstVisible
  const lastVisible = Math.max(first, pageAtOffset(layout, scrollTop + Math.max(0, viewportHeight) - 1))
  return {
    firstVisible: first,
    lastVisible,
    firstLive: Math.max(0, first - overscan),
    lastLive: Math.min(count - 1, lastVisible + overscan)
  }
}

/**
 * The page a reader is "on": the one covering the most of the viewport's upper half, which is what
 * the page box shows and what keyboard paging starts from.
 */
export function currentPage(layout: PageLayout, scrollTop: number, viewportHeight: number): number {
  const { firstVisible, lastVisible } = pageWindow(layout, scrollTop, viewportHeight, 0)
  const bandTop = scrollTop
  const bandBottom = scrollTop + viewportHeight / 2
  let best = firstVisible
  let bestCover = -1
  for (let i = firstVisible; i <= lastVisible; i++) {
    const top = layout.tops[i] ?? 0
    const cover = Math.min(bandBottom, top + (layout.heights[i] ?? 0)) - Math.max(bandTop, top)
    if (cover > bestCover + 0.5) {
      best = i
      bestCover = cover
    }
  }
  return best
}

/** A scroll position expressed as "this far into that page", which survives a zoom change. */
export interface ScrollAnchor {
  readonly pageIndex: number
  /** 0..1 down the page's height (may exceed 1 when the anchor sits in the gap below it). */
  readonly fraction: number
  /** Where the anchor point sits in the viewport, CSS px from its top edge. */
  readonly viewportY: number
}

export function anchorAt(layout: PageLayout, scrollTop: number, viewportY: number): ScrollAnchor {
  const y = scrollTop + viewportY
  const pageIndex = pageAtOffset(layout, y)
  const top = layout.tops[pageIndex] ?? 0
  const height = layout.heights[pageIndex] ?? 1
  return { pageIndex, fraction: (y - top) / height, viewportY }
}

/** The scrollTop that puts `anchor` back at the same viewport position in a new layout. */
export function scrollTopFor(layout: PageLayout, anchor: ScrollAnchor): number {
  const top = layout.tops[anchor.pageIndex] ?? 0
  const height = layout.heights[anchor.pageIndex] ?? 0
  return Math.max(0, top + anchor.fraction * height - anchor.viewportY)
}
