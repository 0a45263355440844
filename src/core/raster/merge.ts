/**
 * Candidate boxes (pixel rectangles) after classification: a box end is carried across a white
 * ground label printed there (erosion stops at the label), then pieces that are one redaction are
 * merged — overlapping boxes, pieces split by a label, and the stacked bars of one block.
 */
import type { GreyBitmap } from './detectRasterBoxes'

/** A box in bitmap pixels, ends exclusive; mutable while it is refined. */
export interface Candidate {
  x0: number
  y0: number
  /** Exclusive. */
  x1: number
  y1: number
  marker: boolean
  confidence: number
  darkMean: number
}

/**
 * A gap between two pieces of one box split by a white label: the box's top and bottom margins run
 * on above and below the label (≥ 70% ink in the top and bottom fifth), ≥ 50% ink overall, and no
 * column is paper (a bold glyph between two word boxes has paper beside it and above its descender).
 */
function isInkGap(
  bitmap: GreyBitmap,
  darkBelow: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number
): boolean {
  const ya = Math.max(0, y0)
  const yb = Math.min(bitmap.height, y1)
  const xa = Math.max(0, x0)
  const xb = Math.min(bitmap.width, x1)
  if (xb <= xa) return true
  if (yb <= ya) return false
  const band = Math.max(1, Math.round(0.2 * (yb - ya)))
  let dark = 0
  let top = 0
  let bottom = 0
  for (let x = xa; x < xb; x++) {
    let column = 0
    for (let y = ya; y < yb; y++) {
      if ((bitmap.data[y * bitmap.width + x] as number) >= darkBelow) continue
      column++
      if (y < ya + band) top++
      else if (y >= yb - band) bottom++
    }
    if (column < 0.15 * (yb - ya)) return false
    dark += column
  }
  const cols = xb - xa
  return dark >= 0.5 * cols * (yb - ya) && top >= 0.7 * cols * band && bottom >= 0.7 * cols * band
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0))

/** Ink share beside a bar above which there is text there (a line of text is ≥ 8% ink). */
const MAX_INK_BESIDE_BAR = 0.03

/** Ink share in [x0, x1) over the middle 60% of the rows [y0, y1): skew moves the ends of a bar. */
function inkBeside(
  bitmap: GreyBitmap,
  darkBelow: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number
): number {
  const inset = Math.round(0.2 * (y1 - y0))
  let dark = 0
  let total = 0
  for (let y = Math.max(0, y0 + inset); y < Math.min(bitmap.height, y1 - inset); y++) {
    const row = y * bitmap.width
    for (let x = Math.max(0, x0); x < Math.min(bitmap.width, x1); x++) {
      total++
      if ((bitmap.data[row + x] as number) < darkBelow) dark++
    }
  }
  return total > 0 ? dark / total : 0
}

/** Should a and b be one box? Returns true when they were merged into a. */
function shouldMerge(a: Candidate, b: Candidate, bitmap: GreyBitmap, darkBelow: number): boolean {
  const ah = a.y1 - a.y0
  const bh = b.y1 - b.y0
  const aw = a.x1 - a.x0
  const bw = b.x1 - b.x0
  const xOver = overlap(a.x0, a.x1, b.x0, b.x1)
  const yOver = overlap(a.y0, a.y1, b.y0, b.y1)
  // Overlapping by a third of the smaller: one box drawn over another. Mere contact is judged below.
  if (xOver * yOver >= 0.3 * Math.min(aw * ah, bw * bh)) return true
  // Stacked bars (one block redaction drawn line by line): line-long bars, the shorter almost wholly
  // under or over the other, touching (issue 11: bars with paper between them, however thin, are as
  // many redactions as bars; finishPage groups them into a passage). Every bar but the last runs to its line's end
  // and every bar but the first starts its line, so there is no text right of the upper bar nor
  // left of the lower one; word boxes on successive lines have text beside them and stay apart.
  const gapY = Math.max(a.y0, b.y0) - Math.min(a.y1, b.y1)
  const lineLong = Math.max(aw / ah, bw / bh) >= 4
  const close = gapY <= 0
  if (lineLong && close && xOver >= 0.8 * Math.min(aw, bw)) {
    const upper = a.y0 <= b.y0 ? a : b
    const lower = upper === a ? b : a
    const uh = upper.y1 - upper.y0
    const lh = lower.y1 - lower.y0
    const rightOfUpper = inkBeside(bitmap, darkBelow, upper.x1 + 3, upper.x1 + 3 + 2 * uh, upper.y0, upper.y1)
    const leftOfLower = inkBeside(bitmap, darkBelow, lower.x0 - 3 - 2 * lh, lower.x0 - 3, lower.y0, lower.y1)
    if (rightOfUpper <= MAX_INK_BESIDE_BAR && leftOfLower <= MAX_INK_BESIDE_BAR) return true
  }
  // Same line, split by a white label: the gap is still mostly ink and no column of it is paper
  // (a bold glyph between two word boxes has paper on either side of it).
  if (yOver >= 0.6 * Math.min(ah, bh)) {
    const left = a.x0 < b.x0 ? a : b
    const right = left === a ? b : a
    const gy0 = Math.max(a.y0, b.y0)
    const gy1 = Math.min(a.y1, b.y1)
    if (right.x0 - left.x1 <= 12 * (gy1 - gy0) && isInkGap(bitmap, darkBelow, left.x1, gy0, right.x0, gy1))
      return true
  }
  return false
}

/**
 * Longest ground label printed in or at a box, points ("s9(2)(a), s9(2)(g)(i)" at 8 pt is ~85 pt):
 * how far a box end may be carried across a white label here, and the widest print inside a white
 * (whiteBoxes.ts) or dark (labelledBox.ts) box that still reads as a label rather than prose.
 */
export const MAX_LABEL_WIDTH_PT = 90

/**
 * Moves one end of a box outward across a white ground label printed at that end: erosion stops at
 * the label, but the box's own top and bottom margins run on past it. A column belongs to the box
 * while its top and bottom fifth (of the box's local height) are ≥ 60% ink and it holds ≥ 15% ink.
 * Text beside a box fails: glyphs leave the descender zone (bottom fifth) empty.
 */
export function extendEnd(
  c: Candidate,
  bitmap: GreyBitmap,
  darkBelow: number,
  pxPerPt: number,
  dir: -1 | 1
): void {
  const { width, data } = bitmap
  const edge = dir < 0 ? c.x0 : c.x1 - 1
  const dark = (x: number, y: number): boolean => (data[y * width + x] as number) < darkBelow
  let top = -1
  let bottom = -1
  for (let y = c.y0; y < c.y1; y++) {
    if (!dark(edge, y)) continue
    if (top < 0) top = y
    bottom = y
  }
  const h = bottom - top + 1
  if (top < 0 || h < 4) return
  const band = Math.max(1, Math.round(0.2 * h))
  const limit = MAX_LABEL_WIDTH_PT * pxPerPt
  let reached = edge
  for (let step = 1, x = edge + dir; step <= limit && x >= 0 && x < width; step++, x += dir) {
    let topInk = 0
    let bottomInk = 0
    let ink = 0
    for (let y = top; y <= bottom; y++) {
      if (!dark(x, y)) continue
      ink++
      if (y < top + band) topInk++
      else if (y > bottom - band) bottomInk++
    }
    if (topInk < 0.6 * band || bottomInk < 0.6 * band || ink < 0.15 * h) break
    reached = x
  }
  if (dir < 0) c.x0 = reached
  else c.x1 = reached + 1
}

export function mergeCandidates(cands: Candidate[], bitmap: GreyBitmap, darkBelow: number): Candidate[] {
  const out = cands.slice()
  let changed = true
  while (changed) {
    changed = false
    for (let i = 0; i < out.length && !changed; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i] as Candidate
        const b = out[j] as Candidate
        if (!shouldMerge(a, b, bitmap, darkBelow)) continue
        const aArea = (a.x1 - a.x0) * (a.y1 - a.y0)
        const bArea = (b.x1 - b.x0) * (b.y1 - b.y0)
        out[i] = {
          x0: Math.min(a.x0, b.x0),
          y0: Math.min(a.y0, b.y0),
          x1: Math.max(a.x1, b.x1),
          y1: Math.max(a.y1, b.y1),
          marker: a.marker && b.marker,
          confidence: (a.confidence * aArea + b.confidence * bArea) / (aArea + bArea),
          darkMean: (a.darkMean * aArea + b.darkMean * bArea) / (aArea + bArea)
        }
        out.splice(j, 1)
        changed = true
        break
      }
    }
  }
  return out
}
