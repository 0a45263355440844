/** The tone views of a page the tone-box detector searches one by one (toneBoxes.ts). */
import type { GreyBitmap } from './detectRasterBoxes'
import { erodeSquare } from './mask'
import { EROSION_PT } from './toneMeasure'

/** A block this tall and wide (points) spans enough paper for uneven light to shift its tone. */
export const LARGE_BLOCK_PT = 30
/** Half-width of a tone band: a flat fill's scanner and JPEG noise stays within ±12 levels. */
export const TONE_BAND = 16
/** Tone peaks closer than this are one fill. */
export const MIN_TONE_SEPARATION = 2 * TONE_BAND
/** At most this many fills per page are looked for (real releases use one or two). */
export const MAX_TONES = 4
/** A tone is a fill worth looking for when its solid pixels cover a small word box (~10 × 7 pt). */
export const MIN_TONE_AREA_PT2 = 70

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
export function toneBand(data: Uint8Array, nonPaper: Uint8Array, tone: number): Uint8Array {
  const out = new Uint8Array(data.length)
  for (let i = 0; i < data.length; i++)
    out[i] = nonPaper[i] && Math.abs((data[i] as number) - tone) <= TONE_BAND ? 1 : 0
  return out
}
