/** Bar charts among the tone boxes: bars on one baseline with differing heights are not redactions. */
import type { ToneBox } from './toneBoxes'

/** Bars standing on one baseline with differing heights: a bar chart, not redactions. */
export function chartBars(boxes: readonly ToneBox[], pxPerPt: number): Set<ToneBox> {
  const out = new Set<ToneBox>()
  const tol = 1.5 * pxPerPt
  for (const a of boxes) {
    const vertical = boxes.filter((b) => Math.abs(b.y1 - a.y1) <= tol && b.y1 - b.y0 >= 0.8 * (b.x1 - b.x0))
    if (vertical.length >= 3) {
      const heights = vertical.map((b) => b.y1 - b.y0)
      if (Math.max(...heights) >= 1.3 * Math.min(...heights)) for (const b of vertical) out.add(b)
    }
    // Horizontal bars from one axis, of differing lengths, each as tall as the others and taller
    // than a text line's bar would be apart from one another (gaps wider than their height).
    const horizontal = boxes.filter(
      (b) => Math.abs(b.x0 - a.x0) <= tol && Math.abs(b.y1 - b.y0 - (a.y1 - a.y0)) <= tol
    )
    if (horizontal.length >= 3) {
      const sorted = [...horizontal].sort((p, q) => p.y0 - q.y0)
      const gaps = sorted.slice(1).map((b, i) => b.y0 - sorted[i]!.y1)
      const widths = sorted.map((b) => b.x1 - b.x0)
      const spaced = gaps.every((g) => g >= 0.6 * (a.y1 - a.y0))
      const varied = Math.max(...widths) >= 1.5 * Math.min(...widths)
      const ragged = new Set(widths.map((v) => Math.round(v / (4 * pxPerPt)))).size >= sorted.length - 1
      if (spaced && varied && ragged) for (const b of horizontal) out.add(b)
    }
  }
  return out
}
