/**
 * White redaction boxes on scans: a white rectangle drawn over text with a thin dark outline (how
 * some tools and printed-then-tippexed releases look). Found as one ink component shaped like a
 * frame: a rectangle 20 pt or wider and 6–45 pt tall whose outline is inked on all four sides and
 * whose inside is empty paper. Words the outline touches join its component; the frame is taken
 * from the long runs of its top and bottom edges. A table's grid with text in its cells is not
 * found (ink inside; a tall grid is over 45 pt), nor a bordered text box holding prose. An empty
 * bordered form field is, at the low confidence white boxes get (0.5).
 *
 * A frame whose inside holds one short line of print, centred between top and bottom, may be a
 * white box labelled with its ground ("s9(2)(a)" printed inside, as many NZ releases do). Pixels
 * alone cannot tell that from a one-cell table or a text box holding a word, so such a frame is
 * returned `labelled`: the scan keeps it only when OCR reads a ground label inside it
 * (readScannedPage). Two lines of print, or a line longer than a label (90 pt), is not a candidate.
 */
import { type Component, type RunTable, labelComponents } from './components'
import type { GreyBitmap } from './detectRasterBoxes'
import { MAX_LABEL_WIDTH_PT } from './merge'

export interface WhiteBoxPx {
  /** Pixel bounds, ends exclusive. */
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
  /** Print inside shaped like a label: a redaction only if that print reads as a ground. */
  readonly labelled: boolean
}

const MIN_WIDTH_PT = 20
const MIN_HEIGHT_PT = 6
const MAX_HEIGHT_PT = 45
/** A box's outline is at most this thick, points (a 1.2 pt pen line blurred by a scanner). */
const MAX_OUTLINE_PT = 2
/** An outline's top and bottom edges are runs at least this long, points, even 2° skewed. */
const MIN_EDGE_RUN_PT = 8
/** Label print is one line: at most this tall, points (a 10 pt label with descenders is ~10 pt). */
const MAX_LABEL_HEIGHT_PT = 12
/** …and at least this tall, points: a digit at 6 pt. Shorter ink inside is speckle or a dash. */
const MIN_LABEL_HEIGHT_PT = 3

export function findWhiteBoxes(bitmap: GreyBitmap, ink: Uint8Array, pxPerPt: number): WhiteBoxPx[] {
  const { width, height } = bitmap
  const minW = MIN_WIDTH_PT * pxPerPt
  const minH = MIN_HEIGHT_PT * pxPerPt
  const { components, runs } = labelComponents(ink, width, height, Math.ceil(minW), Math.ceil(minH))
  const out: WhiteBoxPx[] = []
  for (const c of components) {
    const r = outlineRect(c, runs, pxPerPt)
    if (!r) continue
    const w = r.x1 - r.x0
    const h = r.y1 - r.y0
    if (w < minW || h < minH || h > MAX_HEIGHT_PT * pxPerPt) continue
    // A frame's ink is its outline: a small share of its bounds, or (a small box) a thin line round it.
    const area = inkWithin(c, runs, r)
    if (area > Math.max(0.35 * w * h, 2 * (w + h) * MAX_OUTLINE_PT * pxPerPt)) continue
    if (!isFrame(ink, width, r.x0, r.y0, r.x1, r.y1)) continue
    if (isEmptyInside(ink, width, r.x0, r.y0, r.x1, r.y1)) out.push({ ...r, labelled: false })
    else if (holdsLabel(ink, width, c, runs, r, pxPerPt)) out.push({ ...r, labelled: true })
  }
  return out
}

interface PxRect {
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
}

/**
 * The outline's own rectangle (ends exclusive): a word the outline touches (a descender on its top
 * edge, a letter against its side) widens the component but adds no long horizontal run. The frame
 * spans the long runs (≥ 8 pt; a glyph is narrower): its top and bottom edges.
 */
function outlineRect(c: Component, runs: RunTable, pxPerPt: number): PxRect | null {
  const minRun = MIN_EDGE_RUN_PT * pxPerPt
  let x0 = Infinity
  let x1 = -1
  let y0 = Infinity
  let y1 = -1
  for (const i of c.runs) {
    const rx0 = runs.x0[i] as number
    const rx1 = runs.x1[i] as number
    if (rx1 - rx0 + 1 < minRun) continue
    const y = runs.y[i] as number
    x0 = Math.min(x0, rx0)
    x1 = Math.max(x1, rx1)
    y0 = Math.min(y0, y)
    y1 = Math.max(y1, y)
  }
  return y1 >= y0 ? { x0, y0, x1: x1 + 1, y1: y1 + 1 } : null
}

/** The component's pixels inside `r`. */
function inkWithin(c: Component, runs: RunTable, r: PxRect): number {
  let area = 0
  for (const i of c.runs) {
    const y = runs.y[i] as number
    if (y < r.y0 || y >= r.y1) continue
    area += Math.max(0, Math.min(r.x1 - 1, runs.x1[i] as number) - Math.max(r.x0, runs.x0[i] as number) + 1)
  }
  return area
}

/**
 * Outline inked on every side: each central column has ink in the top and bottom quarter, each
 * central row in the left and right eighth (quarters and eighths absorb 2° of skew).
 */
function isFrame(ink: Uint8Array, width: number, x0: number, y0: number, x1: number, y1: number): boolean {
  const w = x1 - x0
  const h = y1 - y0
  const band = Math.max(2, Math.round(h / 4))
  const side = Math.max(2, Math.round(w / 8))
  for (let x = x0 + Math.round(w * 0.1); x < x1 - Math.round(w * 0.1); x++) {
    let top = false
    let bottom = false
    for (let y = y0; y < y0 + band && !top; y++) top = ink[y * width + x] === 1
    for (let y = y1 - band; y < y1 && !bottom; y++) bottom = ink[y * width + x] === 1
    if (!top || !bottom) return false
  }
  for (let y = y0 + Math.round(h * 0.3); y < y1 - Math.round(h * 0.3); y++) {
    let left = false
    let right = false
    for (let x = x0; x < x0 + side && !left; x++) left = ink[y * width + x] === 1
    for (let x = x1 - side; x < x1 && !right; x++) right = ink[y * width + x] === 1
    if (!left || !right) return false
  }
  return true
}

/** No ink in the middle half of a frame. */
function isEmptyInside(
  ink: Uint8Array,
  width: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number
): boolean {
  const w = x1 - x0
  const h = y1 - y0
  let inside = 0
  const ix0 = x0 + Math.round(w * 0.2)
  const ix1 = x1 - Math.round(w * 0.2)
  const iy0 = y0 + Math.round(h * 0.3)
  const iy1 = y1 - Math.round(h * 0.3)
  for (let y = iy0; y < iy1; y++) for (let x = ix0; x < ix1; x++) inside += ink[y * width + x] as number
  return inside <= 0.005 * Math.max(1, (ix1 - ix0) * (iy1 - iy0))
}

/**
 * The ink enclosed by a frame (not the frame's own pixels; left and right of it and above and below
 * it the frame, which follows a skewed outline) is one short line of print: 3–12 pt tall, its
 * middle within a fifth of the frame's height of the frame's middle, no wider than a ground label.
 */
function holdsLabel(
  ink: Uint8Array,
  width: number,
  frame: Component,
  runs: RunTable,
  r: PxRect,
  pxPerPt: number
): boolean {
  const w = r.x1 - r.x0
  const h = r.y1 - r.y0
  const own = new Uint8Array(w * h)
  const rowMin = new Int32Array(h).fill(w)
  const rowMax = new Int32Array(h).fill(-1)
  const colMin = new Int32Array(w).fill(h)
  const colMax = new Int32Array(w).fill(-1)
  // The frame's own pixels in r (the words it touches lie outside r).
  for (const i of frame.runs) {
    const y = (runs.y[i] as number) - r.y0
    if (y < 0 || y >= h) continue
    const xa = Math.max(0, (runs.x0[i] as number) - r.x0)
    const xb = Math.min(w - 1, (runs.x1[i] as number) - r.x0)
    for (let x = xa; x <= xb; x++) {
      own[y * w + x] = 1
      rowMin[y] = Math.min(rowMin[y] as number, x)
      rowMax[y] = Math.max(rowMax[y] as number, x)
      colMin[x] = Math.min(colMin[x] as number, y)
      colMax[x] = Math.max(colMax[x] as number, y)
    }
  }
  let count = 0
  let ix0 = w
  let ix1 = -1
  let iy0 = h
  let iy1 = -1
  for (let y = 0; y < h; y++) {
    for (let x = (rowMin[y] as number) + 1; x < (rowMax[y] as number); x++) {
      if (y <= (colMin[x] as number) || y >= (colMax[x] as number) || own[y * w + x] === 1) continue
      if (ink[(r.y0 + y) * width + r.x0 + x] !== 1) continue
      count++
      ix0 = Math.min(ix0, x)
      ix1 = Math.max(ix1, x)
      iy0 = Math.min(iy0, y)
      iy1 = Math.max(iy1, y)
    }
  }
  if (count === 0) return false
  const printH = iy1 - iy0 + 1
  const printW = ix1 - ix0 + 1
  if (printH < MIN_LABEL_HEIGHT_PT * pxPerPt || printH > MAX_LABEL_HEIGHT_PT * pxPerPt) return false
  if (printW > MAX_LABEL_WIDTH_PT * pxPerPt) return false
  // Centred between the outline's top and bottom where the print's middle column crosses them.
  const cx = ix0 + (printW >> 1)
  const frameMid2 = (colMin[cx] as number) + (colMax[cx] as number)
  return Math.abs(iy0 + iy1 - frameMid2) / 2 <= 0.2 * h
}
