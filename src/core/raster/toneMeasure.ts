/**
 * What the tone-box detector measures over a candidate rectangle, and the evidence that turns one
 * down (toneBoxes.ts): fill, flatness, halves, print inside (labels, lines of text), the ring around
 * it. The thresholds are shared by the detector's other parts.
 */
import type { GreyBitmap } from './detectRasterBoxes'

/** A fill must differ from its paper by this much: scanner noise and JPEG ringing stay under ~20. */
export const MIN_CONTRAST = 28
/** Tones at or under this are black: the dark pass's own cut, and where black is judged strictly. */
export const BLACK_TONE = 85
/** Solid ink thinner than this (points) is text or a rule, not a box. */
export const EROSION_PT = 3.5
/** A box's label is thin strokes in a sea of fill; a glyph blob is mostly counter. */
export const MIN_RAW_FILL = 0.8
/** Share of a box's rectangle its (hole-filled) mask must cover: hard straight edges. */
export const MIN_FILL = 0.9
/** Share of the fill's own pixels within ±FLAT_SPREAD of its median: one flat tone, not texture. */
export const MIN_FLAT = 0.8
export const FLAT_SPREAD = 30
/** A label in one ink may take up to this much of a box's pixels (photos have both darker and lighter). */
export const MIN_FLAT_WITH_LABEL = 0.55
/** Two halves of a flat box differ by less than this (a gradient or a photo differs more). */
export const MAX_HALF_DIFFERENCE = 12
/** Print inside across this share of a wide band is running text on a band, not a label. */
export const MAX_TEXT_SPAN_WIDE = 0.55
/**
 * Print whose rows span at most this share of a box's height is a label set in a block (a page or a
 * third of a page withheld, its ground in the middle); more is a band or panel of text.
 */
export const MAX_LABEL_ROW_SHARE = 0.4
/** Gap between print columns that still continues a line of text (a word space at 100 dpi). */
export const WORD_GAP_PX = 6
/** Print inside a box running this far (points) is a line of text, not a ground label. */
export const MAX_LABEL_EXTENT_PT = 100
/** Bands wider than this (points) with a line of text across them are headers or highlights. */
export const WIDE_BAND_PT = 110
/** A ring pixel this close to the fill's tone belongs to an abutting box of the same fill (a photo's
 * texture strays further). */
export const RING_SAME_TONE = 6
/** Share of the ring outside the box that must be paper (or text on paper). */
export const MIN_RING_PAPER = 0.55

export interface Measures {
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
  /** The longest stretch of print with gaps no wider than a word space, pixels. */
  printRunPx: number
  /** Rows from the first to the last holding print, as a share of the height. */
  printRowShare: number
  textRows: number
  ringPaper: number
}

export function measure(
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
  // The longest stretch of print whose gaps are no wider than a word space (~4 pt at 100 dpi):
  // a line of text runs on; labels in neighbouring boxes are set apart by the boxes' fill.
  let longest = 0
  let runStart = -1
  let lastPrint = -1
  for (let c = 2; c < w - 2; c++) {
    if (!printCols[c]) continue
    span++
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
    printRunPx: longest,
    printRowShare: firstRow < 0 ? 0 : (lastRow - firstRow + 1) / h,
    textRows,
    ringPaper: ring > 0 ? ringPaper / ring : 1
  }
}

/** A line of print this long is a heading or a table header on a band; ground labels are short. */
export const isTextBand = (m: Measures, pxPerPt: number): boolean =>
  m.printRunPx >= MAX_LABEL_EXTENT_PT * pxPerPt && m.textRows <= 1 && m.printRowShare > MAX_LABEL_ROW_SHARE

export function rejection(m: Measures, wPt: number, hPt: number, pxPerPt: number): string | null {
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
