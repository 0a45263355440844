/**
 * The fast way to a scanned page's grey bitmap: average the already-decoded page images straight
 * into it, instead of asking pdf.js to paint them on a canvas. pdf.js's canvas path copies the whole
 * image into an RGBA canvas and halves it step by step; on a 300 dpi A4 scan that is ~170 ms a page,
 * while one pass over the decoded pixels is ~25 ms (bench/raster.bench.ts).
 *
 * Only what a scan is made of is handled: upright or quarter-turned images (no skew, no shear) of
 * pdf.js's raw kinds, each at least at the target resolution so every target pixel gets a source
 * pixel. Anything else returns null and the caller renders the page. Vector drawing on top of the
 * image is left out on purpose: the raster detector is after what the pixels say, and a vector box
 * drawn over them was judged by the vector pass (a box over already-black pixels is still counted
 * once: rasterPass.ts drops the pixel box it covers).
 */
import { OPS } from '../pdf/ops'
import type { FillBox } from '../pdf/pageContent'
import { pathShapes } from '../pdf/pathRects'
import type { OperatorListLike } from '../pdf/walkOperatorList'
import type { Matrix } from '../types'
import type { GreyBitmap } from '../raster/detectRasterBoxes'
import type { DecodedImage } from './imageUnderBox'

export interface PlacedImage {
  readonly image: DecodedImage
  /** CTM of the paint in displayed-page points: the image's unit square onto the page. */
  readonly matrix: Matrix
  /** Drawing order (the walker's counter, shared with fills). */
  readonly seq: number
}

/** What the direct path paints, in drawing order: the decoded images and the page's rectangle fills. */
export interface PageLayers {
  readonly images: readonly PlacedImage[]
  readonly fills: readonly FillBox[]
}

/** Fewer source pixels than target pixels would leave target pixels with no source pixel centre. */
const MIN_DOWNSCALE = 1
const SKEW_EPS = 1e-6

/**
 * For each source index along one axis, the target index its centre falls in (or -1 outside), given
 * page = scale · (i + 0.5) / n + offset along that axis.
 */
function axisMap(n: number, scale: number, offset: number, pxPerPt: number, size: number): Int32Array {
  const map = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const t = Math.floor((scale * ((i + 0.5) / n) + offset) * pxPerPt)
    map[i] = t >= 0 && t < size ? t : -1
  }
  return map
}

/**
 * The page's images averaged into a white grey bitmap of `widthPt × heightPt` at `pxPerPt`, painted
 * in order (a later image covers an earlier one), or null when any image is not one this handles.
 */
export function rasterFromImages(
  layers: PageLayers,
  widthPt: number,
  heightPt: number,
  pxPerPt: number
): GreyBitmap | null {
  const width = Math.max(1, Math.floor(widthPt * pxPerPt))
  const height = Math.max(1, Math.floor(heightPt * pxPerPt))
  // Fills of unknown colour (patterns) or blended (multiply pens) need a real renderer.
  if (layers.fills.some((f) => f.colour === null || f.blended)) return null
  const plans = []
  for (const { image, matrix, seq } of layers.images) {
    const [a, b, c, d, e, f] = matrix
    const { width: W, height: H, kind, data } = image
    const need = kind === 1 ? ((W + 7) >> 3) * H : kind === 2 ? W * H * 3 : kind === 3 ? W * H * 4 : Infinity
    if (!(W > 0 && H > 0) || data.length < need) return null
    const upright = Math.abs(b) < SKEW_EPS && Math.abs(c) < SKEW_EPS
    const turned = Math.abs(a) < SKEW_EPS && Math.abs(d) < SKEW_EPS
    if (!upright && !turned) return null
    // Source column u = (sx + 0.5) / W, row v = 1 − (sy + 0.5) / H; page x = a·u + c·v + e, y = b·u + d·v + f.
    // Upright: x from u, y from v. Quarter-turned: x from v, y from u.
    const xScale = upright ? a : c
    const yScale = upright ? d : b
    const xSource = upright ? W : H
    const ySource = upright ? H : W
    if (Math.abs(xSource / (xScale * pxPerPt)) < MIN_DOWNSCALE) return null
    if (Math.abs(ySource / (yScale * pxPerPt)) < MIN_DOWNSCALE) return null
    // Rows run downward in the image (v falls as sy grows): v = 1 − (sy + 0.5)/H, i.e. scale −1, offset 1.
    const colMap = upright ? axisMap(W, a, e, pxPerPt, width) : axisMap(W, b, f, pxPerPt, height) // u → page y
    const rowMap = upright ? axisMap(H, -d, d + f, pxPerPt, height) : axisMap(H, -c, c + e, pxPerPt, width) // v → page x
    plans.push({ seq, image, upright, colMap, rowMap })
  }
  const sum = new Uint32Array(width * height)
  const grey = new Uint8Array(width * height).fill(255)
  const steps = [
    ...plans.map((plan) => ({ seq: plan.seq, plan, fill: null })),
    ...layers.fills.map((fill) => ({ seq: fill.seq, plan: null, fill }))
  ].sort((x, y) => x.seq - y.seq)
  for (const { plan, fill } of steps) {
    if (fill) {
      paintFill(fill, grey, width, height, pxPerPt)
      continue
    }
    if (!plan) continue
    sum.fill(0)
    accumulate(plan.image, plan.upright, plan.colMap, plan.rowMap, width, sum)
    // Each target pixel's source count is (sources in its row bin) × (sources in its column bin).
    const byCol = binCounts(plan.upright ? plan.colMap : plan.rowMap, width)
    const byRow = binCounts(plan.upright ? plan.rowMap : plan.colMap, height)
    const perCol = new Float64Array(width)
    for (let x = 0; x < width; x++) perCol[x] = byCol[x]! > 0 ? 1 / byCol[x]! : 0
    for (let y = 0; y < height; y++) {
      const rows = byRow[y]!
      if (rows === 0) continue
      const perRow = 1 / rows
      for (let x = 0, k = y * width; x < width; x++, k++) {
        const scale = perCol[x]!
        // A multiply, not a divide, per pixel: ~12 → ~4 ms a page at 100 dpi.
        if (scale > 0) grey[k] = (sum[k]! * scale * perRow + 0.5) | 0
      }
    }
  }
  return { data: grey, width, height }
}

/** A rectangle fill in its grey, over what is there at its alpha (normal blending). */
function paintFill(fill: FillBox, grey: Uint8Array, width: number, height: number, pxPerPt: number): void {
  if (fill.colour === null || fill.alpha <= 0) return
  const [r, g, b] = fill.colour
  // The same Rec. 601 luma as the image pixels (and rasterPage.ts's rgbaToGrey).
  const level = (77 * r + 150 * g + 29 * b) >> 8
  const alpha = Math.min(1, fill.alpha)
  const x0 = Math.max(0, Math.round(fill.rect[0] * pxPerPt))
  const x1 = Math.min(width, Math.round(fill.rect[2] * pxPerPt))
  const y0 = Math.max(0, Math.round(fill.rect[1] * pxPerPt))
  const y1 = Math.min(height, Math.round(fill.rect[3] * pxPerPt))
  for (let y = y0; y < y1; y++) {
    for (let k = y * width + x0, end = y * width + x1; k < end; k++) {
      grey[k] = alpha === 1 ? level : Math.round(alpha * level + (1 - alpha) * grey[k]!)
    }
  }
}

/** Path paints the direct path cannot reproduce: strokes, and fills that are not plain rectangles. */
const STROKES = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke
])
const FILLS = new Set<number>([OPS.fill, OPS.eoFill])

/**
 * True when the page paints nothing but images, rectangle fills and text: what rasterFromImages
 * draws (text is left out; the raster detector ignores glyph-sized ink). Strokes (an ink annotation
 * scribbled over a scan), curved fills, shadings and image masks send the page to the renderer.
 */
export function paintsOnlyRectsAndImages(list: OperatorListLike): boolean {
  const identity: Matrix = [1, 0, 0, 1, 0, 0]
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]
    if (fn === OPS.shadingFill || fn === OPS.paintImageMaskXObject || fn === OPS.paintImageXObjectRepeat) {
      return false
    }
    if (fn !== OPS.constructPath) continue
    const args = list.argsArray[i] as unknown[] | null | undefined
    const paint = args?.[0] as number | undefined
    if (paint === undefined) continue
    if (STROKES.has(paint)) return false
    if (!FILLS.has(paint)) continue
    const data = (args?.[1] as ArrayLike<unknown> | undefined)?.[0] as ArrayLike<number> | undefined
    if (data && pathShapes(data, identity).others.length > 0) return false
  }
  return true
}

/**
 * Adds every source pixel's grey to the target pixel its centre falls in. The target index splits
 * into a part from the source row and one from the source column (upright: row·width + col; turned:
 * page x from the row, page y·width from the column), so the inner loop is one add per pixel.
 */
function accumulate(
  image: DecodedImage,
  upright: boolean,
  colMap: Int32Array,
  rowMap: Int32Array,
  width: number,
  sum: Uint32Array
): void {
  const { width: W, height: H, kind, data } = image
  const rowBytes = (W + 7) >> 3
  const colPart = new Int32Array(W)
  for (let sx = 0; sx < W; sx++) {
    const c = colMap[sx]!
    colPart[sx] = c < 0 ? -1 : upright ? c : c * width
  }
  for (let sy = 0; sy < H; sy++) {
    const r = rowMap[sy]!
    if (r < 0) continue
    const rowPart = upright ? r * width : r
    if (kind === 2) {
      for (let sx = 0, j = sy * W * 3; sx < W; sx++, j += 3) {
        const c = colPart[sx]!
        if (c >= 0) sum[rowPart + c]! += (77 * data[j]! + 150 * data[j + 1]! + 29 * data[j + 2]!) >> 8
      }
    } else if (kind === 1) {
      const base = sy * rowBytes
      for (let sx = 0; sx < W; sx++) {
        const c = colPart[sx]!
        if (c >= 0 && (data[base + (sx >> 3)]! & (0x80 >> (sx & 7))) !== 0) sum[rowPart + c]! += 255
      }
    } else {
      for (let sx = 0, j = sy * W * 4; sx < W; sx++, j += 4) {
        const c = colPart[sx]!
        if (c < 0) continue
        const luma = (77 * data[j]! + 150 * data[j + 1]! + 29 * data[j + 2]!) >> 8
        const alpha = data[j + 3]!
        sum[rowPart + c]! += alpha === 255 ? luma : (luma * alpha + 255 * (255 - alpha)) / 255
      }
    }
  }
}

/** How many source indices land in each target index. */
function binCounts(map: Int32Array, size: number): Uint32Array {
  const counts = new Uint32Array(size)
  for (const t of map) if (t >= 0) counts[t]!++
  return counts
}
