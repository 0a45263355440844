/**
 * Geometry of manual edits, in page space: drawing a box from a drag, moving, resizing and nudging
 * it, rubber-band hits, "does this box cover the page" and the zoom that frames a selection. All in
 * `pageRect` points (displayed page, origin top-left, y down): the overlay is a plain scale of that
 * space (the page's /Rotate and CropBox were applied when it was stored), so converting a pointer
 * position is one division by the zoom, whatever the page's rotation. Pure, so Node tests it.
 */
import type { PageRect } from '../types'

/** A page's displayed size in points (rotation applied: a /Rotate 90 Letter page is 792 × 612). */
export interface PageSizePt {
  readonly width: number
  readonly height: number
}

/** A point in page space, points. */
export interface PagePoint {
  readonly x: number
  readonly y: number
}

/**
 * Smaller than this on either side is a click, not a box: 3 pt is ~4 CSS px at 100 %, below the
 * wobble of a mouse click, and thinner than any redaction bar (an 8 pt line of text is ~10 pt tall).
 */
export const MIN_SIDE_PT = 3

/** Arrow keys move a box 1 pt; with Shift 10 pt (about one line of 8 pt text). */
export const NUDGE_STEP_PT = 1
export const NUDGE_LARGE_STEP_PT = 10

/**
 * A box covering this share of the page counts as the whole page: detected full-page boxes stop a
 * margin short (an A4 page, 595 × 842 pt, blacked out to 18 pt margins covers 90 %; to 36 pt, 80 %).
 */
export const PAGE_COVER_SHARE = 0.8

/** Points from CSS px inside a page drawn at `scale` (CSS px per point). */
export function viewToPagePoint(xPx: number, yPx: number, scale: number): PagePoint {
  return { x: xPx / scale, y: yPx / scale }
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v))

/** Corners sorted so x0 ≤ x1 and y0 ≤ y1. */
export function normaliseRect(rect: PageRect): PageRect {
  const [a, b, c, d] = rect
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)]
}

/** Rounded to 1/100 pt: stored rects stay readable in exports and compare exactly after a round trip. */
export function roundRect(rect: PageRect): PageRect {
  const r = (v: number): number => Math.round(v * 100) / 100
  return [r(rect[0]), r(rect[1]), r(rect[2]), r(rect[3])]
}

/** The box a drag from `start` to `end` draws, clipped to the page; null when it is a click. */
export function rectFromDrag(start: PagePoint, end: PagePoint, page: PageSizePt): PageRect | null {
  const x0 = clamp(Math.min(start.x, end.x), 0, page.width)
  const x1 = clamp(Math.max(start.x, end.x), 0, page.width)
  const y0 = clamp(Math.min(start.y, end.y), 0, page.height)
  const y1 = clamp(Math.max(start.y, end.y), 0, page.height)
  if (x1 - x0 < MIN_SIDE_PT || y1 - y0 < MIN_SIDE_PT) return null
  return roundRect([x0, y0, x1, y1])
}

/** `rect` moved by (dx, dy) points, kept whole on the page (it stops at the edge, keeping its size). */
export function moveRect(rect: PageRect, dx: number, dy: number, page: PageSizePt): PageRect {
  const [x0, y0, x1, y1] = normaliseRect(rect)
  const w = x1 - x0
  const h = y1 - y0
  const left = clamp(x0 + dx, 0, Math.max(0, page.width - w))
  const top = clamp(y0 + dy, 0, Math.max(0, page.height - h))
  return roundRect([left, top, left + w, top + h])
}

/** Which edges a resize handle drags: n/s move the top/bottom edge, e/w the right/left. */
export type ResizeHandle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw'
export const RESIZE_HANDLES: readonly ResizeHandle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w']

/**
 * `rect` with the handle's edges moved by (dx, dy) points, clipped to the page. An edge stops
 * MIN_SIDE_PT short of the opposite one, so a resize never flips or collapses the box.
 */
export function resizeRect(
  rect: PageRect,
  handle: ResizeHandle,
  dx: number,
  dy: number,
  page: PageSizePt
): PageRect {
  let [x0, y0, x1, y1] = normaliseRect(rect)
  if (handle.includes('w')) x0 = clamp(x0 + dx, 0, x1 - MIN_SIDE_PT)
  if (handle.includes('e')) x1 = clamp(x1 + dx, x0 + MIN_SIDE_PT, page.width)
  if (handle.includes('n')) y0 = clamp(y0 + dy, 0, y1 - MIN_SIDE_PT)
  if (handle.includes('s')) y1 = clamp(y1 + dy, y0 + MIN_SIDE_PT, page.height)
  return roundRect([x0, y0, x1, y1])
}

/** Arrow key → (dx, dy) in points, or null for any other key. */
export function nudgeDelta(key: string, large: boolean): { dx: number; dy: number } | null {
  const step = large ? NUDGE_LARGE_STEP_PT : NUDGE_STEP_PT
  switch (key) {
    case 'ArrowLeft':
      return { dx: -step, dy: 0 }
    case 'ArrowRight':
      return { dx: step, dy: 0 }
    case 'ArrowUp':
      return { dx: 0, dy: -step }
    case 'ArrowDown':
      return { dx: 0, dy: step }
    default:
      return null
  }
}

/** True when the two rects share any area or edge (a rubber band "touching" a box selects it). */
export function rectsTouch(a: PageRect, b: PageRect): boolean {
  const [ax0, ay0, ax1, ay1] = normaliseRect(a)
  const [bx0, by0, bx1, by1] = normaliseRect(b)
  return ax0 <= bx1 && bx0 <= ax1 && ay0 <= by1 && by0 <= ay1
}

/** The smallest rect holding all of `rects`; null for none. */
export function unionRect(rects: readonly PageRect[]): PageRect | null {
  if (rects.length === 0) return null
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const rect of rects) {
    const [a, b, c, d] = normaliseRect(rect)
    x0 = Math.min(x0, a)
    y0 = Math.min(y0, b)
    x1 = Math.max(x1, c)
    y1 = Math.max(y1, d)
  }
  return [x0, y0, x1, y1]
}

/** True when `rect` covers at least PAGE_COVER_SHARE of the page's area. */
export function coversPage(rect: PageRect, page: PageSizePt): boolean {
  const [x0, y0, x1, y1] = normaliseRect(rect)
  const w = Math.max(0, Math.min(x1, page.width) - Math.max(x0, 0))
  const h = Math.max(0, Math.min(y1, page.height) - Math.max(y0, 0))
  return w * h >= PAGE_COVER_SHARE * page.width * page.height
}

/**
 * The zoom (CSS px per point) at which `rect` fills a viewport of the given CSS size, leaving
 * `marginPx` on each side; clamped to [minScale, maxScale] (a 14 pt bar would otherwise ask for
 * ~5,000 %).
 */
export function scaleToFit(
  rect: PageRect,
  viewport: { readonly width: number; readonly height: number },
  limits: { readonly minScale: number; readonly maxScale: number },
  marginPx = 48
): number {
  const [x0, y0, x1, y1] = normaliseRect(rect)
  const w = Math.max(MIN_SIDE_PT, x1 - x0)
  const h = Math.max(MIN_SIDE_PT, y1 - y0)
  const scale = Math.min(
    Math.max(1, viewport.width - 2 * marginPx) / w,
    Math.max(1, viewport.height - 2 * marginPx) / h
  )
  return clamp(scale, limits.minScale, limits.maxScale)
}
