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

/** A fill must differ from its paper by this much: scanner noise and JPEG ringing stay under ~20. */
const MIN_CONTRAST = 28
/** Solid ink thinner than this (points) is text or a rule, not a box. */
const EROSION_PT = 3.5
/** A label's print within this of a box's rim (points) is sealed in before holes are filled. */
const SEAL_PT = 1.4
/** The shortest side a box can have and still hide a line of small print (6–7 pt type). */
const MIN_SIDE_PT = 5
/** No redaction is shorter than a short word. */
const MIN_LONG_PT = 9
/** A label inside a box is one line of print at most this tall (points). */
const MAX_LABEL_HOLE_H_PT = 9
const MAX_LABEL_HOLE_W_PT = 160
/** A box's label is thin strokes in a sea of fill; a glyph blob is mostly counter. */
const MIN_RAW_FILL = 0.8
/** Shapes narrower than this share of their height, under GLYPH_MAX_PT tall, are glyphs. */
const GLYPH_ASPECT = 1.1
const GLYPH_MAX_PT = 30
/** Share of a box's rectangle its (hole-filled) mask must cover: hard straight edges. */
const MIN_FILL = 0.9
/** Share of the fill's own pixels within ±FLAT_SPREAD of its median: one flat tone, not texture. */
const MIN_FLAT = 0.8
const FLAT_SPREAD = 30
/** A label in one ink may take up to this much of a box's pixels (photos have both darker and lighter). */
const MIN_FLAT_WITH_LABEL = 0.55
/** Two halves of a flat box differ by less than this (a gradient or a photo differs more). */
const MAX_HALF_DIFFERENCE = 12
/** Print inside across this share of a wide band is running text on a band, not a label. */
const MAX_TEXT_SPAN_WIDE = 0.55
/**
 * Print whose rows span at most this share of a box's height is a label set in a block (a page or a
 * third of a page withheld, its ground in the middle); more is a band or panel of text.
 */
const MAX_LABEL_ROW_SHARE = 0.4
/** Gap between print columns that still continues a line of text (a word space at 100 dpi). */
const WORD_GAP_PX = 6
/** Print inside a box running this far (points) is a line of text, not a ground label. */
const MAX_LABEL_EXTENT_PT = 100
/** Bands wider than this (points) with a line of text across them are headers or highlights. */
const WIDE_BAND_PT = 110
/** Mean fill just outside a box's four sides: past a hard edge lies mostly paper. */
const MAX_MEAN_OUTSIDE_FILL = 0.45
/** Every side continuing into more ink: a piece of a larger shape. */
const MIN_OUTSIDE_FILL = 0.3
/** The dark pass's cut for black: tone boxes this dark are judged by the strict rules. */
const BLACK_TONE = 85
/** Mean difference from a box's tone along an abutting box of the same fill (noise, averaged). */
const SAME_TONE_NOISE = 5
/** A side whose outside differs from the fill by less than this, yet more than noise, fades out. */
const FADE_MAX = 14
/** A ring pixel this close to the fill's tone belongs to an abutting box of the same fill (a photo's
 * texture strays further). */
const RING_SAME_TONE = 6
/** Fills lighter than this are the tones of highlighter and table shading as much as of boxes. */
const LIGHT_FILL = 170
/** Share of the ring outside the box that must be paper (or text on paper). */
const MIN_RING_PAPER = 0.55

interface Measures {
  fill: number
  /** Share that is ink before the small holes were filled: a glyph's counters are a third of it. */
  rawFill: number
  tone: number
  flat: number
  /** The pixels off the fill's tone are all lighter or all darker: one ink, a label. */
  oneSidedPrint: boolean
  halfDifference: number
  /** Columns holding print (light or dark glyphs) as a share of the width, and text rows found. */
  textSpan: number
  /** From the first to the last column holding print, pixels. */
  printExtentPx: number
  /** The longest stretch of print with gaps no wider than a word space, pixels. */
  printRunPx: number
  /** Rows from the first to the last holding print, as a share of the height. */
  printRowShare: number
  textRows: number
  ringPaper: number
}

function measure(
  bitmap: GreyBitmap,
  filled: Uint8Array,
  raw: Uint8Array,
  paperAt: (x: number, y: number) => number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  ringPx: number
): Measures {
  const { data, width, height } = bitmap
  const w = x1 - x0
  const h = y1 - y0
  const hist = new Uint32Array(256)
  let filledCount = 0
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = y * width + x
      if (filled[i]) filledCount++
      if (raw[i]) hist[data[i] as number]!++
    }
  let total = 0
  for (let v = 0; v < 256; v++) total += hist[v] as number
  let seen = 0
  let tone = 0
  for (; tone < 255; tone++) {
    seen += hist[tone] as number
    if (seen * 2 >= total) break
  }
  let flatCount = 0
  let darker = 0
  for (let v = 0; v < 256; v++) {
    if (v < tone - FLAT_SPREAD) darker += hist[v] as number
    else if (v <= tone + FLAT_SPREAD) flatCount += hist[v] as number
  }
  const lighter = total - flatCount - darker
  // Halves of the flat fill (label pixels excluded): left/right and top/bottom means.
  const sums = [0, 0, 0, 0]
  const counts = [0, 0, 0, 0]
  // Print is counted inside the box's blurred rim (2 px), and a column or row holds print when at
  // least two of its pixels do (one is JPEG noise).
  const colCount = new Uint16Array(w)
  const rowCount = new Uint16Array(h)
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const v = data[y * width + x] as number
      if (Math.abs(v - tone) > FLAT_SPREAD) {
        if (y >= y0 + 2 && y < y1 - 2 && x >= x0 + 2 && x < x1 - 2) {
          colCount[x - x0]!++
          rowCount[y - y0]!++
        }
        continue
      }
      const side = x < x0 + w / 2 ? 0 : 1
      const half = y < y0 + h / 2 ? 2 : 3
      sums[side]! += v
      counts[side]!++
      sums[half]! += v
      counts[half]!++
    }
  const printCols = colCount.map((n) => (n >= 2 ? 1 : 0))
  const printRows = rowCount.map((n) => (n >= 2 ? 1 : 0))
  const mean = (k: number): number => (counts[k]! > 0 ? sums[k]! / counts[k]! : tone)
  const halfDifference = Math.max(Math.abs(mean(0) - mean(1)), Math.abs(mean(2) - mean(3)))
  // Print columns: ignore the outer 2 px (edge blur), count distinct runs of print rows.
  let span = 0
  let first = -1
  let last = -1
  // The longest stretch of print whose gaps are no wider than a word space (~4 pt at 100 dpi):
  // a line of text runs on; labels in neighbouring boxes are set apart by the boxes' fill.
  let longest = 0
  let runStart = -1
  let lastPrint = -1
  for (let c = 2; c < w - 2; c++) {
    if (!printCols[c]) continue
    span++
    if (first < 0) first = c
    last = c
    if (runStart < 0 || c - lastPrint > WORD_GAP_PX) runStart = c
    lastPrint = c
    longest = Math.max(longest, c - runStart + 1)
  }
  let firstRow = -1
  let lastRow = -1
  for (let r = 2; r < h - 2; r++)
    if (printRows[r]) {
      if (firstRow < 0) firstRow = r
      lastRow = r
    }
  let textRows = 0
  for (let r = 2; r < h - 2; r++) if (printRows[r] && !printRows[r - 1]) textRows++
  // Ring: paper or print on paper, not more fill (a patch of a larger dark area) or photo.
  let ring = 0
  let ringPaper = 0
  const ya = Math.max(0, y0 - ringPx)
  const yb = Math.min(height, y1 + ringPx)
  const xa = Math.max(0, x0 - ringPx)
  const xb = Math.min(width, x1 + ringPx)
  for (let y = ya; y < yb; y++)
    for (let x = xa; x < xb; x++) {
      if (y >= y0 && y < y1 && x >= x0 && x < x1) continue
      ring++
      // Paper, or a neighbouring bar of the same tone past a separator; not texture or a dark field.
      const v = data[y * width + x] as number
      if (v >= paperAt(x, y) - MIN_CONTRAST || Math.abs(v - tone) <= RING_SAME_TONE) ringPaper++
    }
  return {
    fill: filledCount / (w * h),
    rawFill: total / (w * h),
    tone,
    flat: total > 0 ? flatCount / total : 0,
    oneSidedPrint: total > 0 && Math.min(darker, lighter) < 0.05 * total,
    halfDifference,
    textSpan: span / Math.max(1, w - 4),
    printExtentPx: first < 0 ? 0 : last - first + 1,
    printRunPx: longest,
    printRowShare: firstRow < 0 ? 0 : (lastRow - firstRow + 1) / h,
    textRows,
    ringPaper: ring > 0 ? ringPaper / ring : 1
  }
}

/** Median grey of the ink pixels in a rectangle. */
function medianTone(bitmap: GreyBitmap, raw: Uint8Array, rect: RectPx): number {
  const hist = new Uint32Array(256)
  let total = 0
  for (let y = rect[1]; y < rect[3]; y++)
    for (let x = rect[0]; x < rect[2]; x++) {
      const i = y * bitmap.width + x
      if (!raw[i]) continue
      hist[bitmap.data[i] as number]!++
      total++
    }
  let seen = 0
  for (let v = 0; v < 256; v++) {
    seen += hist[v] as number
    if (seen * 2 >= total) return v
  }
  return 255
}

/** A line of print this long is a heading or a table header on a band; ground labels are short. */
const isTextBand = (m: Measures, pxPerPt: number): boolean =>
  m.printRunPx >= MAX_LABEL_EXTENT_PT * pxPerPt && m.textRows <= 1 && m.printRowShare > MAX_LABEL_ROW_SHARE

function rejection(m: Measures, wPt: number, hPt: number, pxPerPt: number): string | null {
  if (m.fill < MIN_FILL) return 'ragged'
  if (m.rawFill < MIN_RAW_FILL) return 'hollow'
  if (m.flat < (m.oneSidedPrint ? MIN_FLAT_WITH_LABEL : MIN_FLAT)) return 'texture'
  if (m.halfDifference > MAX_HALF_DIFFERENCE) return 'gradient'
  if (m.ringPaper < MIN_RING_PAPER) return 'not-on-paper'
  // Lines of print filling a box are a call-out or a table; a label centred in a large block is not.
  if (m.textRows >= 2 && hPt > 14 && m.printRowShare > MAX_LABEL_ROW_SHARE) return 'text-lines-inside'
  if (wPt > WIDE_BAND_PT && m.textSpan > MAX_TEXT_SPAN_WIDE) return 'text-across-band'
  // A line of print this long is a heading or a table header on a band; ground labels are short.
  if (isTextBand(m, pxPerPt)) return 'text-across-band'
  return null
}

/** Bars standing on one baseline with differing heights: a bar chart, not redactions. */
function chartBars(boxes: readonly ToneBox[], pxPerPt: number): Set<ToneBox> {
  const out = new Set<ToneBox>()
  const tol = 1.5 * pxPerPt
  for (const a of boxes) {
    const vertical = boxes.filter((b) => Math.abs(b.y1 - a.y1) <= tol && b.y1 - b.y0 >= 0.8 * (b.x1 - b.x0))
    if (vertical.length >= 3) {
      const heights = vertical.map((b) => b.y1 - b.y0)
      if (Math.max(...heights) >= 1.3 * Math.min(...heights)) for (const b of vertical) out.add(b)
    }
    // Horizontal bars from one axis, of differing lengths, each as tall as the others and taller
    // than a text line's bar would be apart from one another (gaps wider than their height).
    const horizontal = boxes.filter(
      (b) => Math.abs(b.x0 - a.x0) <= tol && Math.abs(b.y1 - b.y0 - (a.y1 - a.y0)) <= tol
    )
    if (horizontal.length >= 3) {
      const sorted = [...horizontal].sort((p, q) => p.y0 - q.y0)
      const gaps = sorted.slice(1).map((b, i) => b.y0 - sorted[i]!.y1)
      const widths = sorted.map((b) => b.x1 - b.x0)
      const spaced = gaps.every((g) => g >= 0.6 * (a.y1 - a.y0))
      const varied = Math.max(...widths) >= 1.5 * Math.min(...widths)
      const ragged = new Set(widths.map((v) => Math.round(v / (4 * pxPerPt)))).size >= sorted.length - 1
      if (spaced && varied && ragged) for (const b of horizontal) out.add(b)
    }
  }
  return out
}

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
  const charts = chartBars(found, pxPerPt)
  return found.filter((b) => !charts.has(b))
}

function iouPx(a: ToneBox, b: ToneBox): number {
  const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0))
  const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0))
  const inter = ix * iy
  return inter / ((a.x1 - a.x0) * (a.y1 - a.y0) + (b.x1 - b.x0) * (b.y1 - b.y0) - inter)
}

/** A block this tall and wide (points) spans enough paper for uneven light to shift its tone. */
const LARGE_BLOCK_PT = 30
/** Half-width of a tone band: a flat fill's scanner and JPEG noise stays within ±12 levels. */
const TONE_BAND = 16
/** Tone peaks closer than this are one fill. */
const MIN_TONE_SEPARATION = 2 * TONE_BAND
/** At most this many fills per page are looked for (real releases use one or two). */
const MAX_TONES = 4
/** A tone is a fill worth looking for when its solid pixels cover a small word box (~10 × 7 pt). */
const MIN_TONE_AREA_PT2 = 70

/**
 * The tones of the solid fills on a page: peaks of the grey histogram over pixels deep inside
 * non-paper regions (a 3.5 pt erosion keeps fills, drops glyph strokes). Each is then searched on
 * its own, so a grey box and the black text touching it are two shapes, not one.
 */
export function dominantTones(bitmap: GreyBitmap, nonPaper: Uint8Array, pxPerPt: number): number[] {
  const erosionPx = Math.max(2, Math.round(EROSION_PT * pxPerPt))
  const solid = erodeSquare(nonPaper, bitmap.width, bitmap.height, erosionPx)
  const hist = new Float64Array(256)
  for (let i = 0; i < solid.length; i++) if (solid[i]) hist[bitmap.data[i] as number]! += 1
  const smooth = new Float64Array(256)
  for (let v = 0; v < 256; v++)
    for (let d = -3; d <= 3; d++) smooth[v]! += hist[Math.min(255, Math.max(0, v + d))]! / 7
  const minCount = MIN_TONE_AREA_PT2 * pxPerPt * pxPerPt * 0.3
  const peaks: number[] = []
  for (let v = 0; v < 256; v++) {
    const c = smooth[v]!
    if (c * 7 < minCount) continue
    let isPeak = true
    for (let d = -MIN_TONE_SEPARATION; d <= MIN_TONE_SEPARATION && isPeak; d++)
      if (d !== 0 && v + d >= 0 && v + d < 256 && smooth[v + d]! > c) isPeak = false
    if (isPeak && !peaks.some((p) => Math.abs(p - v) < MIN_TONE_SEPARATION)) peaks.push(v)
  }
  return peaks.sort((a, b) => smooth[b]! - smooth[a]!).slice(0, MAX_TONES)
}

/** Non-paper pixels within ±TONE_BAND of `tone`. */
function toneBand(data: Uint8Array, nonPaper: Uint8Array, tone: number): Uint8Array {
  const out = new Uint8Array(data.length)
  for (let i = 0; i < data.length; i++)
    out[i] = nonPaper[i] && Math.abs((data[i] as number) - tone) <= TONE_BAND ? 1 : 0
  return out
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
    // A long thin strip along a page edge is the scanner lid's shadow.
    const touchesSide = x0 <= 1 || x1 >= width - 1
    const touchesEnd = y0 <= 1 || y1 >= height - 1
    if ((touchesSide && hPt > 4 * wPt) || (touchesEnd && wPt > 4 * hPt)) return
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
    const boxTone = medianTone(bitmap, raw, rect)
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
  for (const c of components) {
    const opened: RectPx = [c.x0, c.y0, Math.min(width, c.x1 + erosionPx), Math.min(height, c.y1 + erosionPx)]
    // Boxes stacked with no gap but different extents come apart first (steps, a mosaic of rows);
    // then each piece loses the glyphs touching it and is cut at its hairline separators.
    // A line of text across the whole shape (a table header, a highlighted line): none of its
    // pieces is a redaction either, however the print cuts it up.
    const shape = trimRect(filled, width, opened)
    if (shape && isTextBand(measure(bitmap, filled, raw, paperAt, ...shape, ringPx), pxPerPt)) {
      onReject?.(shape, 'text-across-band')
      continue
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
