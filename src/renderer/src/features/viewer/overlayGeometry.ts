/**
 * The bridge from stored page coordinates to the overlay's CSS pixels. A `pageRect` is points on the
 * displayed page, origin top-left, y down (a pdf.js viewport at scale 1), so the view is a plain
 * scale: no flip, no rotation — those were applied when the rect was stored.
 */
import type { PageRect } from '@core/types'

/** [left, top, width, height] in CSS px inside one rendered page. */
export interface ViewRect {
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
}

/** @param scale CSS px per point (the viewer's zoom). Corners in any order are normalised. */
export function pageRectToViewRect(pageRect: PageRect, scale: number): ViewRect {
  const [x0, y0, x1, y1] = pageRect
  const left = Math.min(x0, x1) * scale
  const top = Math.min(y0, y1) * scale
  return { left, top, width: Math.abs(x1 - x0) * scale, height: Math.abs(y1 - y0) * scale }
}
