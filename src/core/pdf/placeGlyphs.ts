/**
 * Places the glyphs of one show-text operation on the displayed page, as pdf.js's canvas `showText`
 * does: text matrix × CTM, font size, horizontal scale, rise, character and word spacing, TJ offsets;
 * each glyph's box runs from the font's descent to its ascent over its advance width.
 */
import type { PageRect } from '../types'
import {
  asNumber,
  DEFAULT_ASCENT_EM,
  DEFAULT_DESCENT_EM,
  FONT_IDENTITY_MATRIX,
  type GraphicsState
} from './graphicsState'
import { multiply } from './matrix'
import type { Glyph } from './pageContent'

export interface GlyphArg {
  readonly unicode?: unknown
  readonly width?: unknown
  readonly isSpace?: unknown
}

/** Appends the glyphs of `items` (pdf.js glyph objects and TJ numbers) to `out`; advances the text position. */
export function placeGlyphs(items: unknown, state: GraphicsState, nextSeq: () => number, out: Glyph[]): void {
  const t = state.text
  if (!Array.isArray(items) || t.fontSize === 0) return
  const fontMatrix = t.metrics?.fontMatrix ?? FONT_IDENTITY_MATRIX
  const ascent = t.metrics?.ascent ?? DEFAULT_ASCENT_EM
  const descent = t.metrics?.descent ?? DEFAULT_DESCENT_EM
  const widthScale = t.fontSize * asNumber(fontMatrix[0], 0.001)
  const hScale = t.hScale * t.fontDirection
  const textToPage = multiply(state.ctm, t.textMatrix)
  const sizePt =
    t.fontSize * Math.sqrt(Math.abs(textToPage[0] * textToPage[3] - textToPage[1] * textToPage[2]))
  const rotated = Math.abs(textToPage[1]) > 0.1 * Math.abs(textToPage[0]) || Math.abs(textToPage[0]) < 1e-9
  // The baseline's direction on the displayed page (y down), snapped to the nearest quarter turn.
  const bx = textToPage[0] * hScale
  const by = textToPage[1] * hScale
  const dir: 0 | 1 | 2 | 3 = Math.abs(bx) >= Math.abs(by) ? (bx >= 0 ? 0 : 2) : by >= 0 ? 1 : 3
  // tan 10° ≈ 0.18: anything steeper than that off the nearest axis is a slanted watermark.
  const diagonal = Math.min(Math.abs(bx), Math.abs(by)) > 0.18 * Math.max(Math.abs(bx), Math.abs(by))
  const mode = t.renderMode & 3
  const invisible = mode === 3 || t.renderMode === 7
  const colour = mode === 1 ? state.stroke : state.fill
  const alpha = mode === 1 ? state.strokeAlpha : state.fillAlpha
  const yTop = t.y + t.rise + ascent * t.fontSize
  const yBottom = t.y + t.rise + descent * t.fontSize
  let x = 0
  for (const item of items) {
    if (typeof item === 'number') {
      x -= (item * t.fontSize) / 1000
      continue
    }
    if (!item || typeof item !== 'object') continue
    const glyph = item as GlyphArg
    const width = asNumber(glyph.width, 0)
    const spacing = (glyph.isSpace === true ? t.wordSpacing : 0) + t.charSpacing
    const advance = width * widthScale
    const x0 = t.x + x * hScale
    const x1 = t.x + (x + advance) * hScale
    // transformRect inlined: this runs once per glyph (~1M times for a 500-page release).
    const [ta, tb, tc, td, te, tf] = textToPage
    const ax = ta * x0 + tc * yBottom + te
    const ay = tb * x0 + td * yBottom + tf
    const bx = ta * x1 + tc * yBottom + te
    const by = tb * x1 + td * yBottom + tf
    const cx0 = ta * x0 + tc * yTop + te
    const cy0 = tb * x0 + td * yTop + tf
    const dx = ta * x1 + tc * yTop + te
    const dy = tb * x1 + td * yTop + tf
    const rect: PageRect = [
      Math.min(ax, bx, cx0, dx),
      Math.min(ay, by, cy0, dy),
      Math.max(ax, bx, cx0, dx),
      Math.max(ay, by, cy0, dy)
    ]
    const unicode = typeof glyph.unicode === 'string' ? glyph.unicode : ''
    const cx = (rect[0] + rect[2]) / 2
    const cy = (rect[1] + rect[3]) / 2
    const clip = state.clip
    out.push({
      seq: nextSeq(),
      rect,
      unicode,
      colour,
      invisible,
      sizePt,
      rotated,
      diagonal,
      dir,
      clippedOut: cx < clip[0] || cx > clip[2] || cy < clip[1] || cy > clip[3],
      alpha,
      group: state.group
    })
    x += advance + spacing * t.fontDirection
  }
  t.x += x * hScale
}
