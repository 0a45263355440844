/**
 * Where to read a raster box's ground label: the places detect/labels.ts looks for a vector box's
 * label, as page strips. The box's line (inline after or before it, and out in either margin),
 * a strip just above and just below it when a short line is printed there, and its inside when
 * something light is printed on a dark box (or something dark in a white one). Strips over blank paper are dropped before any OCR, and strips
 * that overlap are merged, so a page with ten boxes costs a handful of OCR calls, not forty.
 */
import type { GreyBitmap } from '../raster/detectRasterBoxes'
import type { PageRect } from '../types'
import { height, intersection, union, verticalOverlap, type Rect } from '../detect/geometry'

export interface StripBox {
  readonly rect: PageRect
  /** White boxes hold dark print; every other kind light print. */
  readonly white: boolean
}

export interface Strip {
  readonly rect: PageRect
  /** Read inverted: light print on a dark box. */
  readonly invert: boolean
  /** For an inside strip, the box it belongs to (index into the boxes passed in). */
  readonly insideOf: number | null
}

/** Above/below: 1.8 line heights, a little more than labels.ts's 1.6 reach, so the label is whole. */
const ABOVE_BELOW_LINES = 1.8
/** Above/below strips reach 3 line heights past the box's sides (labels.ts's alignment slack). */
const SIDE_SLACK_LINES = 3
/** Boxes up to this tall are one text line; a taller one is a block (its line height is the page's). */
const ONE_LINE_MAX_PT = 20
const DEFAULT_LINE_HEIGHT_PT = 12
/** Inside strips stay this far inside the box edge (its ragged border would read as "|" or "l"). */
const INSIDE_INSET_PT = 1.2
/** Inline labels: read up to 10 line heights past the box ("s9(2)(a), s9(2)(j)" is ~8 at 10 pt). */
const INLINE_REACH_LINES = 10
/** Beside strips start this far off the box: its blurred edge is no print. */
const EDGE_GAP_PT = 1.5
/** Margin labels live in the outer 15% of the page on either side (72 pt of 612 is 12%). */
const MARGIN_SHARE = 0.15
/** A line above or below wider than this many line heights is body text, not a label on its own. */
const LABEL_LINE_MAX_LINES = 14
/**
 * Print worth reading: darker than this. Small type (7 pt) at 100 dpi is all anti-aliased edge and
 * seldom reaches 128; scanned paper with noise stays above ~205 (grey 232+, σ up to 8).
 */
const PRINT_BELOW = 175
/** Box ink: darker than this (scanned black is 0–110). */
const BOX_INK_BELOW = 110
const DARK_COLUMN_SHARE = 0.35
const MAX_BAND_EXTENSION_PT = 60
/** Light print on a dark box: lighter than this (box ink is 0–110 in a scan). */
const LIGHT_ABOVE = 170
/** A strip needs this much ink (share of its pixels outside boxes) to be worth reading. */
const MIN_INK_SHARE = 0.002
/**
 * Print inside a box worth reading, square points: one 7 pt character is ~6. Scanned box ink (grey
 * 0–60, noise σ ≤ 8) never passes 170, so a dark box with nothing on it stays at 0.
 */
const MIN_INSIDE_PRINT_PT2 = 4

/** The page's text line height as the boxes show it: the median one-line box height. */
export function lineHeightOfBoxes(boxes: readonly StripBox[]): number {
  const heights = boxes
    .map((b) => height(b.rect))
    .filter((h) => h > 4 && h <= ONE_LINE_MAX_PT)
    .sort((a, b) => a - b)
  return heights[heights.length >> 1] ?? DEFAULT_LINE_HEIGHT_PT
}

const clip = (r: Rect, w: number, h: number): Rect | null => intersection(r, [0, 0, w, h])

/** Share of pixels in `rect` (points) that pass `test`, skipping pixels inside any of `skip`. */
export function inkShare(
  bitmap: GreyBitmap,
  pxPerPt: number,
  rect: Rect,
  test: (grey: number) => boolean,
  skip: readonly Rect[] = []
): number {
  const x0 = Math.max(0, Math.floor(rect[0] * pxPerPt))
  const y0 = Math.max(0, Math.floor(rect[1] * pxPerPt))
  const x1 = Math.min(bitmap.width, Math.ceil(rect[2] * pxPerPt))
  const y1 = Math.min(bitmap.height, Math.ceil(rect[3] * pxPerPt))
  const skipPx = skip.map((s) => s.map((v) => v * pxPerPt))
  let hits = 0
  let total = 0
  for (let y = y0; y < y1; y++) {
    const rowSkips = skipPx.filter((s) => y + 0.5 >= s[1]! && y + 0.5 <= s[3]!)
    for (let x = x0; x < x1; x++) {
      if (rowSkips.some((s) => x + 0.5 >= s[0]! && x + 0.5 <= s[2]!)) continue
      total++
      if (test(bitmap.data[y * bitmap.width + x]!)) hits++
    }
  }
  return total > 0 ? hits / total : 0
}

/** Strips of one line band that touch or overlap become one (never across lines: a block of body
 * text read as one strip costs seconds). */
function mergeStrips(strips: Strip[]): Strip[] {
  const out = strips.filter((s) => s.insideOf !== null)
  const open = strips
    .filter((s) => s.insideOf === null)
    .sort((a, b) => a.rect[1] - b.rect[1] || a.rect[0] - b.rect[0])
  const merged: Strip[] = []
  for (const strip of open) {
    const into = merged.findIndex(
      (m) =>
        verticalOverlap(m.rect, strip.rect) >= 0.7 &&
        Math.abs(height(m.rect) - height(strip.rect)) <= 0.3 * Math.max(height(m.rect), height(strip.rect)) &&
        strip.rect[0] <= m.rect[2] + 2 &&
        strip.rect[2] >= m.rect[0] - 2
    )
    if (into >= 0) merged[into] = { ...merged[into]!, rect: union(merged[into]!.rect, strip.rect) }
    else merged.push(strip)
  }
  return [...merged, ...out]
}

/** Horizontal extent (points) of the ink in `rect`, boxes skipped; null on blank paper. */
export function inkExtentX(
  bitmap: GreyBitmap,
  pxPerPt: number,
  rect: Rect,
  skip: readonly Rect[]
): [number, number] | null {
  const x0 = Math.max(0, Math.floor(rect[0] * pxPerPt))
  const y0 = Math.max(0, Math.floor(rect[1] * pxPerPt))
  const x1 = Math.min(bitmap.width, Math.ceil(rect[2] * pxPerPt))
  const y1 = Math.min(bitmap.height, Math.ceil(rect[3] * pxPerPt))
  const skipPx = skip.map((r) => r.map((v) => v * pxPerPt))
  let lo = Infinity
  let hi = -Infinity
  for (let x = x0; x < x1; x++) {
    let dark = 0
    for (let y = y0; y < y1; y++) {
      if (bitmap.data[y * bitmap.width + x]! >= PRINT_BELOW) continue
      if (skipPx.some((r) => x + 0.5 >= r[0]! && x + 0.5 <= r[2]! && y + 0.5 >= r[1]! && y + 0.5 <= r[3]!))
        continue
      dark++
    }
    // Two dark pixels in a column: a glyph stroke, not a speck.
    if (dark >= 2) {
      lo = Math.min(lo, x)
      hi = Math.max(hi, x + 1)
    }
  }
  return lo < hi ? [lo / pxPerPt, hi / pxPerPt] : null
}

/**
 * Where the dark band of box `r` really ends, left and right (points): columns are walked outward
 * while at least 35% of the band's middle rows in them are box ink (a 7 pt label in a 14 pt box
 * leaves over half of each column dark), up to 60 pt each way.
 */
export function darkBandEnds(bitmap: GreyBitmap, pxPerPt: number, r: Rect): [number, number] {
  const y0 = Math.max(0, Math.floor((r[1] + 0.2 * height(r)) * pxPerPt))
  const y1 = Math.min(bitmap.height, Math.ceil((r[3] - 0.2 * height(r)) * pxPerPt))
  const darkColumn = (x: number): boolean => {
    if (x < 0 || x >= bitmap.width || y1 <= y0) return false
    let dark = 0
    for (let y = y0; y < y1; y++) if (bitmap.data[y * bitmap.width + x]! < BOX_INK_BELOW) dark++
    return dark >= DARK_COLUMN_SHARE * (y1 - y0)
  }
  const reach = Math.round(MAX_BAND_EXTENSION_PT * pxPerPt)
  let x0 = Math.floor(r[0] * pxPerPt)
  for (let n = 0; n < reach && darkColumn(x0 - 1); n++) x0--
  let x1 = Math.ceil(r[2] * pxPerPt)
  for (let n = 0; n < reach && darkColumn(x1); n++) x1++
  return [Math.min(r[0], x0 / pxPerPt), Math.max(r[2], x1 / pxPerPt)]
}

/**
 * Strips to OCR for `boxes` on a page of `widthPt` × `heightPt`, keeping only those with print in
 * them (measured on `bitmap`, the raster pass's page image at `pxPerPt`).
 */
export function labelStrips(
  boxes: readonly StripBox[],
  widthPt: number,
  heightPt: number,
  bitmap: GreyBitmap,
  pxPerPt: number
): Strip[] {
  const pageLh = lineHeightOfBoxes(boxes)
  // Grown by 1.5 pt: a scanned box's ragged, blurred edge is not print beside it.
  const boxRects = boxes.map((b): Rect => [
    b.rect[0] - 1.5,
    b.rect[1] - 1.5,
    b.rect[2] + 1.5,
    b.rect[3] + 1.5
  ])
  const strips: Strip[] = []
  const add = (r: Rect, invert: boolean, insideOf: number | null): void => {
    const c = clip(r, widthPt, heightPt)
    if (c && c[2] - c[0] >= 2 && c[3] - c[1] >= 2) strips.push({ rect: c, invert, insideOf })
  }
  boxes.forEach((box, index) => {
    const r = box.rect
    const h = height(r)
    const lh = h <= ONE_LINE_MAX_PT ? Math.max(h, 6) : pageLh
    const band: Rect = [0, r[1] - 0.15 * lh, widthPt, r[3] + 0.15 * lh]
    // The line (or the block's lines): right after the box and just before it (inline labels), and
    // the two margins (labels set out to the side). The body text between is never a label.
    const reach = INLINE_REACH_LINES * lh
    add([r[2] + EDGE_GAP_PT, band[1], r[2] + reach, band[3]], false, null)
    add([r[0] - reach, band[1], r[0] - EDGE_GAP_PT, band[3]], false, null)
    add([0, band[1], MARGIN_SHARE * widthPt, band[3]], false, null)
    add([(1 - MARGIN_SHARE) * widthPt, band[1], widthPt, band[3]], false, null)
    // Above and below: only a short line can be a label on its own; a full line of body text is not.
    const slack = SIDE_SLACK_LINES * lh
    for (const [top, bottom] of [
      [r[1] - ABOVE_BELOW_LINES * lh, r[1]],
      [r[3], r[3] + ABOVE_BELOW_LINES * lh]
    ] as const) {
      const extent = inkExtentX(bitmap, pxPerPt, [0, top, widthPt, bottom], boxRects)
      if (!extent || extent[1] - extent[0] > LABEL_LINE_MAX_LINES * lh) continue
      add(
        [Math.max(r[0] - slack, extent[0] - 2), top, Math.min(r[2] + slack, extent[1] + 2), bottom],
        false,
        null
      )
    }
    // A dark box's ends may have been left out by the box finder where a white label breaks its ink
    // (a label at the box's left end): the inside is read on to where the dark band really ends.
    const [left, right] = box.white ? [r[0], r[2]] : darkBandEnds(bitmap, pxPerPt, r)
    const inset: Rect = [
      left + INSIDE_INSET_PT,
      r[1] + INSIDE_INSET_PT,
      right - INSIDE_INSET_PT,
      r[3] - INSIDE_INSET_PT
    ]
    if (inset[2] - inset[0] < 4 || inset[3] - inset[1] < 3) return
    const printed = box.white
      ? inkShare(bitmap, pxPerPt, inset, (g) => g < PRINT_BELOW)
      : inkShare(bitmap, pxPerPt, inset, (g) => g > LIGHT_ABOVE)
    // By area, not share: a 35 pt label in a 500 pt line-wide box is under 1% of it.
    const printedPt2 = printed * (inset[2] - inset[0]) * (inset[3] - inset[1])
    if (printedPt2 >= MIN_INSIDE_PRINT_PT2) add(inset, !box.white, index)
  })
  const inked = strips.filter(
    (s) =>
      s.insideOf !== null ||
      inkShare(bitmap, pxPerPt, s.rect, (g) => g < PRINT_BELOW, boxRects) >= MIN_INK_SHARE
  )
  return mergeStrips(inked)
}
