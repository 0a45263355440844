/** Rectangle arithmetic on pageRects ([x0, y0, x1, y1], points, displayed page, y down). */
import type { PageRect } from '../types'

export type Rect = PageRect

export const width = (r: Rect): number => Math.max(0, r[2] - r[0])
export const height = (r: Rect): number => Math.max(0, r[3] - r[1])
export const area = (r: Rect): number => width(r) * height(r)

export function intersection(a: Rect, b: Rect): Rect | null {
  const x0 = Math.max(a[0], b[0])
  const y0 = Math.max(a[1], b[1])
  const x1 = Math.min(a[2], b[2])
  const y1 = Math.min(a[3], b[3])
  return x1 > x0 && y1 > y0 ? [x0, y0, x1, y1] : null
}

export function intersectionArea(a: Rect, b: Rect): number {
  const r = intersection(a, b)
  return r ? area(r) : 0
}

export function union(a: Rect, b: Rect): Rect {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]
}

export function iou(a: Rect, b: Rect): number {
  const inter = intersectionArea(a, b)
  const total = area(a) + area(b) - inter
  return total > 0 ? inter / total : 0
}

/** Share of `inner`'s area that lies inside `outer`. */
export function coverage(inner: Rect, outer: Rect): number {
  const a = area(inner)
  return a > 0 ? intersectionArea(inner, outer) / a : 0
}

/** Overlap of the two vertical extents as a share of the smaller one (same text line test). */
export function verticalOverlap(a: Rect, b: Rect): number {
  const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  const smaller = Math.min(height(a), height(b))
  return smaller > 0 ? Math.max(0, overlap) / smaller : 0
}

export function horizontalOverlap(a: Rect, b: Rect): number {
  const overlap = Math.min(a[2], b[2]) - Math.max(a[0], b[0])
  const smaller = Math.min(width(a), width(b))
  return smaller > 0 ? Math.max(0, overlap) / smaller : 0
}

/** Gap between two rectangles (0 when they touch or overlap), along each axis. */
export function gaps(a: Rect, b: Rect): { dx: number; dy: number } {
  return {
    dx: Math.max(0, Math.max(a[0], b[0]) - Math.min(a[2], b[2])),
    dy: Math.max(0, Math.max(a[1], b[1]) - Math.min(a[3], b[3]))
  }
}

export function distance(a: Rect, b: Rect): number {
  const { dx, dy } = gaps(a, b)
  return Math.hypot(dx, dy)
}

export const centre = (r: Rect): [number, number] => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2]

export const contains = (r: Rect, x: number, y: number): boolean =>
  x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3]

export const round2 = (n: number): number => Math.round(n * 100) / 100

export const roundRect = (r: Rect): Rect => [round2(r[0]), round2(r[1]), round2(r[2]), round2(r[3])]

/**
 * Groups rectangles that are parts of one shape: they touch or overlap (gap ≤ `touchPt`) and together
 * fill at least `minFill` of their joint bounds, so two bars of one block merge while an L-shape of
 * a short and a long bar stays two boxes. Returns index groups. Sorted sweep keeps it near O(n log n).
 */
/** Edges within 1.5 pt line up (producers round coordinates differently per bar). */
const ALIGN_PT = 1.5
/** Bars thinner than 3 pt are rules and borders: a page frame must not stack into one black block. */
const MIN_BAR_PT = 3

export function mergeGroups(rects: readonly Rect[], touchPt: number, minFill: number): number[][] {
  const order = rects.map((_, i) => i).sort((a, b) => rects[a]![1] - rects[b]![1])
  type Group = { members: number[]; bounds: Rect; area: number; barHeight: number }
  // Rectangles arrive top to bottom, so a group ending above the current top (beyond the touch
  // distance) can never merge again: retire it, and a page of 20,000 map fills stays near-linear.
  let groups: Group[] = []
  const retired: Group[] = []
  for (const index of order) {
    const r = rects[index]!
    if (groups.length > 64) {
      const still: Group[] = []
      for (const g of groups) (g.bounds[3] + touchPt < r[1] ? retired : still).push(g)
      groups = still
    }
    let merged = true
    let current = { members: [index], bounds: r, area: area(r), barHeight: height(r) }
    while (merged) {
      merged = false
      for (let g = groups.length - 1; g >= 0; g--) {
        const group = groups[g]!
        const { dx, dy } = gaps(group.bounds, current.bounds)
        if (dx > touchPt || dy > touchPt) continue
        const joint = union(group.bounds, current.bounds)
        const overlapArea = intersectionArea(group.bounds, current.bounds)
        // A box inside a bigger one of the same colour (a white box on white paper, a box on a table
        // band) is its own thing unless the two are near-duplicates (≥ 80% of each other's area).
        const smaller = Math.min(group.area, current.area)
        const larger = Math.max(group.area, current.area)
        if (overlapArea >= 0.98 * smaller && smaller < 0.8 * larger) continue
        const filled = group.area + current.area - overlapArea
        // Per-line bars of one block: stacked, touching, flush left or flush right (the first line
        // may start mid-line and the last end early, so their union is not a full rectangle).
        const similarBars =
          Math.min(group.barHeight, current.barHeight) >= MIN_BAR_PT &&
          Math.max(group.barHeight, current.barHeight) <= 2 * Math.min(group.barHeight, current.barHeight)
        const stacked =
          similarBars &&
          dx === 0 &&
          horizontalOverlap(group.bounds, current.bounds) > 0 &&
          (Math.abs(group.bounds[0] - current.bounds[0]) <= ALIGN_PT ||
            Math.abs(group.bounds[2] - current.bounds[2]) <= ALIGN_PT)
        if (filled < minFill * area(joint) && !stacked) continue
        current = {
          members: [...group.members, ...current.members],
          bounds: joint,
          area: filled,
          barHeight: Math.min(group.barHeight, current.barHeight)
        }
        groups.splice(g, 1)
        merged = true
      }
    }
    groups.push(current)
  }
  return [...retired, ...groups].map((g) => g.members.sort((a, b) => a - b))
}
