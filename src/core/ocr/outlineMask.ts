/**
 * The outline of a white box, as rectangles to paint out before its inside is read. A scan skews the
 * box by up to 2°: across a 100 pt box its top edge drifts ~3.5 pt, so no axis-aligned inset keeps
 * the edge out of the strip without cutting into a label centred 3–4 pt below it, and tesseract
 * reads the stray edge as "—" or "_" and loses the label beside it. Each slice of the box's width is
 * masked from the box's top down to where its top edge ends, and from its bottom up likewise.
 */
import type { GreyBitmap } from '../raster/detectRasterBoxes'
import type { PxRect } from './ocrEngine'

/** Slice width, points: the edge drifts ≤ 0.1 pt across a slice at 2° of skew. */
const SLICE_PT = 3
/** A row of a slice is outline where this share of it is ink… */
const EDGE_ROW_INK = 0.6
/** …and the edge goes on while this share is (its blurred lower side). */
const EDGE_TAIL_INK = 0.3
/** Ink: darker than this grey (a 0.6 pt pen line at 300 dpi is grey ≤ 120 at its core). */
const INK_BELOW = 160
/** The edge is looked for in this share of the box's height from each side. */
const EDGE_SEARCH_SHARE = 0.4

export function outlineMasks(bitmap: GreyBitmap, boxPx: PxRect, pxPerPt: number): PxRect[] {
  const { width, height, data } = bitmap
  const x0 = Math.max(0, Math.floor(boxPx[0]))
  const y0 = Math.max(0, Math.floor(boxPx[1]))
  const x1 = Math.min(width, Math.ceil(boxPx[2]))
  const y1 = Math.min(height, Math.ceil(boxPx[3]))
  const slice = Math.max(4, Math.round(SLICE_PT * pxPerPt))
  const search = Math.round(EDGE_SEARCH_SHARE * (y1 - y0))
  const masks: PxRect[] = []
  const inkShare = (sx0: number, sx1: number, y: number): number => {
    let ink = 0
    for (let x = sx0; x < sx1; x++) if ((data[y * width + x] as number) < INK_BELOW) ink++
    return ink / (sx1 - sx0)
  }
  for (let sx0 = x0; sx0 < x1; sx0 += slice) {
    const sx1 = Math.min(x1, sx0 + slice)
    for (const dir of [1, -1] as const) {
      const start = dir > 0 ? y0 : y1 - 1
      let y = start
      let steps = 0
      while (steps < search && inkShare(sx0, sx1, y) < EDGE_ROW_INK) {
        y += dir
        steps++
      }
      if (steps >= search) continue
      while (steps < search && inkShare(sx0, sx1, y) >= EDGE_TAIL_INK) {
        y += dir
        steps++
      }
      // One pixel past the edge's blur.
      const end = y + dir
      masks.push(dir > 0 ? [sx0, start, sx1, end + 1] : [sx0, end, sx1, start + 1])
    }
  }
  return masks
}
