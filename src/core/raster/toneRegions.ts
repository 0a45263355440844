/**
 * Shaping a tone-box component into the boxes it holds (toneBoxes.ts):
 *  - trim: a glyph touching a box joins its component (once a glyph's counters are filled it is
 *    solid enough to survive erosion); the box is the dense core, so edge rows and columns that
 *    are mostly paper are cut off;
 *  - split: bars set a hairline apart blur into one component at 100 dpi; a straight line of lighter
 *    pixels crossing the whole box (a separator) makes them visibly separate redactions. A label's
 *    column never crosses the whole box: the fill runs on above and below it.
 */
import type { GreyBitmap } from './detectRasterBoxes'

export type RectPx = readonly [x0: number, y0: number, x1: number, y1: number]

/** An edge row or column is part of the box when this share of it is fill. */
const EDGE_MIN_FILL = 0.88

export function trimRect(mask: Uint8Array, width: number, rect: RectPx): RectPx | null {
  let [x0, y0, x1, y1] = rect
  const rowFill = (y: number): number => {
    let n = 0
    for (let x = x0; x < x1; x++) n += mask[y * width + x] as number
    return n / Math.max(1, x1 - x0)
  }
  const colFill = (x: number): number => {
    let n = 0
    for (let y = y0; y < y1; y++) n += mask[y * width + x] as number
    return n / Math.max(1, y1 - y0)
  }
  // Drop the sparsest edge first, so a glyph hanging off one corner costs the box nothing.
  for (let guard = 0; guard < 4096 && x1 - x0 > 2 && y1 - y0 > 2; guard++) {
    const edges = [rowFill(y0), rowFill(y1 - 1), colFill(x0), colFill(x1 - 1)]
    const worst = edges.indexOf(Math.min(...edges))
    if ((edges[worst] as number) >= EDGE_MIN_FILL) return [x0, y0, x1, y1]
    if (worst === 0) y0++
    else if (worst === 1) y1--
    else if (worst === 2) x0++
    else x1--
  }
  return null
}

/** A separator's pixels are lighter than the fill by this share of the fill's contrast with paper. */
const SEPARATOR_LIGHTER = 0.4
/** A separator crosses at least this share of the box. */
const SEPARATOR_SPAN = 0.85

/** Splits a rectangle at lines of lighter pixels crossing it: columns first, then rows in each part. */
export function splitAtSeparators(bitmap: GreyBitmap, rect: RectPx, tone: number, paper: number): RectPx[] {
  const cut = tone + Math.max(20, SEPARATOR_LIGHTER * (paper - tone))
  return splitRecursively(bitmap, rect, cut, MAX_SPLIT_DEPTH)
}

/** Rows of bars, each row bars side by side: a few alternations of rows and columns suffice. */
const MAX_SPLIT_DEPTH = 4

function splitRecursively(bitmap: GreyBitmap, rect: RectPx, cut: number, depth: number): RectPx[] {
  if (depth === 0) return [rect]
  for (const axis of ['y', 'x'] as const) {
    const parts = splitAxis(bitmap, rect, cut, axis)
    if (parts.length > 1) return parts.flatMap((part) => splitRecursively(bitmap, part, cut, depth - 1))
  }
  return [rect]
}

function splitAxis(bitmap: GreyBitmap, rect: RectPx, cut: number, axis: 'x' | 'y'): RectPx[] {
  const { data, width } = bitmap
  const [x0, y0, x1, y1] = rect
  const [a0, a1, b0, b1] = axis === 'x' ? [x0, x1, y0, y1] : [y0, y1, x0, x1]
  const light = (a: number): boolean => {
    let n = 0
    for (let b = b0; b < b1; b++) {
      const v = data[axis === 'x' ? b * width + a : a * width + b] as number
      if (v > cut) n++
    }
    return n >= SEPARATOR_SPAN * (b1 - b0)
  }
  const out: RectPx[] = []
  let start = a0
  // The first and last two lines are the box's blurred edge, not separators.
  for (let a = a0 + 2; a < a1 - 2; a++) {
    if (!light(a)) continue
    let end = a
    while (end < a1 - 2 && light(end)) end++
    if (a > start) out.push(axis === 'x' ? [start, y0, a, y1] : [x0, start, x1, a])
    start = end
    a = end
  }
  out.push(axis === 'x' ? [start, y0, x1, y1] : [x0, start, x1, y1])
  return out.filter((r) => r[2] > r[0] && r[3] > r[1])
}

/**
 * Fill share of the lines just outside each side of a rectangle (2 px out). A box's edge is hard:
 * outside it lies paper, a separator, or the odd glyph of a word it touches; a rectangle cut out of a
 * larger blob (a bold glyph, a photo) has more of the blob beyond every side.
 */
export function outsideFill(mask: Uint8Array, width: number, height: number, rect: RectPx): number[] {
  const [x0, y0, x1, y1] = rect
  const row = (y: number): number => {
    if (y < 0 || y >= height) return 0
    let n = 0
    for (let x = x0; x < x1; x++) n += mask[y * width + x] as number
    return n / Math.max(1, x1 - x0)
  }
  const col = (x: number): number => {
    if (x < 0 || x >= width) return 0
    let n = 0
    for (let y = y0; y < y1; y++) n += mask[y * width + x] as number
    return n / Math.max(1, y1 - y0)
  }
  return [row(y0 - 2), row(y1 + 1), col(x0 - 2), col(x1 + 1)]
}
