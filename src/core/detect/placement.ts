/**
 * Where a box stands among the page's text: in a line's gap or a column of text (where redactions
 * are), on a chart's axis or under a chart's numbers (where bars are). Shared by the judge and the
 * page pass; every rule works in the page's reading frame (lines run left to right).
 */
import type { FillBox, Glyph, ImagePaint } from '../pdf/pageContent'
import type { ChartAxis } from './chartAxes'
import { height, verticalOverlap, width, type Rect } from './geometry'
import type { BandIndex, TextRun } from './textRuns'

export interface PageContext {
  readonly width: number
  readonly height: number
  readonly glyphIndex: BandIndex<Glyph>
  readonly runIndex: BandIndex<TextRun>
  readonly fillIndex: BandIndex<FillBox>
  readonly imageIndex: BandIndex<ImagePaint>
  /** Median font size of the page's visible text (points), 10 when there is none. */
  readonly pageLineHeightPt: number
  /** Value axes of charts found on the page (see chartAxes.ts). */
  readonly chartAxes: readonly ChartAxis[]
  /** The page is a scan: invisible OCR text under a box is only a leak when it reads as words. */
  readonly scanned: boolean
}

/** Visible text runs on the same line as the box, to its left or right within `reachPt`. */
export function textBesideOnLine(rect: Rect, ctx: PageContext, reachPt: number): TextRun[] {
  return ctx.runIndex
    .near(rect, reachPt)
    .filter(
      (r) =>
        !r.invisible &&
        verticalOverlap(r.rect, rect) >= 0.5 &&
        (r.rect[2] <= rect[0] + 1 || r.rect[0] >= rect[2] - 1) &&
        Math.min(Math.abs(r.rect[0] - rect[2]), Math.abs(rect[0] - r.rect[2])) <= reachPt
    )
}

/** A chart's value label ("141", "$2.5m", "43%"): short and numeric. */
const VALUE_LABEL = /^[-+−]?[$€£]?\s?\d[\d.,]*\s?(?:%|[kmb]n?|million|billion)?$/iu

/**
 * A bar in a chart: a short value label centred just above it (a column) or just after it (a
 * horizontal bar), or a category label centred just below it, and the bar not standing in a line of
 * text. Redactions are placed in text; chart bars are placed on an axis with their numbers.
 */
export function looksLikeChartBar(rect: Rect, ctx: PageContext, lineHeightPt: number): boolean {
  const reach = 1.5 * lineHeightPt
  const w = width(rect)
  const h = height(rect)
  const cx = (rect[0] + rect[2]) / 2
  const cy = (rect[1] + rect[3]) / 2
  // A cell of a table: text in the same column (left edges within 4 pt) just above or below.
  const column = ctx.runIndex
    .near(rect, 2 * Math.max(h, lineHeightPt))
    .some(
      (r) =>
        !r.invisible &&
        Math.abs(r.rect[0] - rect[0]) <= 4 &&
        (r.rect[3] <= rect[1] + 1 || r.rect[1] >= rect[3] - 1)
    )
  if (column) return false
  return ctx.runIndex.near(rect, reach).some((r) => {
    if (r.invisible || r.text.length > 24) return false
    const rcx = (r.rect[0] + r.rect[2]) / 2
    const rcy = (r.rect[1] + r.rect[3]) / 2
    const centredX = Math.abs(rcx - cx) <= Math.max(0.15 * w, 2) && width(r.rect) <= w + 2
    const centredY = Math.abs(rcy - cy) <= Math.max(0.25 * h, 2) && height(r.rect) <= h + 2
    const above = r.rect[3] <= rect[1] + 1 && rect[1] - r.rect[3] <= reach
    const below = r.rect[1] >= rect[3] - 1 && r.rect[1] - rect[3] <= reach
    const after = r.rect[0] >= rect[2] - 1 && r.rect[0] - rect[2] <= reach
    const numeric = VALUE_LABEL.test(r.text.trim())
    return (
      (numeric && ((above && centredX) || (after && centredY))) || (below && centredX && h > 2 * lineHeightPt)
    )
  })
}

/**
 * A bar standing on a chart's axis: its start lines up with the "0" of a row of evenly spaced tick
 * labels (horizontal bars) or its base with the "0" of a column of them (columns), and it lies
 * within the chart's reach of that axis. Stacked segments chain on from there (see detectPage).
 */
export function onChartAxis(rect: Rect, ctx: PageContext): boolean {
  for (const axis of ctx.chartAxes) {
    if (axis.horizontal) {
      if (Math.abs(rect[0] - axis.zero) > 2 && !axis.chained.some((x) => Math.abs(rect[0] - x) <= 1)) continue
      if (rect[1] >= axis.span[0] && rect[3] <= axis.span[1] && rect[2] <= axis.extent + 2) return true
    } else {
      if (Math.abs(rect[3] - axis.zero) > 2 && !axis.chained.some((y) => Math.abs(rect[3] - y) <= 1)) continue
      if (rect[0] >= axis.span[0] && rect[2] <= axis.span[1] && rect[1] >= axis.extent - 2) return true
    }
  }
  return false
}

/**
 * Does the box stand where text would be? At text height in a gap of a line (text beside it on the
 * same line), or in a column of text: its left edge on the column's left edge with a text line
 * within a line and a half above or below (a whole line or a block taken out of a paragraph).
 */
export function inTextFlow(rect: Rect, ctx: PageContext, lineHeightPt: number): boolean {
  const h = height(rect)
  if (h < 0.6 * lineHeightPt) return false
  // Beside text of its own height: a logo next to an agency name is twice the name's height or more.
  const beside = textBesideOnLine(rect, ctx, 3 * lineHeightPt).filter((r) => h <= 1.8 * height(r.rect))
  if (h <= 2.2 * lineHeightPt && beside.length > 0) return true
  const reach = 1.5 * lineHeightPt
  return ctx.runIndex.near(rect, reach).some((r) => {
    if (r.invisible || r.glyphs[0]?.dir !== 0) return false
    const above = r.rect[3] <= rect[1] + 1 && rect[1] - r.rect[3] <= reach
    const below = r.rect[1] >= rect[3] - 1 && r.rect[1] - rect[3] <= reach
    return (above || below) && Math.abs(r.rect[0] - rect[0]) <= 3
  })
}
