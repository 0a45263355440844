// mergeGroups with its spatial grid against the plain sweep it replaced (kept here as the reference):
// the same groups in the same order on random pages of bars, dots, blocks and page-size boxes.
import { describe, expect, it } from 'vitest'
import { area, gaps, height, horizontalOverlap, intersectionArea, union, type Rect } from './geometry'
import { mergeGroups } from './mergeGroups'

/** Edges within 1.5 pt line up (producers round coordinates differently per bar). */
const ALIGN_PT = 1.5
/** Bars thinner than 3 pt are rules and borders: a page frame must not stack into one black block. */
const MIN_BAR_PT = 3

function sweepMergeGroups(rects: readonly Rect[], touchPt: number, minFill: number): number[][] {
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

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A page mixing what producers draw: line bars (stacked, flush or ragged), dots, blocks, page boxes. */
function randomPage(seed: number): Rect[] {
  const next = random(seed)
  const pick = (lo: number, hi: number): number => lo + (hi - lo) * next()
  const rects: Rect[] = []
  const count = 20 + Math.floor(next() * 400)
  let y = pick(0, 50)
  for (let i = 0; i < count; i++) {
    const kind = next()
    if (kind < 0.4) {
      // A line bar, often right under the previous one (a withheld paragraph), sometimes touching.
      const x = next() < 0.5 ? 72 + pick(-1, 1) : pick(60, 400)
      const h = pick(2, 14)
      y += next() < 0.6 ? h + pick(-0.5, 1.5) : pick(5, 40)
      rects.push([x, y, x + pick(10, 450), y + h])
    } else if (kind < 0.8) {
      // A map dot near the last one, within and beyond the touch distance.
      const last = rects.at(-1) ?? [100, 100, 101, 101]
      const x = last[2] + pick(-1, 2)
      const dotY = last[1] + pick(-2, 2)
      const side = pick(1, 3)
      rects.push([x, dotY, x + side, dotY + side])
    } else if (kind < 0.97) {
      const x = pick(0, 500)
      const top = pick(0, 780)
      rects.push([x, top, x + pick(5, 200), top + pick(5, 200)])
    } else {
      // A page-size box (listed apart from the grid), or a duplicate of the last rectangle.
      rects.push(next() < 0.5 ? [0, 0, 595, 842] : [...(rects.at(-1) ?? [1, 1, 9, 9])])
    }
  }
  return rects
}

describe('mergeGroups', () => {
  it('finds the same groups, in the same order, as the plain sweep on 150 random pages', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const rects = randomPage(seed)
      for (const [touchPt, minFill] of [
        [1, 0.9],
        [0, 0.9],
        [3, 0.5]
      ] as const) {
        expect(mergeGroups(rects, touchPt, minFill), `seed ${seed}, touch ${touchPt}`).toEqual(
          sweepMergeGroups(rects, touchPt, minFill)
        )
      }
    }
  })

  it('keeps 3,000 dots spaced under the touch distance apart (its grid in use) and merges stacked bars', () => {
    // 300 dots a row: with the row above still open, over 256 groups are open at once.
    const dots: Rect[] = []
    for (let i = 0; i < 3000; i++) {
      const x = 20 + (i % 300) * 2
      const y = 20 + Math.floor(i / 300) * 2
      dots.push([x, y, x + 1.6, y + 1.6])
    }
    expect(mergeGroups(dots, 1, 0.9)).toEqual(sweepMergeGroups(dots, 1, 0.9))
    expect(mergeGroups(dots, 1, 0.9)).toHaveLength(3000)
    // Squares edge to edge: rows merge into a few blocks (a few thousand members in one group).
    const squares: Rect[] = []
    for (let i = 0; i < 3000; i++) {
      const x = 20 + (i % 300) * 1.6
      const y = 20 + Math.floor(i / 300) * 1.6
      squares.push([x, y, x + 1.6, y + 1.6])
    }
    expect(mergeGroups(squares, 1, 0.9)).toEqual(sweepMergeGroups(squares, 1, 0.9))
    expect(mergeGroups(squares, 1, 0.9).length).toBeLessThan(10)
    const bars: Rect[] = [0, 1, 2, 3].map((line) => [72, 100 + line * 12, 400 - line * 30, 112 + line * 12])
    expect(mergeGroups(bars, 1, 0.9)).toEqual([[0, 1, 2, 3]])
  })
})
