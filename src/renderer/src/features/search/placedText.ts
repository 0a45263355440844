/**
 * pdf.js text items placed on the displayed page (points, origin top-left), so search can leave out
 * the characters under a box (core/review/visibleText.ts). An item's transform and width are in PDF
 * user space; its box there runs from a quarter of its height below the baseline (descenders) to
 * 0.85 of it above (ascenders), and the page's own /Rotate and crop are applied by pdf.js's viewport.
 */
import type { PlacedText } from '@core/review/visibleText'
import type { TextItem } from 'pdfjs-dist/types/src/display/api'

/** PDF user space → displayed page points (a pdf.js viewport at scale 1). */
export type ToPagePoint = (x: number, y: number) => readonly number[]

const DESCENT_EM = 0.25
const ASCENT_EM = 0.85
/** A run turned less than this share off an axis still reads along that axis (tan ≈ 3°). */
const AXIS_TOLERANCE = 0.05

function advanceOf(dx: number, dy: number): PlacedText['advance'] {
  if (Math.abs(dy) <= AXIS_TOLERANCE * Math.abs(dx)) return dx >= 0 ? 'right' : 'left'
  if (Math.abs(dx) <= AXIS_TOLERANCE * Math.abs(dy)) return dy >= 0 ? 'down' : 'up'
  return null
}

export function placeTextItems(items: readonly unknown[], toPage: ToPagePoint): PlacedText[] {
  const placed: PlacedText[] = []
  for (const item of items) {
    if (typeof item !== 'object' || item === null || !('str' in item)) continue
    const t = item as TextItem
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = t.transform as number[]
    const scaleX = Math.hypot(a, b) || 1
    const scaleY = Math.hypot(c, d) || 1
    const along = [a / scaleX, b / scaleX] as const
    const up = [c / scaleY, d / scaleY] as const
    const height = t.height > 0 ? t.height : scaleY
    const width = Math.max(0, t.width)
    const corner = (s: number, h: number): readonly number[] =>
      toPage(e + along[0] * s + up[0] * h, f + along[1] * s + up[1] * h)
    const corners = [
      corner(0, -DESCENT_EM * height),
      corner(width, -DESCENT_EM * height),
      corner(0, ASCENT_EM * height),
      corner(width, ASCENT_EM * height)
    ]
    const xs = corners.map((p) => p[0] ?? 0)
    const ys = corners.map((p) => p[1] ?? 0)
    const start = corners[0]!
    const end = corners[1]!
    placed.push({
      str: t.str,
      hasEOL: t.hasEOL,
      pageRect: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
      advance: width > 0 ? advanceOf((end[0] ?? 0) - (start[0] ?? 0), (end[1] ?? 0) - (start[1] ?? 0)) : null
    })
  }
  return placed
}
