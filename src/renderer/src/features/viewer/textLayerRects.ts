/**
 * Where a page's printed words are, read from its built pdf.js text layer: one rectangle per span
 * with visible text, in points on the displayed page (`pageRect` space), so a zoom keeps them true.
 * Measured from the DOM the reader sees rather than recomputed from pdf.js's text items, which would
 * copy pdf.js's own ascent and scale arithmetic.
 */
import type { PageRect } from '@core/types'

/** The words' rectangles, `pageRect` space (points, top-left origin). */
export type WordRects = readonly PageRect[]

/** @param scale CSS px per point at which the layer was laid out (and is now shown). */
export function measureTextLayer(container: HTMLElement, scale: number): WordRects {
  const origin = container.getBoundingClientRect()
  const rects: PageRect[] = []
  for (const span of container.querySelectorAll('span')) {
    // Leaf spans only: pdf.js nests marked-content spans around the text ones.
    if (span.querySelector('span') || !span.textContent?.trim()) continue
    const r = span.getBoundingClientRect()
    if (r.width <= 0 || r.height <= 0) continue
    rects.push([
      (r.left - origin.left) / scale,
      (r.top - origin.top) / scale,
      (r.right - origin.left) / scale,
      (r.bottom - origin.top) / scale
    ])
  }
  return rects
}
