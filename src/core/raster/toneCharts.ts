/**
 * Bar charts among the tone boxes. Bars of a chart stand on one axis: they share a baseline (columns)
 * or a start (horizontal bars), and the axis is drawn as a line along it, across the gaps between
 * them. A line of withheld words shares a baseline too, and a paragraph withheld line by line shares
 * a start, but between those boxes there is paper, never a drawn line. Without an axis line, bars
 * must also differ in length the way data does, which boxes over text rarely do.
 */
import type { GreyBitmap } from './detectRasterBoxes'

/** A found box in pixels of the page image (ends exclusive). */
export interface PxBox {
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
}

/** Darker than this is ink on the axis: a scanned hairline blurs to grey 80–190 on paper of 220+. */
const AXIS_INK = 190
/** Darker than this is part of a filled segment rather than paper. */
const FILL_INK = 190
/** Share of the gaps between bars along which the axis line must be found. */
const AXIS_MIN_SHARE = 0.8
/** Stacked segments differ by at least this much in grey (series are told apart by tone). */
const SEGMENT_TONE_STEP = 30
/** Bars of one chart are equally thick: within this share of each other. */
const SAME_THICKNESS = 0.2

export function chartBars<T extends PxBox>(boxes: readonly T[], bitmap: GreyBitmap, pxPerPt: number): Set<T> {
  const out = new Set<T>()
  const tol = 2 * pxPerPt
  for (const a of boxes) {
    const aw = a.x1 - a.x0
    const ah = a.y1 - a.y0
    // Columns on one baseline, as wide as each other.
    const columns = boxes.filter(
      (b) => Math.abs(b.y1 - a.y1) <= tol && Math.abs(b.x1 - b.x0 - aw) <= SAME_THICKNESS * aw
    )
    if (columns.length >= 2 && axisAcross(bitmap, columns, false, pxPerPt))
      for (const b of columns) out.add(b)
    const vertical = boxes.filter((b) => Math.abs(b.y1 - a.y1) <= tol && b.y1 - b.y0 >= 0.8 * (b.x1 - b.x0))
    if (vertical.length >= 3) {
      const heights = vertical.map((b) => b.y1 - b.y0)
      if (Math.max(...heights) >= 1.3 * Math.min(...heights)) for (const b of vertical) out.add(b)
    }
    // Horizontal bars from one start, equally thick.
    const rows = boxes.filter(
      (b) => Math.abs(b.x0 - a.x0) <= tol && Math.abs(b.y1 - b.y0 - ah) <= Math.max(tol, SAME_THICKNESS * ah)
    )
    const long = rows.map((b) => b.x1 - b.x0)
    if (rows.length >= 2 && differ(long) && axisAcross(bitmap, rows, true, pxPerPt))
      for (const b of rows) out.add(b)
    // Without an axis: of differing lengths, each taller than a text line's bar would be apart from
    // the next (gaps wider than their height).
    if (rows.length >= 3) {
      const sorted = [...rows].sort((p, q) => p.y0 - q.y0)
      const gaps = sorted.slice(1).map((b, i) => b.y0 - sorted[i]!.y1)
      const widths = sorted.map((b) => b.x1 - b.x0)
      // Bars of one chart follow at an even pitch, a bar's thickness or so apart; boxes that merely
      // start at the text column's edge lie anywhere down the page.
      const pitch = sorted.slice(1).map((b, i) => b.y0 - sorted[i]!.y0)
      const median = [...pitch].sort((p, q) => p - q)[pitch.length >> 1]!
      const even = pitch.every((p) => Math.abs(p - median) <= 0.15 * median)
      const spaced = even && gaps.every((g) => g >= 0.6 * ah && g <= 2.5 * ah)
      const varied = Math.max(...widths) >= 1.5 * Math.min(...widths)
      const ragged = new Set(widths.map((v) => Math.round(v / (4 * pxPerPt)))).size >= sorted.length - 1
      if (spaced && varied && ragged) for (const b of rows) out.add(b)
    }
  }
  // Stacked bars whose first segments were not taken for boxes: three or more equally thick boxes,
  // each going on from another fill of its own thickness, are the later segments of a chart's bars.
  const segments = boxes.filter((b) => continuesAFill(bitmap, b, pxPerPt))
  for (const a of segments) {
    const alike = segments.filter(
      (b) => Math.abs(b.y1 - b.y0 - (a.y1 - a.y0)) <= SAME_THICKNESS * (a.y1 - a.y0)
    )
    if (alike.length >= 3) for (const b of alike) out.add(b)
  }
  // Stacked bars: a segment that goes on from where a chart bar ends, as thick, is one more segment.
  for (let grew = true; grew;) {
    grew = false
    for (const b of boxes) {
      if (out.has(b)) continue
      const follows = [...out].some(
        (c) =>
          (Math.abs(b.x0 - c.x1) <= tol && Math.abs(b.y0 - c.y0) <= tol && Math.abs(b.y1 - c.y1) <= tol) ||
          (Math.abs(b.y1 - c.y0) <= tol && Math.abs(b.x0 - c.x0) <= tol && Math.abs(b.x1 - c.x1) <= tol)
      )
      if (follows) {
        out.add(b)
        grew = true
      }
    }
  }
  return out
}

/**
 * Does ink of the box's own thickness run on past its start (a stacked bar's earlier segment)? The
 * strip just before the box is ink over its whole height, and paper lies just above and below it.
 */
function continuesAFill(bitmap: GreyBitmap, b: PxBox, pxPerPt: number): boolean {
  const { data, width } = bitmap
  const x1 = Math.floor(b.x0) - 1
  const x0 = Math.round(x1 - 3 * pxPerPt)
  const y0 = Math.ceil(b.y0)
  const y1 = Math.floor(b.y1)
  if (x0 < 0 || y0 < 2 || y1 + 2 >= bitmap.height || y1 - y0 < 3) return false
  const at = (x: number, y: number): number => data[y * width + x] as number
  let ink = 0
  let all = 0
  for (let y = y0 + 1; y < y1 - 1; y++)
    for (let x = x0; x <= x1; x++) {
      all++
      if (at(x, y) < FILL_INK) ink++
    }
  if (ink < 0.9 * all) return false
  // Boxes side by side are one tone (a name withheld word by word); stacked segments differ in tone.
  const toneOf = (xa: number, xb: number): number => {
    const values: number[] = []
    for (let y = y0 + 1; y < y1 - 1; y++) for (let x = xa; x <= xb; x++) values.push(at(x, y))
    values.sort((p, q) => p - q)
    return values[values.length >> 1] ?? 0
  }
  const inside = Math.min(Math.floor(b.x1) - 1, Math.ceil(b.x0) + Math.round(3 * pxPerPt))
  if (Math.abs(toneOf(x0, x1) - toneOf(Math.ceil(b.x0) + 1, inside)) < SEGMENT_TONE_STEP) return false
  const edge = Math.max(1, Math.round(pxPerPt))
  let paper = 0
  let edgeAll = 0
  for (let x = x0; x <= x1; x++) {
    edgeAll += 2
    if (at(x, y0 - 1 - edge) >= FILL_INK) paper++
    if (at(x, y1 + edge) >= FILL_INK) paper++
  }
  return paper >= 0.8 * edgeAll
}

/** Lengths that vary the way data does (boxes over a line of words are all one height). */
const differ = (lengths: readonly number[]): boolean => Math.max(...lengths) >= 1.1 * Math.min(...lengths)

/**
 * Is a line drawn along the bars' shared edge, through the gaps between them? For horizontal bars
 * the edge is their start (a vertical axis at x0), for columns their base (a horizontal axis at y1).
 * Only the gaps are looked at: inside a bar the edge is the bar's own ink.
 */
function axisAcross(
  bitmap: GreyBitmap,
  bars: readonly PxBox[],
  horizontal: boolean,
  pxPerPt: number
): boolean {
  const { data, width, height } = bitmap
  const reach = Math.max(2, Math.round(2 * pxPerPt))
  const sorted = [...bars].sort((p, q) => (horizontal ? p.y0 - q.y0 : p.x0 - q.x0))
  let gaps = 0
  for (let i = 1; i < sorted.length; i++) {
    const from = Math.ceil(horizontal ? sorted[i - 1]!.y1 : sorted[i - 1]!.x1)
    const to = Math.floor(horizontal ? sorted[i]!.y0 : sorted[i]!.x0)
    // Bars that touch leave no gap to tell by.
    if (to - from < 2 * pxPerPt) return false
    // The axis between two bars runs from one's edge to the other's (a scan keeps a little skew).
    const edge = Math.round(
      horizontal ? (sorted[i - 1]!.x0 + sorted[i]!.x0) / 2 : (sorted[i - 1]!.y1 + sorted[i]!.y1) / 2
    )
    // A line: one row (or column) near the edge inked across the whole gap. Print in the gap (the
    // words between boxes on a line) inks some of every row, never all of one.
    // A hairline scanned with a little skew steps from one row to the next: a pixel of either of two
    // neighbouring rows counts.
    const limit = horizontal ? width : height
    const ink = (line: number, t: number): boolean =>
      line >= 0 &&
      line < limit &&
      (data[horizontal ? t * width + line : line * width + t] as number) < AXIS_INK
    const share = (line: number, thick: number): number => {
      let inked = 0
      for (let t = from; t < to; t++) {
        let hit = false
        for (let k = 0; k < thick && !hit; k++) hit = ink(line + k, t)
        if (hit) inked++
      }
      return inked / (to - from)
    }
    // ...and a thin one, paper on both sides: the next row of boxes touching these is not an axis.
    const side = Math.max(3, Math.round(1.5 * pxPerPt))
    let best = 0
    for (let d = -reach; d <= reach; d++) {
      const line = edge + d
      const here = share(line, 2)
      if (here > best && share(line - side, 1) < 0.5 && share(line + 1 + side, 1) < 0.5) best = here
    }
    if (best < AXIS_MIN_SHARE) return false
    gaps++
  }
  return gaps > 0
}
