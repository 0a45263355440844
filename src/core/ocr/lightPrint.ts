/**
 * Light print on a dark box, made into dark print on white paper for OCR. A scanned box is skewed, so
 * its bounding rectangle takes in paper at two corners (up to ~9 pt tall on a 500 pt box at 1°), with
 * the neighbouring lines' text on it; inverted, that text reads as words. So the box is found first
 * as the dark region connected to the crop's middle row, and each row is read only across the box's
 * own span there; everything outside is made white. Inside the span the tones are inverted,
 * stretched and darkened (TONE), grey kept: a 7 pt white label blurred by JPEG keeps its
 * anti-aliased edges, which tesseract needs (a hard threshold breaks "s9(2)(a)" into "s9(21a)").
 */
import type { GreyBitmap } from '../raster/detectRasterBoxes'
import type { PxRect } from './ocrEngine'

/** Box ink is darker than this (the raster detector's ink level; scanned black is 0–110). */
const BOX_INK_BELOW = 110
/**
 * Grey level → output tone: inverted, stretched so box ink (≤ 110) is white paper, then darkened by
 * a 2.2 gamma. A white label blurred by JPEG and resampled has thin, light-grey strokes once
 * inverted; tesseract reads "(j)" as "())" and "(ii)" as "(i)" in them, and reads them right once the
 * strokes are darkened (measured on the scan fixtures: 2 of 4 failing labels to 4 of 4).
 */
const TONE = Uint8Array.from({ length: 256 }, (_, g) => {
  const stretched = Math.max(0, Math.min(1, (255 - g) / (255 - BOX_INK_BELOW)))
  return Math.round(255 * stretched ** 2.2)
})

/** The crop `rectPx` of `bitmap` inverted (dark print on white), with everything off the box white. */
export function lightPrintAsDark(bitmap: GreyBitmap, rectPx: PxRect): GreyBitmap {
  const x0 = Math.max(0, Math.floor(rectPx[0]))
  const y0 = Math.max(0, Math.floor(rectPx[1]))
  const x1 = Math.min(bitmap.width, Math.ceil(rectPx[2]))
  const y1 = Math.min(bitmap.height, Math.ceil(rectPx[3]))
  const w = Math.max(0, x1 - x0)
  const h = Math.max(0, y1 - y0)
  const data = new Uint8Array(w * h).fill(255)
  if (w === 0 || h === 0) return { data, width: w, height: h }
  const grey = (x: number, y: number): number => bitmap.data[(y + y0) * bitmap.width + x0 + x]!
  // The box: dark pixels 8-connected to the first dark pixel of the middle row.
  const inBox = new Uint8Array(w * h)
  const mid = h >> 1
  let start = -1
  for (let x = 0; x < w && start < 0; x++) if (grey(x, mid) < BOX_INK_BELOW) start = mid * w + x
  if (start < 0) return { data, width: w, height: h }
  const stack = [start]
  inBox[start] = 1
  while (stack.length > 0) {
    const i = stack.pop()!
    const x = i % w
    const y = (i - x) / w
    for (let dy = -1; dy <= 1; dy++) {
      const ny = y + dy
      if (ny < 0 || ny >= h) continue
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx
        if (nx < 0 || nx >= w) continue
        const j = ny * w + nx
        if (inBox[j] === 0 && grey(nx, ny) < BOX_INK_BELOW) {
          inBox[j] = 1
          stack.push(j)
        }
      }
    }
  }
  for (let y = 0; y < h; y++) {
    let lo = -1
    let hi = -1
    for (let x = 0; x < w; x++) {
      if (inBox[y * w + x] === 0) continue
      if (lo < 0) lo = x
      hi = x
    }
    // Inverted and stretched so the box's own ink is white paper: left mid-grey, its speckle would
    // make tesseract's threshold take the whole box for print.
    for (let x = lo; x >= 0 && x <= hi; x++) data[y * w + x] = TONE[grey(x, y)]!
  }
  return { data, width: w, height: h }
}
