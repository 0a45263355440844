/**
 * Where to read a raster box's ground label: the places detect/labels.ts looks for a vector box's
 * label, as page strips. The box's whole line (beside it, inline after it, or out in either margin),
 * a strip just above and just below it, and its inside when something light is printed on a dark box
 * (or something dark in a white one). Strips over blank paper are dropped before any OCR, and strips
 * that overlap are merged, so a page with ten boxes costs a handful of OCR calls, not forty.
 */
import type { GreyBitmap } from '../raster/detectRasterBoxes'
import type { PageRect } from '../types'
import { area, height, intersection, union, type Rect } from '../detect/geometry'

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
/** Merge two strips when their union wastes at most this share over the two apart. */
const MERGE_SLACK = 1.3
/** Grey levels: ink below, light print on a dark box above. */
const INK_BELOW = 128
const LIGHT_ABOVE = 170
/** A strip needs this much ink (share of its pixels outside boxes) to be worth reading. */
const MIN_INK_SHARE = 0.002

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

function mergeStrips(strips: Strip[]): Strip[] {
  const out = strips.filter((s) => s.insideOf !== null)
  let open = strips.filter((s) => s.insideOf === null)
  let merged = true
  while (merged) {
    merged = false
    outer: for (let i = 0; i < open.length; i++) {
      for (let j = i + 1; j < open.length; j++) {
        const a = open[i]!.rect
        const b = open[j]!.rect
        const joint = union(a, b)
        const apart = area(a) + area(b) - (intersection(a, b) ? area(intersection(a, b)!) : 0)
        if (!intersection(a, b) || area(joint) > MERGE_SLACK * apart) continue
        open = [...open.filter((_, k) => k !== i && k !== j), { rect: joint, invert: false, insideOf: null }]
        merged = true
        break outer
      }
    }
  }
  return [...open, ...out]
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
    // The line (or the block's lines) across the whole page: beside, inline and margin labels.
    add([0, r[1] - 0.15 * lh, widthPt, r[3] + 0.15 * lh], false, null)
    const slack = SIDE_SLACK_LINES * lh
    add([r[0] - slack, r[1] - ABOVE_BELOW_LINES * lh, r[2] + slack, r[1]], false, null)
    add([r[0] - slack, r[3], r[2] + slack, r[3] + ABOVE_BELOW_LINES * lh], false, null)
    const inset: Rect = [
      r[0] + INSIDE_INSET_PT,
      r[1] + INSIDE_INSET_PT,
      r[2] - INSIDE_INSET_PT,
      r[3] - INSIDE_INSET_PT
    ]
    if (inset[2] - inset[0] < 4 || inset[3] - inset[1] < 3) return
    const printed = box.white
      ? inkShare(bitmap, pxPerPt, inset, (g) => g < INK_BELOW)
      : inkShare(bitmap, pxPerPt, inset, (g) => g > LIGHT_ABOVE)
    if (printed >= 0.01) add(inset, !box.white, index)
  })
  const inked = strips.filter(
    (s) =>
      s.insideOf !== null ||
      inkShare(bitmap, pxPerPt, s.rect, (g) => g < INK_BELOW, boxRects) >= MIN_INK_SHARE
  )
  return mergeStrips(inked)
}
