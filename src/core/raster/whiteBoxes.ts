/**
 * White redaction boxes on scans: a white rectangle drawn over text with a thin dark outline (how
 * some tools and printed-then-tippexed releases look). Found as one ink component shaped like a
 * frame: a rectangle 20 pt or wider and 6–45 pt tall whose outline is inked on all four sides and
 * whose inside is empty paper. A table's cells are not found this way (the grid is one component
 * holding text), nor a bordered text box (ink inside). An empty bordered form field is, at the low
 * confidence white boxes get (0.5).
 */
import { labelComponents } from './components'
import type { GreyBitmap } from './detectRasterBoxes'

export interface WhiteBoxPx {
  /** Pixel bounds, ends exclusive. */
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
}

const MIN_WIDTH_PT = 20
const MIN_HEIGHT_PT = 6
const MAX_HEIGHT_PT = 45

export function findWhiteBoxes(bitmap: GreyBitmap, ink: Uint8Array, pxPerPt: number): WhiteBoxPx[] {
  const { width, height } = bitmap
  const minW = MIN_WIDTH_PT * pxPerPt
  const minH = MIN_HEIGHT_PT * pxPerPt
  const { components } = labelComponents(ink, width, height, Math.ceil(minW), Math.ceil(minH))
  const out: WhiteBoxPx[] = []
  for (const c of components) {
    const w = c.x1 - c.x0 + 1
    const h = c.y1 - c.y0 + 1
    if (h > MAX_HEIGHT_PT * pxPerPt) continue
    // A frame's ink is its outline: a small share of its bounds.
    if (c.area > 0.35 * w * h) continue
    if (isEmptyFrame(ink, width, c.x0, c.y0, c.x1 + 1, c.y1 + 1)) {
      out.push({ x0: c.x0, y0: c.y0, x1: c.x1 + 1, y1: c.y1 + 1 })
    }
  }
  return out
}

/**
 * Outline inked on every side — each central column has ink in the top and bottom quarter, each
 * central row in the left and right eighth (quarters and eighths absorb 2° of skew) — and no ink
 * in the middle half.
 */
function isEmptyFrame(
  ink: Uint8Array,
  width: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number
): boolean {
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
  let inside = 0
  const ix0 = x0 + Math.round(w * 0.2)
  const ix1 = x1 - Math.round(w * 0.2)
  const iy0 = y0 + Math.round(h * 0.3)
  const iy1 = y1 - Math.round(h * 0.3)
  for (let y = iy0; y < iy1; y++) for (let x = ix0; x < ix1; x++) inside += ink[y * width + x] as number
  return inside <= 0.005 * Math.max(1, (ix1 - ix0) * (iy1 - iy0))
}
