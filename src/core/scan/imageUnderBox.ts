/**
 * Judges the pixels of a page image under a vector box. A box drawn over a scan hides the image only
 * on screen: whoever deletes the box, or extracts the image, sees what lies beneath. So the image
 * itself is read under the box (mapped through the image's own transform, no page rendering needed)
 * and the region is called a leak when it still shows marks on paper — words, a signature, a photo —
 * rather than being blank paper or pixels that were already blacked out.
 *
 * The measure is the number of separate ink marks (8-connected components of pixels at least 80 grey
 * levels darker than the region's paper). Text under a box is dozens of marks; a box drawn over an
 * already-black bar with a sliver of paper round it is one mark; blank paper with scanner noise
 * (σ 3–8 levels) is none.
 */
import type { Leak, Matrix, PageRect } from '../types'
import { sha256Bytes } from './sha256'

/**
 * A decoded image as pdf.js delivers it (ImageKind): 1 = one bit per pixel, rows padded to a byte,
 * bit set = white; 2 = RGB, 3 = RGBA. Row 0 is the image's top edge.
 */
export interface DecodedImage {
  readonly width: number
  readonly height: number
  readonly kind: number
  readonly data: Uint8Array | Uint8ClampedArray
}

/** Grey pixels of an image under a box, on a grid; `inside` marks the cells that lie in the box. */
export interface RegionSample {
  readonly grey: Uint8Array
  readonly inside: Uint8Array
  readonly width: number
  readonly height: number
  /** Grid cells per point on the page. */
  readonly cellsPerPt: number
}

/**
 * The box is shrunk by 15% of its short side (at least 1 pt) on every side first: a box drawn round a
 * word overlaps the ascenders and descenders of the lines above and below by a point or two, and a
 * box drawn over a burned-in bar is often a little larger than the bar.
 */
const INSET_SHARE = 0.15
const MIN_INSET_PT = 1
/** 150 dpi is plenty to count marks; a 300 dpi scan is read every second pixel (a quarter of the work). */
const TARGET_CELLS_PER_PT = 150 / 72
/** Ink: this many grey levels darker than the paper (noise σ ≤ 8 stays 10σ clear of it). */
const INK_CONTRAST = 80
/** Paper (95th percentile of lightness) darker than this: the region is blacked out already. */
const BLACK_PAPER_MAX = 96
/** Fewer marks than this is not content (a lone speck, or the one bar the box was drawn over). */
const MIN_MARKS = 2
/** A mark smaller than (0.5 pt)² is dust; at 150 dpi that is one cell, so at least 2 cells. */
const MIN_MARK_PT = 0.5

function greyAt(image: DecodedImage, px: number, py: number): number {
  const { width, data, kind } = image
  if (kind === 1) {
    const rowBytes = (width + 7) >> 3
    return (data[py * rowBytes + (px >> 3)]! & (0x80 >> (px & 7))) !== 0 ? 255 : 0
  }
  if (kind === 2) {
    const j = (py * width + px) * 3
    return (77 * data[j]! + 150 * data[j + 1]! + 29 * data[j + 2]!) >> 8
  }
  const j = (py * width + px) * 4
  const luma = (77 * data[j]! + 150 * data[j + 1]! + 29 * data[j + 2]!) >> 8
  const alpha = data[j + 3]!
  return alpha === 255 ? luma : Math.round((luma * alpha + 255 * (255 - alpha)) / 255)
}

function hasEnoughData(image: DecodedImage): boolean {
  const { width, height, kind, data } = image
  if (!(width > 0 && height > 0)) return false
  const need = kind === 1 ? ((width + 7) >> 3) * height : kind === 2 ? width * height * 3 : width * height * 4
  return (kind === 1 || kind === 2 || kind === 3) && data.length >= need
}

/**
 * Samples `image`, painted with `matrix` (its unit square onto the page), under `boxRect`. Null when
 * the box and the image do not overlap or the image data is not one of pdf.js's raw kinds.
 */
export function sampleUnderBox(image: DecodedImage, matrix: Matrix, boxRect: PageRect): RegionSample | null {
  if (!hasEnoughData(image)) return null
  const [a, b, c, d, e, f] = matrix
  const det = a * d - b * c
  if (Math.abs(det) < 1e-9) return null
  const inset = Math.max(
    MIN_INSET_PT,
    INSET_SHARE * Math.min(boxRect[2] - boxRect[0], boxRect[3] - boxRect[1])
  )
  const [x0, y0, x1, y1] = [boxRect[0] + inset, boxRect[1] + inset, boxRect[2] - inset, boxRect[3] - inset]
  if (!(x1 > x0 && y1 > y0)) return null
  const W = image.width
  const H = image.height
  // Page point → image pixel (continuous): unit square first, then rows counted from the top.
  const toPixel = (x: number, y: number): [number, number] => {
    const u = (d * (x - e) - c * (y - f)) / det
    const v = (-b * (x - e) + a * (y - f)) / det
    return [u * W, (1 - v) * H]
  }
  const corners = [toPixel(x0, y0), toPixel(x1, y0), toPixel(x0, y1), toPixel(x1, y1)]
  const px0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[0]))))
  const py0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[1]))))
  const px1 = Math.min(W, Math.ceil(Math.max(...corners.map((p) => p[0]))))
  const py1 = Math.min(H, Math.ceil(Math.max(...corners.map((p) => p[1]))))
  if (!(px1 > px0 && py1 > py0)) return null
  const pxPerPt = Math.min(W / Math.hypot(a, b), H / Math.hypot(c, d))
  const stride = Math.max(1, Math.floor(pxPerPt / TARGET_CELLS_PER_PT))
  const width = Math.ceil((px1 - px0) / stride)
  const height = Math.ceil((py1 - py0) / stride)
  const grey = new Uint8Array(width * height)
  const inside = new Uint8Array(width * height)
  for (let gy = 0; gy < height; gy++) {
    const py = py0 + gy * stride
    const v = 1 - (py + 0.5) / H
    for (let gx = 0; gx < width; gx++) {
      const px = px0 + gx * stride
      const u = (px + 0.5) / W
      const x = a * u + c * v + e
      const y = b * u + d * v + f
      if (x < x0 || x > x1 || y < y0 || y > y1) continue
      const k = gy * width + gx
      inside[k] = 1
      grey[k] = greyAt(image, px, py)
    }
  }
  return { grey, inside, width, height, cellsPerPt: pxPerPt / stride }
}

export interface RegionVerdict {
  /** Separate ink marks (about one per glyph in text; touching glyphs count once). */
  readonly marks: number
  /** Share of the sampled cells that are ink. */
  readonly inkShare: number
  /** The region shows content: more than one mark on paper that is not blacked out. */
  readonly showsContent: boolean
}

/** Counts the ink marks in a sample; see the header for the rule. */
export function judgeRegion(sample: RegionSample): RegionVerdict {
  const { grey, inside, width, height } = sample
  const histogram = new Uint32Array(256)
  let cells = 0
  for (let k = 0; k < grey.length; k++) {
    if (!inside[k]) continue
    histogram[grey[k]!]!++
    cells++
  }
  const none: RegionVerdict = { marks: 0, inkShare: 0, showsContent: false }
  if (cells === 0) return none
  let seen = 0
  let paper = 255
  for (let level = 0; level < 256; level++) {
    seen += histogram[level]!
    if (seen >= 0.95 * cells) {
      paper = level
      break
    }
  }
  if (paper < BLACK_PAPER_MAX) return { marks: 0, inkShare: 1, showsContent: false }
  const inkMax = paper - INK_CONTRAST
  const ink = new Uint8Array(grey.length)
  let inkCells = 0
  for (let k = 0; k < grey.length; k++) {
    if (inside[k] && grey[k]! <= inkMax) {
      ink[k] = 1
      inkCells++
    }
  }
  const minMarkCells = Math.max(2, Math.round((MIN_MARK_PT * sample.cellsPerPt) ** 2))
  const marks = countMarks(ink, width, height, minMarkCells)
  return { marks, inkShare: inkCells / cells, showsContent: marks >= MIN_MARKS }
}

/** 8-connected components of `ink` with at least `minCells` cells. Clears `ink` as it goes. */
function countMarks(ink: Uint8Array, width: number, height: number, minCells: number): number {
  const stack = new Int32Array(ink.length)
  let marks = 0
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start]) continue
    ink[start] = 0
    let top = 0
    stack[top++] = start
    let size = 0
    while (top > 0) {
      const k = stack[--top]!
      size++
      const x = k % width
      const y = (k - x) / width
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy
        if (ny < 0 || ny >= height) continue
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx
          if (nx < 0 || nx >= width) continue
          const n = ny * width + nx
          if (ink[n]) {
            ink[n] = 0
            stack[top++] = n
          }
        }
      }
    }
    if (size >= minCells) marks++
  }
  return marks
}

/**
 * The leak for the content under a box, summed over the images it covers. `chars` counts ink marks,
 * an estimate of the glyphs a reader would recover (there is no text to count); `sha256` hashes the
 * sampled grey pixels of each region in turn, so two reports of the same file can be compared.
 */
export function imageLeak(regions: readonly { sample: RegionSample; verdict: RegionVerdict }[]): Leak | null {
  const showing = regions.filter((r) => r.verdict.showsContent)
  if (showing.length === 0) return null
  const bytes = new Uint8Array(showing.reduce((n, r) => n + r.sample.grey.length, 0))
  let offset = 0
  for (const r of showing) {
    bytes.set(r.sample.grey, offset)
    offset += r.sample.grey.length
  }
  return {
    kind: 'image-under-box',
    chars: showing.reduce((n, r) => n + r.verdict.marks, 0),
    sha256: sha256Bytes(bytes)
  }
}
