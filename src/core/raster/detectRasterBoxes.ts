/**
 * Redaction boxes burned into page images (scanned releases), found in a greyscale bitmap of the
 * rendered page. Pure: no DOM, no Node; the caller renders (src/node/rasterPage.ts in Node,
 * OffscreenCanvas in a browser worker) and passes the grey pixels.
 *
 * API for scanDocument:
 *   detectRasterBoxes({ data, width, height }, pxPerPt, options?) → RasterBox[]
 *   - data: Uint8Array, one byte per pixel, 0 = black … 255 = white, row-major, no padding.
 *   - pxPerPt: bitmap pixels per PDF point (dpi / 72; 100 dpi → 1.389).
 *   - each RasterBox.pageRect is in points on the displayed page, origin top-left — the bitmap must
 *     be rendered from the pdf.js viewport of the displayed page (rotation applied), as rasterPage does.
 *   Map to the scan contract as { bbox: pageRect, kind, source: 'raster', confidence }.
 *
 * Method (every step O(pixels) or O(components)):
 *  1. ink mask (grey < 110: off-black ink 0–60 plus JPEG noise and blur stays under ~95);
 *  2. erosion by a 3.5 pt square (5 px at 100 dpi) keeps only solid ink: glyph strokes (1–4 px),
 *     rules and underlines (< 3.5 pt), signature and stamp strokes disappear, and a box touching text
 *     comes apart from it;
 *  3. connected components of what is left, each measured (features.ts): skew-tolerant
 *     rectangularity, tone spread, light content inside;
 *  4. classification: flat rectangle → box; elongated ragged or textured dark stroke → marker;
 *     photo (many mid greys), logo (not rectangular), reverse-video header (a line of light text) →
 *     nothing; thin or glyph-stem-shaped remnants → nothing; long strips along the page edge are
 *     scanner borders;
 *  5. merges: pieces of one box split by a white label (the gap between them is still mostly ink),
 *     and stacked bars with gaps of a few px, become one box.
 *
 * Known limits: grey (100–200) and white boxes are not looked for yet; a short reverse-video heading
 * ("Summary" on a dark band) looks like a box with a white label and is reported with confidence
 * ≤ 0.75 — reading the label (OCR) will tell them apart.
 */
import type { PageRect } from '../types'
import { labelComponents } from './components'
import { type RegionFeatures, measureRegion } from './features'
import { erodeSquare, thresholdDark } from './mask'

export interface GreyBitmap {
  /** One byte per pixel, 0 = black … 255 = white, row-major, length width × height. */
  readonly data: Uint8Array
  readonly width: number
  readonly height: number
}

export interface RasterBox {
  /** Points on the displayed page, origin top-left, y down. */
  readonly pageRect: PageRect
  readonly kind: 'black' | 'grey' | 'white'
  /** 0..1: how sure the detector is that this is a redaction. */
  readonly confidence: number
  /** A hand-drawn marker stroke rather than a drawn box. */
  readonly marker: boolean
}

export interface RasterDetectOptions {
  /** Grey level below which a pixel is ink. Default 110. */
  readonly darkBelow?: number
  /** Grey level above which a pixel is paper or a light glyph. Default 160. */
  readonly lightAbove?: number
  /** Side of the erosion square in points: solid ink thinner than this is not a box. Default 3.5. */
  readonly erosionPt?: number
  /** Shortest side a box may have, points (a rule is thinner). Default 4.5. */
  readonly minSidePt?: number
  /** Largest scan skew to tolerate, degrees. Default 3. */
  readonly maxSkewDeg?: number
}

const DEFAULTS = {
  darkBelow: 110,
  lightAbove: 160,
  erosionPt: 3.5,
  minSidePt: 4.5,
  maxSkewDeg: 3
} satisfies Required<RasterDetectOptions>

/** Share of light pixels, not text, beyond which a dark shape is hollow rather than a filled box. */
const MAX_HOLLOW_LIGHT = 0.12

/** Edge wobble (deskewed mean deviation) from which a dark stroke is a marker, points. */
const MARKER_WOBBLE_PT = 0.32

/** No redaction is smaller than a short word: ~9 pt along its long side. */
const MIN_LONG_SIDE_PT = 9

interface Candidate {
  x0: number
  y0: number
  /** Exclusive. */
  x1: number
  y1: number
  marker: boolean
  confidence: number
  darkMean: number
}

type Verdict = { marker: boolean; confidence: number } | null

/** The classifier: one flat dark rectangle is a box; a ragged or textured dark stroke is a marker. */
function classify(f: RegionFeatures, pxPerPt: number): Verdict {
  const longPt = f.longPx / pxPerPt
  const shortPt = f.shortPx / pxPerPt
  // Photos and shaded logos: many mid greys, or ink that is anything but flat.
  if (f.midFrac > 0.3 || f.darkStd > 32) return null
  // A reverse-video header: a line of light text across a dark band (a white ground label is short).
  const lightHeightPt = f.lightHeightPx / pxPerPt
  const lightWidthPt = f.lightWidthPx / pxPerPt
  const hasLightText = f.lightGlyphs >= 3 && lightHeightPt >= 3
  if (hasLightText && (lightWidthPt >= 100 || f.lightFrac >= 0.18)) return null
  // Light inside that is not text: a hollow shape (a bold glyph's counter, an outlined frame).
  const hollow = !hasLightText && f.lightFrac > MAX_HOLLOW_LIGHT
  const ink = f.darkFrac + (hasLightText ? f.lightFrac : 0)
  const flat = f.darkStd <= 20 && f.midFrac <= 0.12
  // A block of stacked bars with a short first or last line is a stack of rectangles, each ≥ 4 pt.
  const stepped = f.fillStepped >= 0.9 && f.bands <= 8 && f.minBandPx >= 4 * pxPerPt
  // A felt-pen stroke: box-shaped overall but with wavy long edges (a drawn box: ~0.2 pt of wobble
  // from noise and blur; a marker at 100 dpi: ≥ 0.4 pt) or streaky ink.
  const wavy = f.edgeRaggedPx / pxPerPt >= MARKER_WOBBLE_PT
  if ((f.fillOuter >= 0.88 || stepped) && ink >= 0.85 && flat && !wavy && !hollow) {
    let confidence = 0.97 - (1 - Math.max(f.fillOuter, f.fillStepped)) * 0.8 - f.midFrac
    if (hasLightText) confidence = Math.min(confidence, 0.75)
    if (shortPt < 6) confidence -= 0.1
    return { marker: false, confidence }
  }
  // Marker: elongated, at most a few text lines thick, mostly ink, edges or texture uneven.
  // Felt-pen ink is dark (≤ 60 even where one pass is thin); a marked span is at least a short word.
  const markerLike = f.darkMean <= 60 && longPt >= 20 && longPt >= 2.5 * shortPt && shortPt <= 40
  if (markerLike && f.fillOuter >= 0.6 && f.darkFrac >= 0.6 && !hasLightText) {
    return { marker: true, confidence: 0.45 + 0.15 * Math.min(1, (f.fillOuter - 0.6) / 0.3) }
  }
  return null
}

/**
 * A gap between two pieces of one box split by a white label: the box's top and bottom margins run
 * on above and below the label (≥ 70% ink in the top and bottom fifth), ≥ 50% ink overall, and no
 * column is paper (a bold glyph between two word boxes has paper beside it and above its descender).
 */
function isInkGap(
  bitmap: GreyBitmap,
  darkBelow: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number
): boolean {
  const ya = Math.max(0, y0)
  const yb = Math.min(bitmap.height, y1)
  const xa = Math.max(0, x0)
  const xb = Math.min(bitmap.width, x1)
  if (xb <= xa) return true
  if (yb <= ya) return false
  const band = Math.max(1, Math.round(0.2 * (yb - ya)))
  let dark = 0
  let top = 0
  let bottom = 0
  for (let x = xa; x < xb; x++) {
    let column = 0
    for (let y = ya; y < yb; y++) {
      if ((bitmap.data[y * bitmap.width + x] as number) >= darkBelow) continue
      column++
      if (y < ya + band) top++
      else if (y >= yb - band) bottom++
    }
    if (column < 0.15 * (yb - ya)) return false
    dark += column
  }
  const cols = xb - xa
  return dark >= 0.5 * cols * (yb - ya) && top >= 0.7 * cols * band && bottom >= 0.7 * cols * band
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0))

/** Beyond this share of mid-grey pixels around it, a dark region is part of a picture. */
const MAX_RING_MID = 0.35

/**
 * Share of mid-grey pixels in a ring `gap`…2·`gap` px outside a rectangle (exclusive ends), past any
 * blurred edge. Parts of the ring off the page are left out.
 */
function ringTone(
  bitmap: GreyBitmap,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  gap: number,
  tone: { darkBelow: number; lightAbove: number }
): number {
  const { width, height, data } = bitmap
  let mid = 0
  let total = 0
  const ox0 = x0 - 2 * gap
  const oy0 = y0 - 2 * gap
  const ox1 = x1 + 2 * gap
  const oy1 = y1 + 2 * gap
  for (let y = Math.max(0, oy0); y < Math.min(height, oy1); y++) {
    const inner = y >= y0 - gap && y < y1 + gap
    const row = y * width
    for (let x = Math.max(0, ox0); x < Math.min(width, ox1); x++) {
      if (inner && x >= x0 - gap && x < x1 + gap) {
        x = x1 + gap - 1
        continue
      }
      const g = data[row + x] as number
      total++
      if (g >= tone.darkBelow && g <= tone.lightAbove) mid++
    }
  }
  return total > 0 ? mid / total : 0
}

/** Ink share beside a bar above which there is text there (a line of text is ≥ 8% ink). */
const MAX_INK_BESIDE_BAR = 0.03

/** Ink share in [x0, x1) over the middle 60% of the rows [y0, y1): skew moves the ends of a bar. */
function inkBeside(
  bitmap: GreyBitmap,
  darkBelow: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number
): number {
  const inset = Math.round(0.2 * (y1 - y0))
  let dark = 0
  let total = 0
  for (let y = Math.max(0, y0 + inset); y < Math.min(bitmap.height, y1 - inset); y++) {
    const row = y * bitmap.width
    for (let x = Math.max(0, x0); x < Math.min(bitmap.width, x1); x++) {
      total++
      if ((bitmap.data[row + x] as number) < darkBelow) dark++
    }
  }
  return total > 0 ? dark / total : 0
}

/** Should a and b be one box? Returns true when they were merged into a. */
function shouldMerge(a: Candidate, b: Candidate, bitmap: GreyBitmap, darkBelow: number): boolean {
  const ah = a.y1 - a.y0
  const bh = b.y1 - b.y0
  const aw = a.x1 - a.x0
  const bw = b.x1 - b.x0
  const xOver = overlap(a.x0, a.x1, b.x0, b.x1)
  const yOver = overlap(a.y0, a.y1, b.y0, b.y1)
  // Overlapping by a third of the smaller: one box drawn over another. Mere contact is judged below.
  if (xOver * yOver >= 0.3 * Math.min(aw * ah, bw * bh)) return true
  // Stacked bars (one block redaction drawn line by line): line-long bars, the shorter almost wholly
  // under or over the other, a gap of ≤ 3 px (~2 pt). Every bar but the last runs to its line's end
  // and every bar but the first starts its line, so there is no text right of the upper bar nor
  // left of the lower one; word boxes on successive lines have text beside them and stay apart.
  const gapY = Math.max(a.y0, b.y0) - Math.min(a.y1, b.y1)
  const lineLong = Math.max(aw / ah, bw / bh) >= 4
  const close = gapY <= Math.max(3, 0.15 * Math.min(ah, bh))
  if (lineLong && close && xOver >= 0.8 * Math.min(aw, bw)) {
    const upper = a.y0 <= b.y0 ? a : b
    const lower = upper === a ? b : a
    const uh = upper.y1 - upper.y0
    const lh = lower.y1 - lower.y0
    const rightOfUpper = inkBeside(bitmap, darkBelow, upper.x1 + 3, upper.x1 + 3 + 2 * uh, upper.y0, upper.y1)
    const leftOfLower = inkBeside(bitmap, darkBelow, lower.x0 - 3 - 2 * lh, lower.x0 - 3, lower.y0, lower.y1)
    if (rightOfUpper <= MAX_INK_BESIDE_BAR && leftOfLower <= MAX_INK_BESIDE_BAR) return true
  }
  // Same line, split by a white label: the gap is still mostly ink and no column of it is paper
  // (a bold glyph between two word boxes has paper on either side of it).
  if (yOver >= 0.6 * Math.min(ah, bh)) {
    const left = a.x0 < b.x0 ? a : b
    const right = left === a ? b : a
    const gy0 = Math.max(a.y0, b.y0)
    const gy1 = Math.min(a.y1, b.y1)
    if (right.x0 - left.x1 <= 12 * (gy1 - gy0) && isInkGap(bitmap, darkBelow, left.x1, gy0, right.x0, gy1))
      return true
  }
  return false
}

/** Largest white label a box end may carry, points (a long multi-ground label at 8 pt). */
const MAX_LABEL_PT = 90

/**
 * Moves one end of a box outward across a white ground label printed at that end: erosion stops at
 * the label, but the box's own top and bottom margins run on past it. A column belongs to the box
 * while its top and bottom fifth (of the box's local height) are ≥ 60% ink and it holds ≥ 15% ink.
 * Text beside a box fails: glyphs leave the descender zone (bottom fifth) empty.
 */
function extendEnd(c: Candidate, bitmap: GreyBitmap, darkBelow: number, pxPerPt: number, dir: -1 | 1): void {
  const { width, data } = bitmap
  const edge = dir < 0 ? c.x0 : c.x1 - 1
  const dark = (x: number, y: number): boolean => (data[y * width + x] as number) < darkBelow
  let top = -1
  let bottom = -1
  for (let y = c.y0; y < c.y1; y++) {
    if (!dark(edge, y)) continue
    if (top < 0) top = y
    bottom = y
  }
  const h = bottom - top + 1
  if (top < 0 || h < 4) return
  const band = Math.max(1, Math.round(0.2 * h))
  const limit = MAX_LABEL_PT * pxPerPt
  let reached = edge
  for (let step = 1, x = edge + dir; step <= limit && x >= 0 && x < width; step++, x += dir) {
    let topInk = 0
    let bottomInk = 0
    let ink = 0
    for (let y = top; y <= bottom; y++) {
      if (!dark(x, y)) continue
      ink++
      if (y < top + band) topInk++
      else if (y > bottom - band) bottomInk++
    }
    if (topInk < 0.6 * band || bottomInk < 0.6 * band || ink < 0.15 * h) break
    reached = x
  }
  if (dir < 0) c.x0 = reached
  else c.x1 = reached + 1
}

function mergeCandidates(cands: Candidate[], bitmap: GreyBitmap, darkBelow: number): Candidate[] {
  const out = cands.slice()
  let changed = true
  while (changed) {
    changed = false
    for (let i = 0; i < out.length && !changed; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i] as Candidate
        const b = out[j] as Candidate
        if (!shouldMerge(a, b, bitmap, darkBelow)) continue
        const aArea = (a.x1 - a.x0) * (a.y1 - a.y0)
        const bArea = (b.x1 - b.x0) * (b.y1 - b.y0)
        out[i] = {
          x0: Math.min(a.x0, b.x0),
          y0: Math.min(a.y0, b.y0),
          x1: Math.max(a.x1, b.x1),
          y1: Math.max(a.y1, b.y1),
          marker: a.marker && b.marker,
          confidence: (a.confidence * aArea + b.confidence * bArea) / (aArea + bArea),
          darkMean: (a.darkMean * aArea + b.darkMean * bArea) / (aArea + bArea)
        }
        out.splice(j, 1)
        changed = true
        break
      }
    }
  }
  return out
}

/** A strip along a page edge, long and thin: the scanner lid's shadow, not a redaction. */
function isScannerBorder(c: Candidate, width: number, height: number): boolean {
  const w = c.x1 - c.x0
  const h = c.y1 - c.y0
  const touchesSide = c.x0 <= 1 || c.x1 >= width - 1
  const touchesTopOrBottom = c.y0 <= 1 || c.y1 >= height - 1
  return (
    (touchesSide && h >= 0.3 * height && w <= 0.08 * width) ||
    (touchesTopOrBottom && w >= 0.3 * width && h <= 0.05 * height)
  )
}

export function detectRasterBoxes(
  bitmap: GreyBitmap,
  pxPerPt: number,
  options: RasterDetectOptions = {}
): RasterBox[] {
  const o = { ...DEFAULTS, ...options }
  const { width, height, data } = bitmap
  if (data.length !== width * height)
    throw new Error(`bitmap is ${data.length} bytes, expected ${width}×${height}`)
  if (!(pxPerPt > 0)) throw new Error('pxPerPt must be positive')
  const erosionPx = Math.max(2, Math.round(o.erosionPt * pxPerPt))
  const minSidePx = o.minSidePt * pxPerPt
  const ink = thresholdDark(data, o.darkBelow)
  const solid = erodeSquare(ink, width, height, erosionPx)
  const minEroded = Math.max(1, Math.ceil(minSidePx - (erosionPx - 1)))
  const { components, runs } = labelComponents(solid, width, height, minEroded, minEroded)

  const tone = { darkBelow: o.darkBelow, lightAbove: o.lightAbove, minGlyphPx: 2.5 * pxPerPt }
  const cands: Candidate[] = []
  for (const comp of components) {
    const f = measureRegion(comp, runs, data, width, height, erosionPx, tone, o.maxSkewDeg)
    if (f.shortPx < minSidePx) continue
    const boxW = comp.x1 - comp.x0 + erosionPx
    const boxH = comp.y1 - comp.y0 + erosionPx
    // A glyph stem of a large bold heading: narrow and upright. Word redactions are wider than tall.
    if (boxW < 10 * pxPerPt && boxH > 1.5 * boxW) continue
    // A blob where strokes of a bold glyph meet: the smallest word box is ~10 pt wide.
    if (f.longPx < MIN_LONG_SIDE_PT * pxPerPt) continue
    // A dark patch inside a photo sits among mid greys; a redaction sits on paper, beside text.
    const ring = ringTone(
      bitmap,
      comp.x0,
      comp.y0,
      comp.x1 + erosionPx,
      comp.y1 + erosionPx,
      Math.round(3 * pxPerPt),
      o
    )
    if (ring > MAX_RING_MID) continue
    const verdict = classify(f, pxPerPt)
    console.log(
      'comp',
      'rag',
      f.edgeRaggedPx.toFixed(2),
      verdict?.marker,
      comp.x0,
      comp.y0,
      comp.x1,
      comp.y1,
      'ring',
      ring.toFixed(2),
      JSON.stringify(f, (k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v)),
      verdict
    )
    if (!verdict) continue
    cands.push({
      x0: comp.x0,
      y0: comp.y0,
      x1: Math.min(width, comp.x1 + erosionPx),
      y1: Math.min(height, comp.y1 + erosionPx),
      marker: verdict.marker,
      confidence: verdict.confidence,
      darkMean: f.darkMean
    })
  }

  for (const c of cands) {
    if (c.marker) continue
    extendEnd(c, bitmap, o.darkBelow, pxPerPt, -1)
    extendEnd(c, bitmap, o.darkBelow, pxPerPt, 1)
  }
  for (const c of cands) console.log('cand', c.x0, c.y0, c.x1, c.y1, c.marker, c.confidence.toFixed(2))
  return mergeCandidates(cands, bitmap, o.darkBelow)
    .filter((c) => !isScannerBorder(c, width, height))
    .map((c) => ({
      pageRect: [c.x0 / pxPerPt, c.y0 / pxPerPt, c.x1 / pxPerPt, c.y1 / pxPerPt] as const,
      kind: c.darkMean <= 85 ? ('black' as const) : ('grey' as const),
      confidence: Math.round(Math.max(0.05, Math.min(0.99, c.confidence)) * 100) / 100,
      marker: c.marker
    }))
}
