/**
 * Scan skew: pages fed through a scanner come out turned by up to ~2°. Over a 450 pt line that moves
 * an end by 15 pt, so the bars of a paragraph withheld line by line, each a clean rectangle on the
 * paper, overlap one another's upright bounds and no straight line of paper separates them. The
 * detector therefore finds the skew, turns the page upright, finds boxes there, and turns each box's
 * corners back onto the page it was given (reporting the upright hull, as a reader would draw it).
 *
 * The angle is the one that makes the page's dark rows sharpest: text lines and box edges are
 * horizontal on the paper, so the variance of the row sums of dark pixels peaks at the true angle
 * (a projection profile), measured over ±3° in 0.1° steps on every row and every fourth column.
 */
import type { GreyBitmap } from './detectRasterBoxes'

/** Largest skew looked for, degrees. */
const MAX_SKEW_DEG = 3
const STEP_DEG = 0.1
/** Below this the page is called straight: turning it would only blur it. */
export const MIN_SKEW_DEG = 0.25
/** Turning must sharpen the profile by this factor to count as skew. */
const MIN_GAIN = 1.1
/** Dark enough to be ink for the profile. */
const INK_BELOW = 160
/** The profile is measured on every SAMPLE-th pixel each way. */
const SAMPLE = 4

export function estimateSkewDeg(bitmap: GreyBitmap): number {
  const { data, width, height } = bitmap
  // Every row, one sample per SAMPLE columns (dark when any of them is: point samples alias with
  // the period of glyph strokes). Rows must be sampled as finely as the profile is binned, or the
  // straight angle wins by putting every sample in every other bin.
  const xs: number[] = []
  const ys: number[] = []
  for (let y = 0; y < height; y++)
    for (let bx = 0; bx + SAMPLE <= width; bx += SAMPLE) {
      let dark = false
      for (let x = bx; x < bx + SAMPLE; x++)
        if ((data[y * width + x] as number) < INK_BELOW) {
          dark = true
          break
        }
      if (dark) {
        xs.push(bx + SAMPLE / 2)
        ys.push(y)
      }
    }
  if (xs.length < 200) return 0
  let best = 0
  let bestScore = -1
  let straightScore = 0
  const bins = new Float64Array(height + Math.ceil(width / 8) + 8)
  const cx = width / 2
  for (let deg = -MAX_SKEW_DEG; deg <= MAX_SKEW_DEG + 1e-9; deg += STEP_DEG) {
    const t = Math.tan((deg * Math.PI) / 180)
    bins.fill(0)
    // Row a pixel would fall on once the page is turned by -deg (small angles: y' ≈ y − t·x).
    const offset = Math.ceil(width / 16) + 4
    for (let i = 0; i < xs.length; i++) {
      const row = Math.round(ys[i]! - t * (xs[i]! - cx)) + offset
      if (row >= 0 && row < bins.length) bins[row]! += 1
    }
    let score = 0
    for (let i = 0; i < bins.length; i++) score += bins[i]! * bins[i]!
    if (Math.abs(deg) < STEP_DEG / 2) straightScore = score
    if (score > bestScore) {
      bestScore = score
      best = deg
    }
  }
  // A page with little on it (one box, a blank page) gives a flat profile: call it straight unless
  // turning it sharpens the rows clearly.
  if (bestScore < MIN_GAIN * straightScore) return 0
  return Math.round(best * 10) / 10
}

/**
 * The bitmap turned by -deg about its centre (bilinear), same size. A point (x, y) of the result
 * came from `toSource(x, y)` of the input. Corners the turn brings in from outside take `fill`, or
 * without it the nearest edge pixel: the image's edge then stays its edge, so a scanner's shading
 * along it still touches the border (toneBoxes.ts rejects what touches it) rather than ending at a
 * made-up white wedge.
 */
export function rotateBitmap(bitmap: GreyBitmap, deg: number, fill?: number): GreyBitmap {
  const { data, width, height } = bitmap
  const out = new Uint8Array(width * height)
  const a = (deg * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const cx = (width - 1) / 2
  const cy = (height - 1) / 2
  for (let y = 0; y < height; y++) {
    const dy = y - cy
    for (let x = 0; x < width; x++) {
      const dx = x - cx
      // Source of the upright pixel: turn (dx, dy) back by +deg.
      const sx = cx + dx * cos - dy * sin
      const sy = cy + dx * sin + dy * cos
      const x0 = Math.floor(sx)
      const y0 = Math.floor(sy)
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        const nearestX = Math.min(width - 1, Math.max(0, Math.round(sx)))
        const nearestY = Math.min(height - 1, Math.max(0, Math.round(sy)))
        out[y * width + x] = fill ?? (data[nearestY * width + nearestX] as number)
        continue
      }
      const fx = sx - x0
      const fy = sy - y0
      const i = y0 * width + x0
      const top = (data[i] as number) * (1 - fx) + (data[i + 1] as number) * fx
      const bottom = (data[i + width] as number) * (1 - fx) + (data[i + width + 1] as number) * fx
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy)
    }
  }
  return { data: out, width, height }
}

/** Upright-page pixel rectangle → the input page's axis-aligned hull of its turned corners. */
export function rectToSource(
  rect: readonly [number, number, number, number],
  deg: number,
  width: number,
  height: number
): [number, number, number, number] {
  const a = (deg * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const cx = (width - 1) / 2
  const cy = (height - 1) / 2
  const xs: number[] = []
  const ys: number[] = []
  for (const [x, y] of [
    [rect[0], rect[1]],
    [rect[2], rect[1]],
    [rect[0], rect[3]],
    [rect[2], rect[3]]
  ] as const) {
    const dx = x - cx
    const dy = y - cy
    xs.push(cx + dx * cos - dy * sin)
    ys.push(cy + dx * sin + dy * cos)
  }
  return [
    Math.max(0, Math.min(...xs)),
    Math.max(0, Math.min(...ys)),
    Math.min(width, Math.max(...xs)),
    Math.min(height, Math.max(...ys))
  ]
}
