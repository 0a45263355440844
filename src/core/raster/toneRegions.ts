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

/**
 * A separator's pixels are lighter than the fill by this share of the fill's contrast with paper (at
 * least SEPARATOR_MIN_LIGHTER levels): at 100 dpi a one-pixel hairline between two grey bars blurs to
 * only 20–30 levels lighter than the bars, while a flat fill varies by under 10.
 */
const SEPARATOR_LIGHTER = 0.12
const SEPARATOR_MIN_LIGHTER = 14
/** A separator crosses at least this share of the box. */
const SEPARATOR_SPAN = 0.85

/** Splits a rectangle at lines of lighter pixels crossing it: columns first, then rows in each part. */
export function splitAtSeparators(bitmap: GreyBitmap, rect: RectPx, tone: number, paper: number): RectPx[] {
  const cut = tone + Math.max(SEPARATOR_MIN_LIGHTER, SEPARATOR_LIGHTER * (paper - tone))
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
export function outsideFill(
  mask: Uint8Array,
  width: number,
  height: number,
  rect: RectPx,
  /** Pixels past the edge that count as the box's neighbour rather than its continuation. */
  neighbour: (i: number) => boolean = () => false
): number[] {
  const [x0, y0, x1, y1] = rect
  const at = (i: number): number => (mask[i] && !neighbour(i) ? 1 : 0)
  const row = (y: number): number => {
    if (y < 0 || y >= height) return 0
    let n = 0
    for (let x = x0; x < x1; x++) n += at(y * width + x)
    return n / Math.max(1, x1 - x0)
  }
  const col = (x: number): number => {
    if (x < 0 || x >= width) return 0
    let n = 0
    for (let y = y0; y < y1; y++) n += at(y * width + x)
    return n / Math.max(1, y1 - y0)
  }
  return [row(y0 - 2), row(y1 + 1), col(x0 - 2), col(x1 + 1)]
}

/** Rows whose filled columns change by more than this (points, both ends together) start another box. */
const STEP_PT = 4
/** No box is thinner than this (points): thinner slabs are rows of print. */
const MIN_SLAB_PT = 4

/**
 * Boxes stacked with no gap but different extents (a "To:" line's boxes on a "From:" line's) are one
 * component shaped like steps or a mosaic; a redaction is a rectangle. So the component is cut into
 * slabs where its rows change (more than STEP_PT of columns filled or emptied from one row to the
 * next; a label inside does not count, its holes are filled), and each slab at its empty columns.
 */
export function splitAtSteps(mask: Uint8Array, width: number, rect: RectPx, pxPerPt: number): RectPx[] {
  const [x0, y0, x1, y1] = rect
  const step = STEP_PT * pxPerPt
  const slabs: [number, number][] = []
  let start = y0
  for (let y = y0 + 1; y < y1; y++) {
    let changed = 0
    for (let x = x0; x < x1; x++) if (mask[y * width + x] !== mask[(y - 1) * width + x]) changed++
    if (changed > step) {
      slabs.push([start, y])
      start = y
    }
  }
  slabs.push([start, y1])
  // Rows of print change from one row to the next (glyph shapes): a run of slabs thinner than a box
  // can be is one slab of print, judged (and turned down) as a whole.
  const minSlab = MIN_SLAB_PT * pxPerPt
  const merged: [number, number][] = []
  for (const slab of slabs) {
    const last = merged[merged.length - 1]
    if (last && last[1] - last[0] < minSlab && slab[1] - slab[0] < minSlab) last[1] = slab[1]
    else merged.push([slab[0], slab[1]])
  }
  const rows = merged.map(([ya, yb]) => ({ ya, yb, runs: filledRuns(mask, width, x0, x1, ya, yb) }))
  // A paragraph withheld as touching bars, the last one shorter, is one box: each row one bar, left
  // ends aligned, the lower no longer than the upper. A mosaic of rows of boxes is not.
  const out: RectPx[] = []
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    const only = row.runs.length === 1 ? row.runs[0]! : null
    const prev = out[out.length - 1]
    const prevRow = rows[i - 1]
    if (
      only &&
      prev &&
      prevRow?.runs.length === 1 &&
      prev[3] === row.ya &&
      Math.abs(prev[0] - only[0]) <= step / 2 &&
      only[1] <= prev[2] + step / 2
    ) {
      out[out.length - 1] = [Math.min(prev[0], only[0]), prev[1], Math.max(prev[2], only[1]), row.yb]
      continue
    }
    for (const [a, b] of row.runs) out.push([a, row.ya, b, row.yb])
  }
  return out
}

/** Column runs of a slab where at least half of each column is filled. */
function filledRuns(
  mask: Uint8Array,
  width: number,
  x0: number,
  x1: number,
  ya: number,
  yb: number
): [number, number][] {
  const runs: [number, number][] = []
  let run = -1
  for (let x = x0; x <= x1; x++) {
    let filled = 0
    if (x < x1) for (let y = ya; y < yb; y++) filled += mask[y * width + x] as number
    const full = x < x1 && filled * 2 >= yb - ya
    if (full && run < 0) run = x
    if (!full && run >= 0) {
      runs.push([run, x])
      run = -1
    }
  }
  return runs
}

/**
 * Mean |grey − tone| along the line 2 px outside each side (top, bottom, left, right). Past a box's
 * edge lies paper or print (far from its tone), or an abutting box of its tone (within noise). A
 * tone that runs on a few levels off is a gradient or a photo going on past the cut.
 */
export function sideContrast(bitmap: GreyBitmap, rect: RectPx, tone: number): number[] {
  const { data, width, height } = bitmap
  const [x0, y0, x1, y1] = rect
  const line = (xa: number, ya: number, xb: number, yb: number): number => {
    let sum = 0
    let n = 0
    for (let y = Math.max(0, ya); y < Math.min(height, yb); y++)
      for (let x = Math.max(0, xa); x < Math.min(width, xb); x++) {
        sum += Math.abs((data[y * width + x] as number) - tone)
        n++
      }
    return n > 0 ? sum / n : 255
  }
  return [
    line(x0, y0 - 2, x1, y0 - 1),
    line(x0, y1 + 1, x1, y1 + 2),
    line(x0 - 2, y0, x0 - 1, y1),
    line(x1 + 1, y0, x1 + 2, y1)
  ]
}
