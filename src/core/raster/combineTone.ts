/**
 * Joins the tone-box pass (toneBoxes.ts) with the dark-box pass. The dark pass is exact on black
 * boxes but sees a grey box as pieces (its fixed cut, grey < 110, splits a box of grey 100–120 at
 * its label) and merges bars a hairline apart; the tone pass sees any tone whole and keeps visibly
 * separate bars apart. So: dark pieces inside one tone box give way to it; one dark box holding
 * several tone bars gives way to them; a tone box matching a dark one adds nothing.
 */
import { area as areaOf, coverage as insideShare, intersectionArea as overlap } from '../detect/geometry'
import type { RasterBox } from './detectRasterBoxes'
import type { ToneBox } from './toneBoxes'
import { BLACK_TONE } from './toneMeasure'

export function toneToRaster(t: ToneBox, pxPerPt: number): RasterBox {
  return {
    pageRect: [t.x0 / pxPerPt, t.y0 / pxPerPt, t.x1 / pxPerPt, t.y1 / pxPerPt],
    kind: t.tone <= BLACK_TONE ? 'black' : 'grey',
    confidence: t.confidence,
    marker: false,
    evidence: t.evidence,
    ...(t.needsLabel ? { needsLabel: true } : {})
  }
}

export function combineTone(dark: readonly RasterBox[], tones: readonly RasterBox[]): RasterBox[] {
  const out: RasterBox[] = []
  const placed = new Set<RasterBox>()
  const place = (t: RasterBox): void => {
    if (placed.has(t)) return
    placed.add(t)
    out.push(t)
  }
  for (const d of dark) {
    if (d.kind === 'white' || d.marker) {
      out.push(d)
      continue
    }
    // Several tone bars inside one dark box: the dark pass merged bars a hairline apart.
    const parts = tones.filter((t) => insideShare(t.pageRect, d.pageRect) >= 0.8)
    const partsArea = parts.reduce((sum, t) => sum + areaOf(t.pageRect), 0)
    if (parts.length >= 2 && partsArea >= 0.6 * areaOf(d.pageRect)) {
      parts.forEach(place)
      continue
    }
    // A piece of a larger tone box (split at its label by the dark pass's cut).
    const whole = tones.find(
      (t) => insideShare(d.pageRect, t.pageRect) >= 0.8 && areaOf(t.pageRect) > 1.25 * areaOf(d.pageRect)
    )
    if (whole) place(whole)
    else out.push(d)
  }
  // Tone boxes nothing above covers: the grey, light and coloured boxes the dark pass cannot see.
  // Black ink the dark pass saw and turned down (a bold glyph, a photo's shadow, a marker's end)
  // stays turned down: its rules for black shapes are the stricter ones.
  for (const t of tones)
    if (!placed.has(t) && t.kind !== 'black' && !out.some((o) => overlap(o.pageRect, t.pageRect) > 0))
      place(t)
  return out
}
