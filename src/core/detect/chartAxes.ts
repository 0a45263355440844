/**
 * Finds the value axes of bar charts from their tick labels — three or more bare numbers in a row
 * (or a column), evenly spaced and evenly stepped: "0 40 80 120 160". A bar starts on the axis's zero
 * and stacked segments start where the previous one ends, which is how chart bars are told from
 * redaction boxes that happen to sit near numbers.
 */
import type { FillBox } from '../pdf/pageContent'
import type { TextRun } from './textRuns'

export interface ChartAxis {
  /** Ticks run left to right (horizontal bars grow rightwards from `zero`, an x). Else `zero` is a y. */
  readonly horizontal: boolean
  /** Page coordinate of the value 0 along the axis. */
  readonly zero: number
  /** Where bars may lie across the axis: [lo, hi] in y for horizontal ticks, in x for vertical ones. */
  readonly span: readonly [number, number]
  /** The far end of the axis (x of the last tick, or y of the top tick), one tick step beyond. */
  readonly extent: number
  /** Ends of bars found on this axis: stacked segments start there. */
  readonly chained: readonly number[]
}

const TICK = /^[-−]?[$€£]?\d{1,6}(?:[.,]\d+)?%?$/u
/** Ticks must be evenly spaced: each step within 15% of the median step. */
const EVEN_TOLERANCE = 0.15
/** Bars reach at most this far across the axis from the tick labels (a chart is rarely taller). */
const CHART_REACH_PT = 320

interface Tick {
  readonly value: number
  readonly pos: number
  readonly across: number
  readonly run: TextRun
}

function tickValue(text: string): number | null {
  const t = text.trim()
  if (!TICK.test(t)) return null
  const value = Number(t.replace(/[$€£%,]/gu, '').replace('−', '-'))
  return Number.isFinite(value) ? value : null
}

/** Longest evenly spaced, evenly stepped sequence in ticks sorted by position; null if under 3. */
function evenSequence(ticks: Tick[]): Tick[] | null {
  if (ticks.length < 3) return null
  const steps = ticks.slice(1).map((t, i) => t.pos - ticks[i]!.pos)
  const sorted = [...steps].sort((a, b) => a - b)
  const median = sorted[sorted.length >> 1]!
  if (median <= 0) return null
  if (steps.some((s) => Math.abs(s - median) > EVEN_TOLERANCE * median)) return null
  const valueSteps = ticks.slice(1).map((t, i) => t.value - ticks[i]!.value)
  const v0 = valueSteps[0]!
  if (v0 === 0 || valueSteps.some((v) => Math.abs(v - v0) > 1e-6 * Math.max(1, Math.abs(v0)))) return null
  return ticks
}

function groupBy<T>(items: T[], key: (t: T) => number, tolerance: number): T[][] {
  const sorted = [...items].sort((a, b) => key(a) - key(b))
  const groups: T[][] = []
  for (const item of sorted) {
    const last = groups[groups.length - 1]
    if (last && Math.abs(key(item) - key(last[last.length - 1]!)) <= tolerance) last.push(item)
    else groups.push([item])
  }
  return groups
}

function chain(axis: Omit<ChartAxis, 'chained'>, fills: readonly FillBox[]): number[] {
  const ends: number[] = []
  let starts = [axis.zero]
  for (let round = 0; round < 6 && starts.length > 0; round++) {
    const next: number[] = []
    for (const f of fills) {
      const r = f.rect
      const inSpan = axis.horizontal
        ? r[1] >= axis.span[0] && r[3] <= axis.span[1]
        : r[0] >= axis.span[0] && r[2] <= axis.span[1]
      if (!inSpan) continue
      const start = axis.horizontal ? r[0] : r[3]
      const end = axis.horizontal ? r[2] : r[1]
      if (starts.some((s) => Math.abs(s - start) <= 1) && !ends.some((e) => Math.abs(e - end) <= 0.5)) {
        ends.push(end)
        next.push(end)
      }
    }
    starts = next
  }
  return ends
}

export function findChartAxes(runs: readonly TextRun[], fills: readonly FillBox[]): ChartAxis[] {
  const ticks: Tick[] = []
  for (const run of runs) {
    if (run.invisible || run.glyphs[0]?.dir !== 0) continue
    const value = tickValue(run.text)
    if (value === null) continue
    ticks.push({ value, pos: 0, across: 0, run })
  }
  const axes: ChartAxis[] = []
  // Rows of ticks (a horizontal value axis): same baseline, spaced along x.
  for (const row of groupBy(ticks, (t) => (t.run.rect[1] + t.run.rect[3]) / 2, 1.5)) {
    const placed = row
      .map((t) => ({
        ...t,
        pos: (t.run.rect[0] + t.run.rect[2]) / 2,
        across: (t.run.rect[1] + t.run.rect[3]) / 2
      }))
      .sort((a, b) => a.pos - b.pos)
    const seq = evenSequence(placed)
    if (!seq) continue
    const first = seq[0]!
    const last = seq[seq.length - 1]!
    const perValue = (last.pos - first.pos) / (last.value - first.value)
    const step = (last.pos - first.pos) / (seq.length - 1)
    const base = {
      horizontal: true,
      zero: first.pos - first.value * perValue,
      span: [first.across - CHART_REACH_PT, first.across + CHART_REACH_PT] as const,
      extent: last.pos + step
    }
    axes.push({ ...base, chained: chain(base, fills) })
  }
  // Columns of ticks (a vertical value axis): labels aligned right or left, spaced along y, values
  // rising upwards. Each tick is tried in both alignments; a column found twice is kept once.
  const columns = [...groupBy(ticks, (t) => t.run.rect[2], 2), ...groupBy(ticks, (t) => t.run.rect[0], 2)]
  const seen = new Set<string>()
  for (const column of columns) {
    const key = column
      .map((t) => t.run.firstSeq)
      .sort((a, b) => a - b)
      .join(',')
    if (seen.has(key)) continue
    seen.add(key)
    const placed = column
      .map((t) => ({
        ...t,
        pos: -(t.run.rect[1] + t.run.rect[3]) / 2,
        across: Math.max(...column.map((c) => c.run.rect[2]))
      }))
      .sort((a, b) => a.pos - b.pos)
    const seq = evenSequence(placed)
    if (!seq) continue
    const first = seq[0]!
    const last = seq[seq.length - 1]!
    const perValue = (last.pos - first.pos) / (last.value - first.value)
    const step = (last.pos - first.pos) / (seq.length - 1)
    const base = {
      horizontal: false,
      zero: -(first.pos - first.value * perValue),
      span: [Math.min(...seq.map((t) => t.run.rect[0])), first.across + CHART_REACH_PT * 2] as const,
      extent: -(last.pos + step)
    }
    axes.push({ ...base, chained: chain(base, fills) })
  }
  return axes
}

/** A bar set: candidate boxes that only a chart would draw (see barSets). */
export interface BarLike {
  readonly rect: readonly [number, number, number, number]
  readonly colourKey: string
}

/**
 * Indices of boxes that form a bar chart without tick labels: three or more of one colour starting
 * on one edge (left for horizontal bars, bottom for columns), equally thick, at an even pitch, and of
 * clearly different lengths. Per-line redactions flush left share the edge and pitch too, which is why
 * the caller also asks that no running text stands beside them.
 */
export function barSets(boxes: readonly BarLike[]): Set<number> {
  const out = new Set<number>()
  const tryAxis = (horizontal: boolean): void => {
    const start = (i: number): number => (horizontal ? boxes[i]!.rect[0] : boxes[i]!.rect[3])
    const groups = groupBy(
      boxes.map((_, i) => i),
      start,
      1
    )
    for (const group of groups) {
      const byColour = new Map<string, number[]>()
      for (const i of group) {
        const list = byColour.get(boxes[i]!.colourKey) ?? []
        list.push(i)
        byColour.set(boxes[i]!.colourKey, list)
      }
      for (const sameColour of byColour.values())
        for (const members of evenRuns(sameColour, horizontal)) {
          const thick = members.map((i) => {
            const r = boxes[i]!.rect
            return horizontal ? r[3] - r[1] : r[2] - r[0]
          })
          const long = members.map((i) => {
            const r = boxes[i]!.rect
            return horizontal ? r[2] - r[0] : r[3] - r[1]
          })
          const minThick = Math.min(...thick)
          if (Math.max(...thick) > 1.15 * minThick) continue
          if (Math.max(...long) < 1.25 * Math.min(...long)) continue
          const pos = members.map((i) => (horizontal ? boxes[i]!.rect[1] : boxes[i]!.rect[0]))
          // Bars stand apart (a gap of half a bar or more); lines of a paragraph follow each other
          // closely and, but for the last, run the full measure: one length within a few percent.
          if (pos[1]! - pos[0]! < 1.4 * minThick) continue
          const fullLines = long.slice(0, -1)
          if (horizontal && Math.max(...fullLines) <= 1.08 * Math.min(...fullLines)) continue
          for (const i of members) out.add(i)
        }
    }
  }
  /**
   * The members (sorted across the axis) cut into runs of three or more at an even pitch: a legend
   * swatch drawn on the same edge and in the same colour below a chart is not one of its bars, and
   * must not hide the bars' even pitch.
   */
  const evenRuns = (members: readonly number[], horizontal: boolean): number[][] => {
    const across = (i: number): number => (horizontal ? boxes[i]!.rect[1] : boxes[i]!.rect[0])
    const sorted = [...members].sort((a, b) => across(a) - across(b))
    const runs: number[][] = []
    let run: number[] = []
    for (const i of sorted) {
      const n = run.length
      const step = n > 0 ? across(i) - across(run[n - 1]!) : 0
      const pitch = n > 1 ? across(run[1]!) - across(run[0]!) : step
      if (n < 2 || Math.abs(step - pitch) <= 0.1 * pitch) run.push(i)
      else {
        runs.push(run)
        // The last member may start the next run with this one.
        run = [run[n - 1]!, i]
      }
    }
    runs.push(run)
    return runs.filter((r) => r.length >= 3)
  }
  tryAxis(true)
  tryAxis(false)
  return out
}
