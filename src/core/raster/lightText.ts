/**
 * Light glyphs inside a dark region: what tells a reverse-video header or a white ground label
 * ("s9(2)(a)") from the pale streaks of a dry felt-tip marker. A glyph is a light component at least
 * `minGlyphPx` tall (2.5 pt: the x-height of 6 pt type) and not a long thin line.
 */
import { labelComponents } from './components'

export function countLightGlyphs(
  grey: Uint8Array,
  width: number,
  box: { x0: number; y0: number; x1: number; y1: number },
  lightAbove: number,
  minGlyphPx: number
): number {
  const w = box.x1 - box.x0 + 1
  const h = box.y1 - box.y0 + 1
  if (w <= 0 || h < minGlyphPx) return 0
  const mask = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    const src = (box.y0 + y) * width + box.x0
    for (let x = 0; x < w; x++) mask[y * w + x] = (grey[src + x] as number) > lightAbove ? 1 : 0
  }
  const { components } = labelComponents(mask, w, h, 1, Math.ceil(minGlyphPx))
  let glyphs = 0
  for (const c of components) {
    const cw = c.x1 - c.x0 + 1
    const ch = c.y1 - c.y0 + 1
    if (cw <= 3 * ch && c.area >= 0.1 * cw * ch) glyphs++
  }
  return glyphs
}
