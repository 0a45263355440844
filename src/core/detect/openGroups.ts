/**
 * The open groups of mergeGroups.ts and the indexes that find them: a plain list, a grid of cells
 * beside it once many are open, and a heap of their bottom edges for retiring the ones a top-to-bottom
 * sweep has passed. Pure data structures; the merge rule lives in mergeGroups.ts.
 */
import type { Rect } from './geometry'

/** 8 pt cells: a map dot sits in one to four, a text line's bar spans more than LARGE_CELLS. */
const GRID_CELL_PT = 8
/** A group over more cells than this (a page-size box, a growing blob) is listed apart, not per cell. */
const LARGE_CELLS = 64
/** The grid is built once more groups than this are open, and dropped below GRID_BELOW. */
const GRID_ABOVE = 256
const GRID_BELOW = 128

export interface Group {
  /** Creation order: the plain sweep visited open groups newest first. */
  key: number
  members: number[]
  readonly bounds: Rect
  area: number
  barHeight: number
  open: boolean
  /** Gone for good (merged into another group, or retired): the grid drops it when a query meets it.
   *  A group merged away while a rectangle is being placed stays listed until then, as it may carry
   *  on as the new group. */
  dropped: boolean
  /** The last grid query that met this group (each query lists a group once). */
  seen: number
  /** Its place in OpenGroups' list; an older entry of the same group elsewhere is stale. */
  slot: number
}

/** Open groups by grid cell, with lazy removal: a closed group is dropped when a query meets it. */
class GroupGrid {
  private readonly cells = new Map<number, Group[]>()
  private large: Group[] = []
  private stamp = 0

  private static span(r: Rect, marginPt: number): [number, number, number, number] {
    return [
      Math.floor((r[0] - marginPt) / GRID_CELL_PT),
      Math.floor((r[1] - marginPt) / GRID_CELL_PT),
      Math.floor((r[2] + marginPt) / GRID_CELL_PT),
      Math.floor((r[3] + marginPt) / GRID_CELL_PT)
    ]
  }

  /**
   * Cells are keyed by a pair packed into one small integer (a fast Map key). Pages span well under
   * 4,096 cells (65,000 pt) each way; anything beyond shares the edge cells, which only widens a query.
   */
  private static cellKey(cx: number, cy: number): number {
    const x = Math.min(4095, Math.max(-4096, cx)) + 4096
    const y = Math.min(4095, Math.max(-4096, cy)) + 4096
    return x * 8192 + y
  }

  add(group: Group): void {
    const [x0, y0, x1, y1] = GroupGrid.span(group.bounds, 0)
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > LARGE_CELLS) {
      this.large.push(group)
      return
    }
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const key = GroupGrid.cellKey(cx, cy)
        const cell = this.cells.get(key)
        if (cell) cell.push(group)
        else this.cells.set(key, [group])
      }
  }

  /** Drops a cell's dropped groups (in place) and adds its open ones not yet met to `found`. */
  private collect(cell: Group[], found: Group[], stamp: number): number {
    let kept = 0
    for (const g of cell) {
      if (g.dropped) continue
      cell[kept++] = g
      if (g.open && g.seen !== stamp) {
        g.seen = stamp
        found.push(g)
      }
    }
    cell.length = kept
    return kept
  }

  /** Open groups whose bounds may lie within `marginPt` of `r`, newest first. */
  near(r: Rect, marginPt: number): Group[] {
    const found: Group[] = []
    const stamp = ++this.stamp
    // A hair wider than asked, so rounding never leaves out a group exactly at the margin.
    const [x0, y0, x1, y1] = GroupGrid.span(r, marginPt + 1e-6)
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.cells.size) {
      // A query wider than the grid holds: walk the cells themselves.
      for (const [key, cell] of this.cells) if (this.collect(cell, found, stamp) === 0) this.cells.delete(key)
    } else {
      for (let cx = x0; cx <= x1; cx++)
        for (let cy = y0; cy <= y1; cy++) {
          const key = GroupGrid.cellKey(cx, cy)
          const cell = this.cells.get(key)
          if (cell && this.collect(cell, found, stamp) === 0) this.cells.delete(key)
        }
    }
    if (this.large.length > 0 && this.collect(this.large, found, stamp) === 0) this.large = []
    return found.length > 1 ? found.sort((a, b) => b.key - a.key) : found
  }
}

/**
 * The open groups, newest first on request: a plain list while few are open (a page of text has a
 * few dozen, and a scan of them is cheapest), and a grid beside it once more than GRID_ABOVE are
 * (a dot map keeps ~900 open), until the count falls below GRID_BELOW again.
 */
export class OpenGroups {
  private list: Group[] = []
  private grid: GroupGrid | null = null
  private openCount = 0

  get size(): number {
    return this.openCount
  }

  /** A new group, or one carrying on under a new key: it becomes the newest. */
  add(group: Group, alreadyInGrid: boolean): void {
    group.slot = this.list.length
    this.list.push(group)
    this.openCount++
    if (this.grid && !alreadyInGrid) this.grid.add(group)
    if (!this.grid && this.openCount > GRID_ABOVE) {
      this.grid = new GroupGrid()
      for (const g of this.current()) this.grid.add(g)
    }
  }

  /** One open group closed (merged away or retired). */
  closed(count = 1): void {
    this.openCount -= count
    if (this.grid && this.openCount < GRID_BELOW) this.grid = null
    // Stale and closed entries are dropped once they outnumber the open ones.
    if (this.list.length > 2 * this.openCount + 64) {
      this.list = this.current()
      this.list.forEach((g, i) => (g.slot = i))
    }
  }

  /** Whether `near` lists every open group, so a grown group needs no second look-up. */
  get complete(): boolean {
    return this.grid === null
  }

  /** Open groups that may lie within `marginPt` of `r` (all of them in list mode), newest first. */
  near(r: Rect, marginPt: number): Group[] {
    if (this.grid) return this.grid.near(r, marginPt)
    const found: Group[] = []
    for (let i = this.list.length - 1; i >= 0; i--) {
      const g = this.list[i]!
      if (g.open && g.slot === i) found.push(g)
    }
    return found
  }

  private current(): Group[] {
    return this.list.filter((g, i) => g.open && g.slot === i)
  }
}

/** Min-heap of open groups by bottom edge: the ones a sweep line has passed come off the top. */
export class BottomHeap {
  private readonly items: Group[] = []

  push(group: Group): void {
    const items = this.items
    items.push(group)
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (items[parent]!.bounds[3] <= items[i]!.bounds[3]) break
      ;[items[parent], items[i]] = [items[i]!, items[parent]!]
      i = parent
    }
  }

  /**
   * Removes and returns every group whose bottom edge passes `passed`, a test that must hold for
   * every bottom above one it holds for (closed groups are dropped on the way).
   */
  popWhile(passed: (bottom: number) => boolean): Group[] {
    const out: Group[] = []
    const items = this.items
    while (items.length > 0 && passed(items[0]!.bounds[3])) {
      const top = items[0]!
      const last = items.pop()!
      if (items.length > 0) {
        items[0] = last
        let i = 0
        for (;;) {
          const l = 2 * i + 1
          const r = l + 1
          let m = i
          if (l < items.length && items[l]!.bounds[3] < items[m]!.bounds[3]) m = l
          if (r < items.length && items[r]!.bounds[3] < items[m]!.bounds[3]) m = r
          if (m === i) break
          ;[items[m], items[i]] = [items[i]!, items[m]!]
          i = m
        }
      }
      if (!top.dropped) out.push(top)
    }
    return out
  }
}
