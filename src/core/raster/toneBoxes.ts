/**
 * Redaction boxes of any tone in a page image: black, dark or light grey, and coloured fills (a
 * colour is a grey level here), found by shape and flatness rather than darkness. The reasons hold
 * for any agency's release:
 *  - a box is a filled rectangle clearly darker than the paper around it, with hard straight edges;
 *  - its inside is one flat tone, save a short label printed in a lighter or darker ink;
 *  - it is at least as tall as a line of text it could hide (a rule is thinner) and as long as a
 *    short word.
 * Look-alikes are rejected on evidence: texture or a gradient (photos, shading), a line of text
 * across most of a band (table headers, highlighter, banners), several lines of text (call-outs),
 * and bars that share a baseline while their heights differ (a bar chart).
 *
 * Method (O(pixels) plus O(box area)): paper-relative mask (paperMask.ts), small holes filled so a
 * label does not split its box, erosion by a 3.5 pt square to drop text strokes and rules, connected
 * components, then per-component measures over the box's rectangle.
 */
import { labelComponents } from './components'
import type { GreyBitmap } from './detectRasterBoxes'
import { closeSquare, erodeSquare } from './mask'
import { fillSmallHoles, paperMask } from './paperMask'
import {
  outsideFill,
  type RectPx,
  sideContrast,
  splitAtSeparators,
  splitAtSteps,
  trimRect
} from './toneRegions'

import { LARGE_BLOCK_PT, dominantTones, toneBand } from './toneLayers'
import {
  MIN_CONTRAST,
  MIN_FILL,
  MIN_FLAT,
  MIN_RAW_FILL,
  MIN_RING_PAPER,
  EROSION_PT,
  BLACK_TONE,
  FLAT_SPREAD,
  MAX_TEXT_SPAN_WIDE,
  measure,
  isTextBand,
  rejection
} from './toneMeasure'

export interface ToneBox {
  /** Pixels, ends exclusive. */
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
  /** Median grey of the fill, 0 = black. */
  readonly tone: number
  readonly confidence: number
  /** Print across much of a short box: a redaction only if OCR reads it as a ground label. */
  readonly needsLabel: boolean
  /** Why this is a redaction, for the scan contract's evidence. */
  readonly evidence: readonly string[]
}

/** A label's print within this of a box's rim (points) is sealed in before holes are filled. */
const SEAL_PT = 1.4
/** The shortest side a box can have and still hide a line of small print (6–7 pt type). */
const MIN_SIDE_PT = 5
/** No redaction is shorter than a short word. */
const MIN_LONG_PT = 9
/** A label inside a box is one line of print at most this tall (points). */
const MAX_LABEL_HOLE_H_PT = 9
const MAX_LABEL_HOLE_W_PT = 160
/** Shapes narrower than this share of their height, under GLYPH_MAX_PT tall, are glyphs. */
const GLYPH_ASPECT = 1.1
const GLYPH_MAX_PT = 30
/** Mean fill just outside a box's four sides: past a hard edge lies mostly paper. */
const MAX_MEAN_OUTSIDE_FILL = 0.45
/** Every side continuing into more ink: a piece of a larger shape. */
const MIN_OUTSIDE_FILL = 0.3
/** Mean difference from a box's tone along an abutting box of the same fill (noise, averaged). */
const SAME_TONE_NOISE = 5
/** A side whose outside differs from the fill by less than this, yet more than noise, fades out. */
const FADE_MAX = 14
/** The tallest band (points) a heading or table header with one line of print on it makes. */
const MAX_BAND_H_PT = 28
/** A box at least this share of the page's width and height covers the page. */
const PAGE_SCALE = 0.5
/** Fills lighter than this are the tones of highlighter and table shading as much as of boxes. */
const LIGHT_FILL = 170

/** Why a component was turned down, for the overlay tools and tests. */
export type ToneRejection = (rectPx: readonly [number, number, number, number], why: string) => void

export function findToneBoxes(bitmap: GreyBitmap, pxPerPt: number, onReject?: ToneRejection): ToneBox[] {
  const { mask: nonPaper, paperAt } = paperMask(bitmap, MIN_CONTRAST)
  const found: ToneBox[] = []
  const add = (box: ToneBox): void => {
    // The same box seen in two layers: keep the surer reading.
    const twin = found.findIndex((f) => iouPx(f, box) > 0.5)
    if (twin < 0) found.push(box)
    else if (box.confidence > found[twin]!.confidence) found[twin] = box
  }
  // Two views of one page: each fill tone on its own (a grey box and the black words touching it
  // come apart), then everything darker than its paper (a large block under uneven light is one
  // shape there, while its tone drifts out of any one band). The second adds large blocks only:
  // smaller shapes there are text and boxes run together, which the tone views already split.
  for (const tone of dominantTones(bitmap, nonPaper, pxPerPt))
    for (const box of boxesInMask(bitmap, toneBand(bitmap.data, nonPaper, tone), paperAt, pxPerPt, onReject))
      add(box)
  for (const box of boxesInMask(bitmap, nonPaper, paperAt, pxPerPt, onReject))
    if (Math.min(box.x1 - box.x0, box.y1 - box.y0) >= LARGE_BLOCK_PT * pxPerPt) add(box)
  return found
}

function iouPx(a: ToneBox, b: ToneBox): number {
  const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0))
  const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0))
  const inter = ix * iy
  return inter / ((a.x1 - a.x0) * (a.y1 - a.y0) + (b.x1 - b.x0) * (b.y1 - b.y0) - inter)
}

function boxesInMask(
  bitmap: GreyBitmap,
  raw: Uint8Array,
  paperAt: (x: number, y: number) => number,
  pxPerPt: number,
  onReject?: ToneRejection
): ToneBox[] {
  const { width, height } = bitmap
  const filled = closeSquare(raw, width, height, Math.max(2, Math.round(SEAL_PT * pxPerPt)))
  fillSmallHoles(
    filled,
    width,
    height,
    MAX_LABEL_HOLE_W_PT * pxPerPt,
    MAX_LABEL_HOLE_H_PT * pxPerPt,
    labelComponents
  )
  const erosionPx = Math.max(2, Math.round(EROSION_PT * pxPerPt))
  const solid = erodeSquare(filled, width, height, erosionPx)
  const minEroded = Math.max(1, Math.ceil(MIN_SIDE_PT * pxPerPt - (erosionPx - 1)))
  const { components } = labelComponents(solid, width, height, minEroded, minEroded)
  const found: ToneBox[] = []
  const ringPx = Math.max(2, Math.round(2.5 * pxPerPt))
  const accept = (rect: RectPx): void => {
    const [x0, y0, x1, y1] = rect
    const wPt = (x1 - x0) / pxPerPt
    const hPt = (y1 - y0) / pxPerPt
    if (Math.min(wPt, hPt) < MIN_SIDE_PT || Math.max(wPt, hPt) < MIN_LONG_PT) {
      onReject?.(rect, 'too-small')
      return
    }
    // The page itself (a scan's grey border or a tinted page) is not a box.
    if (x1 - x0 >= 0.97 * width && y1 - y0 >= 0.97 * height) return
    // Print never reaches the paper's edge (printers keep a margin), so a shape cut off by the image's
    // edge is the scanner's shading, the lid's shadow or the paper's own edge; only a box covering
    // the page (a page withheld in full, printed to the edge) may touch it.
    const touchesEdge = x0 <= 1 || x1 >= width - 1 || y0 <= 1 || y1 >= height - 1
    if (touchesEdge && !(x1 - x0 >= PAGE_SCALE * width && y1 - y0 >= PAGE_SCALE * height)) {
      onReject?.(rect, 'page-edge')
      return
    }
    // Narrower than tall and under three lines: a bold glyph whose counters were filled, not a box
    // (a withheld word is wider than a line is tall).
    if (wPt < GLYPH_ASPECT * hPt && hPt < GLYPH_MAX_PT) {
      onReject?.(rect, 'glyph-shaped')
      return
    }
    const m = measure(bitmap, filled, raw, paperAt, x0, y0, x1, y1, ringPx)
    // A grey box may abut another box of its tone (bars a hairline apart, a "To:" line's box on a
    // "From:" line's): that neighbour is not more of the same shape. Black is judged strictly: a
    // bold glyph's strokes go on in black past any rectangle cut out of it.
    const boxTone = m.tone
    const sameTone = (i: number): boolean =>
      boxTone > BLACK_TONE && Math.abs((bitmap.data[i] as number) - boxTone) <= FLAT_SPREAD / 2
    const outside = outsideFill(raw, width, height, rect, sameTone)
    const contrast = sideContrast(bitmap, rect, boxTone)
    const fades = contrast.some((c) => c > SAME_TONE_NOISE && c < FADE_MAX)
    const soft =
      outside.reduce((a, b) => a + b, 0) / 4 > MAX_MEAN_OUTSIDE_FILL ||
      Math.min(...outside) > MIN_OUTSIDE_FILL
    const why = soft ? 'soft-edges' : fades ? 'fades-out' : rejection(m, wPt, hPt, pxPerPt)
    if (why) {
      onReject?.(
        rect,
        `${why} ${JSON.stringify(m, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))}`
      )
      return
    }
    const evidence = ['flat-fill', 'hard-edges']
    // A light fill with print across it is as likely a highlighted word: only a ground read by OCR
    // makes it a redaction. A darker box filled by its label is a labelled box.
    const crowded = m.textSpan > MAX_TEXT_SPAN_WIDE
    const needsLabel = crowded && m.tone > LIGHT_FILL
    if (m.textSpan > 0.05) evidence.push('label-inside')
    const confidence = needsLabel ? 0.6 : crowded ? 0.75 : m.flat > 0.92 && m.fill > 0.97 ? 0.93 : 0.85
    found.push({ x0, y0, x1, y1, tone: m.tone, confidence, needsLabel, evidence })
  }
  const isPageBlock = (r: RectPx): boolean =>
    r[2] - r[0] >= PAGE_SCALE * width && r[3] - r[1] >= PAGE_SCALE * height
  const rectOf = (r: RectPx): { x0: number; y0: number; x1: number; y1: number } => ({
    x0: r[0],
    y0: r[1],
    x1: r[2],
    y1: r[3]
  })
  for (const c of components) {
    const opened: RectPx = [c.x0, c.y0, Math.min(width, c.x1 + erosionPx), Math.min(height, c.y1 + erosionPx)]
    // Boxes stacked with no gap but different extents come apart first (steps, a mosaic of rows);
    // then each piece loses the glyphs touching it and is cut at its hairline separators.
    // A line of text across the whole shape (a table header, a highlighted line): none of its
    // pieces is a redaction either, however the print cuts it up.
    const shape = trimRect(filled, width, opened)
    // Only a shape one line tall is a band: a taller one (rows of boxes touching, an e-mail header
    // withheld address by address) has its pieces judged one by one.
    const bandHigh = shape !== null && shape[3] - shape[1] <= MAX_BAND_H_PT * pxPerPt
    if (shape && bandHigh && isTextBand(measure(bitmap, filled, raw, paperAt, ...shape, ringPx), pxPerPt)) {
      onReject?.(shape, 'text-across-band')
      continue
    }
    // A block over most of the page (a page withheld in full) is one box: under a scanner's uneven
    // light its tone drifts from one end to the other, which must neither cut it into steps nor read
    // as a photo's gradient. Flat and solid with paper all round it, it is taken whole.
    if (shape && isPageBlock(shape)) {
      const m = measure(bitmap, filled, raw, paperAt, ...shape, ringPx)
      if (
        m.fill >= MIN_FILL &&
        m.rawFill >= MIN_RAW_FILL &&
        m.flat >= MIN_FLAT &&
        m.ringPaper >= MIN_RING_PAPER
      ) {
        found.push({
          ...rectOf(shape),
          tone: m.tone,
          confidence: 0.9,
          needsLabel: false,
          evidence: ['flat-fill', 'page-size-box']
        })
        continue
      }
    }
    for (const step of splitAtSteps(filled, width, opened, pxPerPt)) {
      const core = trimRect(filled, width, step)
      if (!core) {
        onReject?.(step, 'no-solid-core')
        continue
      }
      const { tone } = measure(bitmap, filled, raw, paperAt, ...core, ringPx)
      const paperLevel = paperAt((core[0] + core[2]) >> 1, (core[1] + core[3]) >> 1)
      for (const part of splitAtSeparators(bitmap, core, tone, paperLevel)) {
        const box = trimRect(filled, width, part)
        if (box) accept(box)
      }
    }
  }
  return found
}
