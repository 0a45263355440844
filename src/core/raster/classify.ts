/**
 * The verdict on one measured dark region (features.ts): a flat dark rectangle, or a stack of them,
 * is a redaction box; an elongated dark stroke with wavy edges is a felt-pen marker; photos (many
 * mid greys), hollow shapes (glyph counters, frames) and reverse-video headers (a line of light
 * text) are nothing. Thresholds carry their reasons; they were set on the synthetic scans of
 * tests/fixtures/scans and checked on a real 300 dpi scan (x-ray no_bad_redactions.8.1).
 */
import type { GreyBitmap } from './detectRasterBoxes'
import type { RegionFeatures } from './features'
import { countLightGlyphs } from './lightText'

/** Share of light pixels, not text, beyond which a dark shape is hollow rather than a filled box. */
const MAX_HOLLOW_LIGHT = 0.12

/** Edge wobble (deskewed median deviation, profile.ts) from which a dark stroke is a marker, points. */
const MARKER_WOBBLE_PT = 0.32

export type Verdict = { marker: boolean; confidence: number } | null

/** The classifier: one flat dark rectangle is a box; a ragged or textured dark stroke is a marker. */
export function classify(f: RegionFeatures, pxPerPt: number): Verdict {
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
  // Flat ink: JPEG noise and a white label's antialiased edges stay under σ 24.
  const flat = f.darkStd <= 24 && f.midFrac <= 0.12
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

/** Beyond this share of mid-grey pixels around it, a dark region is part of a picture. */
export const MAX_RING_MID = 0.35
/** …or this share on any one side: a dark patch at a photo's edge has paper on its other sides. */
export const MAX_RING_SIDE_MID = 0.5

/**
 * Share of mid-grey pixels in a ring `gap`…2·`gap` px outside a rectangle (exclusive ends), past any
 * blurred edge, overall and on its worst side. Parts of the ring off the page are left out.
 */
export function ringTone(
  bitmap: GreyBitmap,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  gap: number,
  tone: { darkBelow: number; lightAbove: number }
): { all: number; worstSide: number } {
  const { width, height, data } = bitmap
  // Sides: 0 top, 1 bottom, 2 left, 3 right.
  const mid = [0, 0, 0, 0]
  const total = [0, 0, 0, 0]
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
      const side = y < y0 - gap ? 0 : y >= y1 + gap ? 1 : x < x0 ? 2 : 3
      const g = data[row + x] as number
      total[side] = (total[side] as number) + 1
      if (g >= tone.darkBelow && g <= tone.lightAbove) mid[side] = (mid[side] as number) + 1
    }
  }
  let allMid = 0
  let allTotal = 0
  let worstSide = 0
  for (let k = 0; k < 4; k++) {
    const t = total[k] as number
    const m = mid[k] as number
    allMid += m
    allTotal += t
    if (t >= 4 * gap) worstSide = Math.max(worstSide, m / t)
  }
  return { all: allTotal > 0 ? allMid / allTotal : 0, worstSide }
}

/**
 * A short box almost filled by its white label ("9(2)(b)(ii)" on a word-sized box): the margins
 * around the label are thinner than the erosion square, so what survives erosion is a thin frame
 * or a sliver, not a rectangle. Judged on the rectangle itself: its inner rim (1 px in) is ≥ 85%
 * ink on all four sides, and inside are ≥ 3 light glyphs covering 5–45% of it.
 */
export function isLabelledBox(
  bitmap: GreyBitmap,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  tone: { darkBelow: number; lightAbove: number; minGlyphPx: number }
): boolean {
  const { width, data } = bitmap
  if (x1 - x0 < 6 || y1 - y0 < 6) return false
  const dark = (x: number, y: number): number => ((data[y * width + x] as number) < tone.darkBelow ? 1 : 0)
  let top = 0
  let bottom = 0
  for (let x = x0 + 1; x < x1 - 1; x++) {
    top += dark(x, y0 + 1)
    bottom += dark(x, y1 - 2)
  }
  let left = 0
  let right = 0
  for (let y = y0 + 1; y < y1 - 1; y++) {
    left += dark(x0 + 1, y)
    right += dark(x1 - 2, y)
  }
  const across = x1 - x0 - 2
  const down = y1 - y0 - 2
  if (Math.min(top / across, bottom / across, left / down, right / down) < 0.85) return false
  let light = 0
  for (let y = y0 + 2; y < y1 - 2; y++) {
    for (let x = x0 + 2; x < x1 - 2; x++) if ((data[y * width + x] as number) > tone.lightAbove) light++
  }
  const share = light / ((x1 - x0 - 4) * (y1 - y0 - 4))
  if (share < 0.05 || share > 0.45) return false
  const inner = { x0: x0 + 2, y0: y0 + 2, x1: x1 - 3, y1: y1 - 3 }
  return countLightGlyphs(data, width, inner, tone.lightAbove, tone.minGlyphPx) >= 3
}
