/**
 * What one page draws, reduced to what redaction detection needs, in drawing order. Every geometry
 * here is already in displayed-page space (pageRect: points, origin top-left, y down), because the
 * walker starts from the pdf.js viewport transform at scale 1.
 */
import type { Matrix, PageRect } from '../types'
import type { Rgb } from './colour'

/** An opaque-or-not filled rectangle (a `re`, or a closed four-sided path that is a rectangle). */
export interface FillBox {
  /** Drawing order across the page: fills, glyphs and images share one counter. */
  readonly seq: number
  /** Visible part: clipped to the clip path's bounds and the page. */
  readonly rect: PageRect
  /** Null for pattern or shading fills, whose colour we cannot tell. */
  readonly colour: Rgb | null
  /** Fill alpha (`ca`) times any soft-mask doubt: below ~0.9 the box does not hide what is under it. */
  readonly alpha: number
  /** The same path was also stroked (a bordered box). */
  readonly stroked: boolean
  /** Drawn inside an annotation's appearance stream. */
  readonly inAnnotation: boolean
  /** Non-normal blend mode (`multiply` and friends: highlighter pens). */
  readonly blended: boolean
  /** The small form XObject (a stamp, an appearance) this was drawn in; 0 for page-level content. */
  readonly group: number
}

/** One drawn character. */
export interface Glyph {
  readonly seq: number
  /** Ink box estimate from the font's ascent/descent and the glyph advance. */
  readonly rect: PageRect
  readonly unicode: string
  /** Fill colour for filled modes, stroke colour for stroke-only modes; null for patterns. */
  readonly colour: Rgb | null
  /** Render mode 3 or 7 (OCR layers, clip-only text): extractable but never painted. */
  readonly invisible: boolean
  /** Font size on the page in points (text matrix and CTM applied). */
  readonly sizePt: number
  /** Baseline direction is not horizontal on the displayed page (rotated or vertical text). */
  readonly rotated: boolean
  /** Baseline at a slant (not a multiple of 90°): watermarks and stamps across the page. */
  readonly diagonal: boolean
  /** Reading direction on the displayed page: 0 → right, 1 → down, 2 → left, 3 → up. */
  readonly dir: 0 | 1 | 2 | 3
  /** Outside the clip or the page: extractable, not painted. */
  readonly clippedOut: boolean
  readonly alpha: number
  /** See FillBox.group: text in the same small form as a box is that box's own overlay. */
  readonly group: number
}

export interface ImagePaint {
  readonly seq: number
  readonly rect: PageRect
  /** CTM at the paint (displayed-page space): maps the image's unit square onto the page. */
  readonly matrix: Matrix
  /** Index of the paint operator in the operator list, where its image reference (or inline data) is. */
  readonly opIndex: number
}

export interface PageContent {
  /** Displayed page size in points. */
  readonly width: number
  readonly height: number
  readonly fills: readonly FillBox[]
  readonly glyphs: readonly Glyph[]
  readonly images: readonly ImagePaint[]
}
