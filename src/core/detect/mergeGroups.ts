/**
 * Groups rectangles that are parts of one shape: they touch or overlap (gap ≤ `touchPt`) and together
 * fill at least `minFill` of their joint bounds, so two bars of one block merge while an L-shape of
 * a short and a long bar stays two boxes. Returns index groups.
 *
 * Rectangles are taken top to bottom; each is tested against the open groups near it, newest first,
 * as the plain sweep did over all open groups. While few groups are open (a page of text has a few
 * dozen) they are simply listed; above a few hundred a grid (openGroups.ts) finds the ones near a
 * rectangle. A map page of dots spaced under the touch distance keeps ~900 groups open, and the sweep
 * tested each dot against all of them: 2.2 s for 40,000 such dots, growing with dots × open groups
 * (~12 s for 200,000); the grid does the 200,000 in ~2 s on a busy 2-core machine (2026-12-07). Same
 * groups, in the same order, as the plain sweep: mergeGroups.test.ts holds it as the reference, and
 * scan JSON of 62 born-digital releases and dense-fill pages came out byte-identical.
 */
import { area, gaps, height, horizontalOverlap, intersectionArea, union, type Rect } from './geometry'
import { BottomHeap, OpenGroups, type Group } from './openGroups'

/** Edges within 1.5 pt line up (producers round coordinates differently per bar). */
const ALIGN_PT = 1.5
/** Bars thinner than 3 pt are rules and borders: a page frame must not stack into one black block. */
const MIN_BAR_PT = 3
/** Open groups are retired (can no longer merge) only once more than this many are open. */
const RETIRE_ABOVE = 64
const sameRect = (a: Rect, b: Rect): boolean =>
  a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3]

const inside = (inner: Rect, outer: Rect): boolean =>
  inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3]

/** Whether `group` joins `current` (the plain sweep's test, unchanged). */
function joins(group: Group, current: Group, touchPt: number, minFill: number): boolean {
  const { dx, dy } = gaps(group.bounds, current.bounds)
  if (dx > touchPt || dy > touchPt) return false
  const joint = union(group.bounds, current.bounds)
  const overlapArea = intersectionArea(group.bounds, current.bounds)
  // A box inside a bigger one of the same colour (a white box on white paper, a box on a table
  // band) is its own thing unless the two are near-duplicates (≥ 80% of each other's area).
  const smaller = Math.min(group.area, current.area)
  const larger = Math.max(group.area, current.area)
  if (overlapArea >= 0.98 * smaller && smaller < 0.8 * larger) return false
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
  return filled >= minFill * area(joint) || stacked
}

export function mergeGroups(rects: readonly Rect[], touchPt: number, minFill: number): number[][] {
  const order = rects.map((_, i) => i).sort((a, b) => rects[a]![1] - rects[b]![1])
  const groups = new OpenGroups()
  const bottoms = new BottomHeap()
  const retired: Group[] = []
  const created: Group[] = []
  let nextKey = 0
  for (const index of order) {
    const r = rects[index]!
    // Rectangles arrive top to bottom, so a group ending above the current top (beyond the touch
    // distance) can never merge with this rectangle again: retire it.
    if (groups.size > RETIRE_ABOVE) {
      const passed = bottoms.popWhile((bottom) => bottom + touchPt < r[1]).sort((a, b) => a.key - b.key)
      for (const g of passed) {
        g.open = false
        g.dropped = true
        retired.push(g)
      }
      if (passed.length > 0) groups.closed(passed.length)
    }
    let current: Group = {
      key: -1,
      members: [index],
      bounds: r,
      area: area(r),
      barHeight: height(r),
      open: true,
      dropped: false,
      seen: 0,
      slot: -1
    }
    const absorbed: Group[] = []
    let merged = true
    while (merged) {
      merged = false
      // Open groups are visited newest first; one that joins grows `current`, so the groups not yet
      // visited in this pass are looked up again around the grown bounds.
      let below = Infinity
      let queried = current.bounds
      let queue = groups.near(queried, touchPt)
      for (let q = 0; q < queue.length; q++) {
        const group = queue[q]!
        if (!group.open || group.key >= below) continue
        below = group.key
        if (!joins(group, current, touchPt, minFill)) continue
        const overlapArea = intersectionArea(group.bounds, current.bounds)
        // Members are sorted at the end, so the smaller list goes into the larger one.
        const [into, from] =
          group.members.length >= current.members.length
            ? [group.members, current.members]
            : [current.members, group.members]
        for (const m of from) into.push(m)
        current = {
          key: -1,
          members: into,
          bounds: union(group.bounds, current.bounds),
          area: group.area + current.area - overlapArea,
          barHeight: Math.min(group.barHeight, current.barHeight),
          open: true,
          dropped: false,
          seen: 0,
          slot: -1
        }
        group.open = false
        absorbed.push(group)
        groups.closed()
        merged = true
        if (!groups.complete && !inside(current.bounds, queried)) {
          queried = current.bounds
          queue = groups.near(queried, touchPt)
          q = -1
        }
      }
    }
    // Most often a dot or bar lands inside a group's bounds: that group, already in the grid's cells
    // and the heap under the same bounds, carries on as the new group instead of being added again.
    const same = absorbed.find((g) => sameRect(g.bounds, current.bounds))
    for (const g of absorbed) if (g !== same) g.dropped = true
    if (same) {
      same.key = nextKey++
      same.members = current.members
      same.area = current.area
      same.barHeight = current.barHeight
      same.open = true
      groups.add(same, true)
    } else {
      const added: Group = { ...current, key: nextKey++ }
      created.push(added)
      groups.add(added, false)
      bottoms.push(added)
    }
  }
  // The plain sweep listed the retired groups first, in the order they were retired, then the
  // groups still open, oldest first.
  const open = created.filter((g) => g.open).sort((a, b) => a.key - b.key)
  return [...retired, ...open].map((g) => g.members.sort((a, b) => a - b))
}
