/**
 * Canvas backing-store sizing (security.md P8). A page is drawn at CSS size × devicePixelRatio for
 * sharp text, but never beyond the caps pdf.js's own viewer uses (`web/app_options.js`): 2^25 pixels
 * (~134 MB as RGBA) and 32,767 px a side (Chromium's canvas limit). A 14,400 pt page at 200 % would
 * otherwise ask for ~38,400² px = 5.9 GB.
 */

/** pdf.js viewer `maxCanvasPixels`. */
export const MAX_CANVAS_PIXELS = 2 ** 25
/** pdf.js viewer `maxCanvasDim`; Chromium refuses larger canvases. */
export const MAX_CANVAS_SIDE_PX = 32_767

export interface CanvasSize {
  /** Backing store, device pixels. */
  readonly widthPx: number
  readonly heightPx: number
  /** Device pixels per CSS pixel actually used (≤ the requested ratio when clamped). */
  readonly outputScale: number
  readonly clamped: boolean
}

/**
 * Backing size for a page shown at `cssWidth` × `cssHeight` CSS px on a screen with `pixelRatio`.
 * When clamped the canvas is simply stretched by CSS: blurrier, never missing.
 */
export function canvasSizeFor(
  cssWidth: number,
  cssHeight: number,
  pixelRatio: number,
  maxPixels: number = MAX_CANVAS_PIXELS,
  maxSidePx: number = MAX_CANVAS_SIDE_PX
): CanvasSize {
  const width = Math.max(1, cssWidth)
  const height = Math.max(1, cssHeight)
  const requested = pixelRatio > 0 && Number.isFinite(pixelRatio) ? pixelRatio : 1
  const limit = Math.min(Math.sqrt(maxPixels / (width * height)), maxSidePx / width, maxSidePx / height)
  const outputScale = Math.min(requested, limit)
  // floor keeps us inside both caps after rounding; at least 1 px so drawing never throws.
  const widthPx = Math.max(1, Math.floor(width * outputScale))
  const heightPx = Math.max(1, Math.floor(height * outputScale))
  return { widthPx, heightPx, outputScale, clamped: outputScale < requested }
}
