/**
 * The graphics and text state the operator-list walker carries, as pdf.js's canvas renderer keeps it
 * (`CanvasExtraState`): CTM, clip bounds, colours and alphas, and the PDF text state. Plus the small
 * coercions that turn untrusted operator arguments into numbers and matrices.
 */
import type { Matrix } from '../types'
import type { Rgb } from './colour'
import { IDENTITY } from './matrix'
import type { Box } from './pathRects'

/** The parts of a pdf.js font object the walker reads. */
export interface FontMetrics {
  readonly fontMatrix: readonly number[] | null
  /** Ascent and descent in em units (0.8 / −0.2 when the font does not say). */
  readonly ascent: number
  readonly descent: number
  readonly vertical: boolean
}

export type FontLookup = (fontRefName: string) => FontMetrics | null

/** Text fonts rarely reach above 0.95 em or below −0.3 em; outside that a font's metrics are broken. */
export const DEFAULT_ASCENT_EM = 0.8
export const DEFAULT_DESCENT_EM = -0.2
export const FONT_IDENTITY_MATRIX = [0.001, 0, 0, 0.001, 0, 0] as const

export interface TextState {
  fontName: string | null
  metrics: FontMetrics | null
  fontSize: number
  fontDirection: 1 | -1
  charSpacing: number
  wordSpacing: number
  hScale: number
  leading: number
  rise: number
  renderMode: number
  textMatrix: Matrix
  x: number
  y: number
  lineX: number
  lineY: number
}

export interface GraphicsState {
  ctm: Matrix
  clip: Box
  fill: Rgb | null
  stroke: Rgb | null
  fillAlpha: number
  strokeAlpha: number
  blended: boolean
  softMasked: boolean
  /** Innermost small form XObject (see FillBox.group). */
  group: number
  text: TextState
}

export const newTextState = (): TextState => ({
  fontName: null,
  metrics: null,
  fontSize: 0,
  fontDirection: 1,
  charSpacing: 0,
  wordSpacing: 0,
  hScale: 1,
  leading: 0,
  rise: 0,
  renderMode: 0,
  textMatrix: IDENTITY,
  x: 0,
  y: 0,
  lineX: 0,
  lineY: 0
})

export const cloneState = (s: GraphicsState): GraphicsState => ({ ...s, text: { ...s.text } })

export function intersect(a: Box, b: Box): Box {
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])]
}

export const isEmpty = (b: Box): boolean => b[2] <= b[0] || b[3] <= b[1]

export function asMatrix(value: unknown): Matrix | null {
  if (!value || typeof value !== 'object' || !('length' in value)) return null
  const list = Array.from(value as ArrayLike<unknown>)
  if (list.length !== 6 || !list.every((n) => typeof n === 'number' && Number.isFinite(n))) return null
  return list as unknown as Matrix
}

export function asNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/** Reads the metrics the walker needs from a pdf.js font object (`page.commonObjs.get(name)`). */
export function fontMetricsOf(font: unknown): FontMetrics | null {
  if (!font || typeof font !== 'object') return null
  const f = font as { fontMatrix?: unknown; ascent?: unknown; descent?: unknown; vertical?: unknown }
  const matrix =
    Array.isArray(f.fontMatrix) || ArrayBuffer.isView(f.fontMatrix)
      ? Array.from(f.fontMatrix as ArrayLike<number>)
      : null
  let ascent = asNumber(f.ascent, DEFAULT_ASCENT_EM)
  let descent = asNumber(f.descent, DEFAULT_DESCENT_EM)
  // Broken or missing metrics (0, or above 1.5 em) would make every glyph a sliver or a tower.
  if (ascent <= 0.3 || ascent > 1.5) ascent = DEFAULT_ASCENT_EM
  if (descent > 0 || descent < -0.6) descent = DEFAULT_DESCENT_EM
  return { fontMatrix: matrix, ascent, descent, vertical: f.vertical === true }
}
