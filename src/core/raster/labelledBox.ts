/**
 * A dark box with its ground printed inside in white ("s9(2)(a)" on a black bar), which erosion
 * breaks up: the label leaves only thin margins above and below it, so what survives is a ragged
 * remnant, or two pieces, that the classifier does not take for a rectangle. Judged on the pixels of
 * the box itself once its ends are found (merge.ts extendEnd): dark rims on all four sides, and
 * inside one short line of light glyphs no wider than a ground label. A reverse-video header is a
 * long line of light text (≥ 100 pt) and fails the width test; a photo fails the flat-ink test.
 */
import type { GreyBitmap } from './detectRasterBoxes'
import { countLightGlyphs } from './lightText'
import { MAX_LABEL_WIDTH_PT } from './merge'

/** A rim is this share ink: JPEG speckle and a ragged edge leave a few light pixels on it. */
const MIN_RIM_INK = 0.85
/** Scan skew tolerated, degrees: a rim row this far in stays on the box along its whole length. */
const MAX_SKEW_DEG = 2

export interface LabelledBoxTone {
  readonly darkBelow: number
  readonly lightAbove: number
  readonly minGlyphPx: number
}

export function isDarkBoxWithLabel(
  bitmap: GreyBitmap,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  tone: LabelledBoxTone,
  pxPerPt: number
): boolean {
  const { width, data } = bitmap
  const w = x1 - x0
  const h = y1 - y0
  // Skew moves a long box's top and bottom edges by tan(2°)·w: rims are read that far in.
  const inY = 1 + Math.ceil(Math.tan((MAX_SKEW_DEG * Math.PI) / 180) * w)
  const inX = 1 + Math.ceil(Math.tan((MAX_SKEW_DEG * Math.PI) / 180) * h)
  if (w < 4 * inX || h < 2 * inY + 4) return false
  const dark = (x: number, y: number): number => ((data[y * width + x] as number) < tone.darkBelow ? 1 : 0)
  let top = 0
  let bottom = 0
  for (let x = x0 + inX; x < x1 - inX; x++) {
    top += dark(x, y0 + inY)
    bottom += dark(x, y1 - 1 - inY)
  }
  let left = 0
  let right = 0
  for (let y = y0 + inY; y < y1 - inY; y++) {
    left += dark(x0 + inX, y)
    right += dark(x1 - 1 - inX, y)
  }
  const across = w - 2 * inX
  const down = h - 2 * inY
  if (Math.min(top / across, bottom / across, left / down, right / down) < MIN_RIM_INK) return false
  let light = 0
  let mid = 0
  let lightX0 = x1
  let lightX1 = x0
  for (let y = y0 + inY + 1; y < y1 - inY - 1; y++) {
    for (let x = x0 + inX + 1; x < x1 - inX - 1; x++) {
      const g = data[y * width + x] as number
      if (g > tone.lightAbove) {
        light++
        lightX0 = Math.min(lightX0, x)
        lightX1 = Math.max(lightX1, x)
      } else if (g >= tone.darkBelow) mid++
    }
  }
  const inner = (across - 2) * (down - 2)
  // A photo or a shaded logo: many mid greys (a white label's antialiased edges stay under ~25%).
  if (mid > 0.3 * inner) return false
  const share = light / inner
  if (share < 0.03 || share > 0.45) return false
  if (lightX1 - lightX0 + 1 > MAX_LABEL_WIDTH_PT * pxPerPt) return false
  const box = { x0: x0 + inX + 1, y0: y0 + inY + 1, x1: x1 - inX - 2, y1: y1 - inY - 2 }
  return countLightGlyphs(data, width, box, tone.lightAbove, tone.minGlyphPx) >= 3
}
