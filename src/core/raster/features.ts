/**
 * Shape and tone measurements of one candidate dark region (a component of the eroded dark mask),
 * the evidence the classifier in detectRasterBoxes weighs:
 * - rectangularity against the minimum-area rectangle over small angles (scans are skewed up to
 *   ~2°, so an axis-aligned fill ratio would punish a 1.5° skewed 500 px bar by 13 px of height);
 * - how the region's pixels spread over dark, mid and light greys: a redaction is one flat ink
 *   (JPEG noise σ ≈ 5–12 grey levels), a photo or a shaded logo has many mid greys, a reverse-video
 *   header carries a whole line of light text;
 * - the extent of light pixels inside, which tells a small white ground label from a title.
 */
import type { Component, RunTable } from './components'
import { countLightGlyphs } from './lightText'
import { deskewedShape } from './profile'

export interface RegionFeatures {
  /** Minimum-area rectangle (over ±maxSkewDeg) in px, already widened by the erosion size. */
  readonly longPx: number
  readonly shortPx: number
  readonly angleDeg: number
  /** Area inside the per-row outer extents ÷ minimum-area rectangle: 1 for a clean box, π/4 for a disc. */
  readonly fillOuter: number
  /**
   * The same against a stack of rectangles: the deskewed row profile is cut into bands wherever an
   * edge steps by > 3 px, each band boxed. A block of bars whose last line is short scores ~1 here
   * and ~0.85 on fillOuter. `bands` and `minBandPx` (the thinnest band) say how it was cut.
   */
  readonly fillStepped: number
  readonly bands: number
  readonly minBandPx: number
  /** Median wobble (px) of the top and bottom edges about their medians, deskewed (profile.ts). */
  readonly edgeRaggedPx: number
  /** Fractions of the region's pixels (inside the per-row extents): dark, mid grey, light. */
  readonly darkFrac: number
  readonly midFrac: number
  readonly lightFrac: number
  /** Mean and standard deviation of the dark pixels' grey level. */
  readonly darkMean: number
  readonly darkStd: number
  /** Bounds of the light pixels inside (px), 0 when there are none. */
  readonly lightWidthPx: number
  readonly lightHeightPx: number
  /** Glyph-like light components inside (lightText.ts): text, not streaks. */
  readonly lightGlyphs: number
}

export interface ToneThresholds {
  /** A pixel below this grey is ink. */
  readonly darkBelow: number
  /** A pixel above this grey is paper or a light glyph. */
  readonly lightAbove: number
  /** Shortest light glyph, px. */
  readonly minGlyphPx: number
}

const DEG = Math.PI / 180

/** Reused scratch rows; sized to the tallest component seen. */
let scratchX0 = new Int32Array(0)
let scratchX1 = new Int32Array(0)
export function measureRegion(
  comp: Component,
  runs: RunTable,
  grey: Uint8Array,
  width: number,
  height: number,
  erosionPx: number,
  tone: ToneThresholds,
  maxSkewDeg: number
): RegionFeatures {
  const rows = comp.y1 - comp.y0 + 1
  if (scratchX0.length < rows) {
    scratchX0 = new Int32Array(rows * 2)
    scratchX1 = new Int32Array(rows * 2)
  }
  scratchX0.fill(2 ** 30, 0, rows)
  scratchX1.fill(-1, 0, rows)
  for (const i of comp.runs) {
    const r = (runs.y[i] as number) - comp.y0
    const a = runs.x0[i] as number
    const b = runs.x1[i] as number
    if (a < (scratchX0[r] as number)) scratchX0[r] = a
    if (b > (scratchX1[r] as number)) scratchX1[r] = b
  }

  // Minimum-area rectangle of the row extents' corners over a small range of angles.
  let best = { area: Infinity, angle: 0, u: 0, v: 0 }
  const steps = Math.max(1, Math.round(maxSkewDeg / 0.25))
  let outerArea = 0
  for (let r = 0; r < rows; r++) {
    const x1 = scratchX1[r] as number
    if (x1 >= 0) outerArea += x1 - (scratchX0[r] as number) + 1
  }
  for (let k = -steps; k <= steps; k++) {
    const angle = (k * maxSkewDeg) / steps
    const c = Math.cos(angle * DEG)
    const s = Math.sin(angle * DEG)
    let uMin = Infinity
    let uMax = -Infinity
    let vMin = Infinity
    let vMax = -Infinity
    for (let r = 0; r < rows; r++) {
      const x1 = scratchX1[r] as number
      if (x1 < 0) continue
      const y = comp.y0 + r
      const xa = scratchX0[r] as number
      const xb = x1 + 1
      for (let corner = 0; corner < 4; corner++) {
        const px = corner & 1 ? xb : xa
        const py = corner & 2 ? y + 1 : y
        const u = px * c + py * s
        const v = -px * s + py * c
        if (u < uMin) uMin = u
        if (u > uMax) uMax = u
        if (v < vMin) vMin = v
        if (v > vMax) vMax = v
      }
    }
    const area = (uMax - uMin) * (vMax - vMin)
    if (area < best.area - 1e-6) best = { area, angle, u: uMax - uMin, v: vMax - vMin }
  }

  const shape = deskewedShape(comp, runs, best.angle)

  // Tone over the region each eroded row stands for: [x0, x1 + s − 1], plus s − 1 rows below the last.
  let dark = 0
  let mid = 0
  let light = 0
  let sum = 0
  let sumSq = 0
  let lx0 = Infinity
  let lx1 = -Infinity
  let ly0 = Infinity
  let ly1 = -Infinity
  const ext = erosionPx - 1
  for (let r = 0; r < rows; r++) {
    const x1e = scratchX1[r] as number
    if (x1e < 0) continue
    const xa = scratchX0[r] as number
    const xb = Math.min(width - 1, x1e + ext)
    const yEnd = r === rows - 1 ? Math.min(height - 1, comp.y0 + r + ext) : comp.y0 + r
    for (let y = comp.y0 + r; y <= yEnd; y++) {
      const row = y * width
      for (let x = xa; x <= xb; x++) {
        const g = grey[row + x] as number
        if (g < tone.darkBelow) {
          dark++
          sum += g
          sumSq += g * g
        } else if (g > tone.lightAbove) {
          light++
          // Light pixels on the region's own rim are paper beside a ragged edge, not content.
          if (x > xa + 1 && x < xb - 1) {
            if (x < lx0) lx0 = x
            if (x > lx1) lx1 = x
            if (y < ly0) ly0 = y
            if (y > ly1) ly1 = y
          }
        } else mid++
      }
    }
  }
  const total = Math.max(1, dark + mid + light)
  const darkMean = dark > 0 ? sum / dark : 255
  const variance = dark > 0 ? Math.max(0, sumSq / dark - darkMean * darkMean) : 0
  const u = best.u + ext
  const v = best.v + ext
  return {
    longPx: Math.max(u, v),
    shortPx: Math.min(u, v),
    angleDeg: best.angle,
    fillOuter: best.area > 0 ? Math.min(1, outerArea / best.area) : 0,
    fillStepped: shape.fillStepped,
    bands: shape.bands,
    minBandPx: shape.bands > 0 ? shape.minBandPx + ext : 0,
    edgeRaggedPx: shape.edgeRaggedPx,
    darkFrac: dark / total,
    midFrac: mid / total,
    lightFrac: light / total,
    darkMean,
    darkStd: Math.sqrt(variance),
    lightGlyphs:
      lx1 >= lx0 && light >= 0.005 * total
        ? countLightGlyphs(
            grey,
            width,
            { x0: lx0, y0: ly0, x1: lx1, y1: ly1 },
            tone.lightAbove,
            tone.minGlyphPx
          )
        : 0,
    lightWidthPx: lx1 >= lx0 ? lx1 - lx0 + 1 : 0,
    lightHeightPx: ly1 >= ly0 ? ly1 - ly0 + 1 : 0
  }
}
