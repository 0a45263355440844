/**
 * Zoom arithmetic. Internally a zoom is a scale in CSS px per PDF point; the user sees percent,
 * where 100 % is the page at its printed size (1 pt = 96/72 CSS px), as in Acrobat and pdf.js.
 */
import type { PageSizePt } from './layout'
import { PAGE_GAP_PX } from './layout'

/** pdf.js `PixelsPerInch.PDF_TO_CSS_UNITS`. */
export const CSS_PX_PER_PT = 96 / 72

export const MIN_ZOOM_PERCENT = 25
export const MAX_ZOOM_PERCENT = 400
/** The steps Ctrl+= / Ctrl+− and the toolbar walk through. */
export const ZOOM_PERCENT_STEPS = [
  25, 33, 50, 67, 75, 90, 100, 110, 125, 150, 175, 200, 250, 300, 400
] as const

/** A stored zoom: a scale, or a fit mode re-resolved whenever the window or page changes. */
export type ZoomSetting = number | 'fit-width' | 'fit-page'

/** Room kept beside the page in fit modes, CSS px: the gap on each side plus a scrollbar. */
export const FIT_MARGIN_PX = PAGE_GAP_PX * 2 + 16

export const scaleToPercent = (scale: number): number => (scale / CSS_PX_PER_PT) * 100
export const percentToScale = (percent: number): number => (percent / 100) * CSS_PX_PER_PT

export function clampScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) return percentToScale(100)
  return Math.min(percentToScale(MAX_ZOOM_PERCENT), Math.max(percentToScale(MIN_ZOOM_PERCENT), scale))
}

/** Next step above the current zoom (a zoom between steps goes to the next step, not two up). */
export function zoomInStep(scale: number): number {
  const percent = scaleToPercent(scale)
  const next = ZOOM_PERCENT_STEPS.find((step) => step > percent + 0.5) ?? MAX_ZOOM_PERCENT
  return percentToScale(next)
}

export function zoomOutStep(scale: number): number {
  const percent = scaleToPercent(scale)
  const below = ZOOM_PERCENT_STEPS.filter((step) => step < percent - 0.5)
  return percentToScale(below[below.length - 1] ?? MIN_ZOOM_PERCENT)
}

export function fitWidthScale(page: PageSizePt, containerWidthPx: number): number {
  return clampScale((containerWidthPx - FIT_MARGIN_PX) / Math.max(1, page.width))
}

export function fitPageScale(page: PageSizePt, containerWidthPx: number, containerHeightPx: number): number {
  const byWidth = (containerWidthPx - FIT_MARGIN_PX) / Math.max(1, page.width)
  const byHeight = (containerHeightPx - PAGE_GAP_PX * 2) / Math.max(1, page.height)
  return clampScale(Math.min(byWidth, byHeight))
}

export function resolveZoom(
  zoom: ZoomSetting,
  page: PageSizePt,
  containerWidthPx: number,
  containerHeightPx: number
): number {
  if (zoom === 'fit-width') return fitWidthScale(page, containerWidthPx)
  if (zoom === 'fit-page') return fitPageScale(page, containerWidthPx, containerHeightPx)
  return clampScale(zoom)
}

/** Ctrl+wheel: one notch (deltaY ≈ 100) zooms by ~10 %, and trackpad pinches scale smoothly. */
export function wheelZoom(scale: number, deltaY: number): number {
  return clampScale(scale * Math.exp(-deltaY * 0.001))
}
