/**
 * Connected components of a binary mask by run-length labelling with union-find (8-connectivity).
 * A page has far fewer runs than pixels (an eroded A4 page at 100 dpi: a few thousand), so the
 * union-find works on runs, and each component keeps its runs in row order: that is all the shape
 * analysis needs (per-row extents, area, bounds).
 */

/** Runs of set pixels, row by row: `x1` is inclusive. */
export interface RunTable {
  readonly count: number
  readonly y: Int32Array
  readonly x0: Int32Array
  readonly x1: Int32Array
}

export interface Component {
  /** Bounds in pixels, inclusive. */
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
  /** Set pixels. */
  readonly area: number
  /** Indices into the RunTable, in row order. */
  readonly runs: Int32Array
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size)
  b.set(a)
  return b
}

/** Labels the mask and returns components whose bounds are at least minWidth × minHeight px. */
export function labelComponents(
  mask: Uint8Array,
  width: number,
  height: number,
  minWidth = 1,
  minHeight = 1
): { components: Component[]; runs: RunTable } {
  let cap = 4096
  let ys = new Int32Array(cap)
  let x0s = new Int32Array(cap)
  let x1s = new Int32Array(cap)
  let parent = new Int32Array(cap)
  let n = 0

  const find = (i: number): number => {
    let r = i
    while (parent[r] !== r) r = parent[r] as number
    while (parent[i] !== r) {
      const next = parent[i] as number
      parent[i] = r
      i = next
    }
    return r
  }

  let prevStart = 0
  let prevEnd = 0
  for (let y = 0; y < height; y++) {
    const row = y * width
    const curStart = n
    let x = 0
    while (x < width) {
      if (!mask[row + x]) {
        x++
        continue
      }
      const start = x
      while (x < width && mask[row + x]) x++
      if (n === cap) {
        cap *= 2
        ys = grow(ys, cap)
        x0s = grow(x0s, cap)
        x1s = grow(x1s, cap)
        parent = grow(parent, cap)
      }
      ys[n] = y
      x0s[n] = start
      x1s[n] = x - 1
      parent[n] = n
      n++
    }
    // Union with runs of the previous row that touch (8-connectivity: diagonal contact counts).
    let p = prevStart
    for (let c = curStart; c < n; c++) {
      const cx0 = x0s[c] as number
      const cx1 = x1s[c] as number
      while (p < prevEnd && (x1s[p] as number) < cx0 - 1) p++
      for (let q = p; q < prevEnd && (x0s[q] as number) <= cx1 + 1; q++) {
        const a = find(c)
        const b = find(q)
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
      }
    }
    prevStart = curStart
    prevEnd = n
  }

  // Group runs by root, preserving row order (counting sort).
  const root = new Int32Array(n)
  const size = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const r = find(i)
    root[i] = r
    size[r] = (size[r] as number) + 1
  }
  const offset = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) offset[i + 1] = (offset[i] as number) + (size[i] as number)
  const order = new Int32Array(n)
  const fill = offset.slice(0, n)
  for (let i = 0; i < n; i++) {
    const r = root[i] as number
    order[fill[r] as number] = i
    fill[r] = (fill[r] as number) + 1
  }

  const components: Component[] = []
  for (let r = 0; r < n; r++) {
    if (root[r] !== r) continue
    const runs = order.subarray(offset[r], offset[r + 1])
    let bx0 = width
    let bx1 = -1
    let area = 0
    for (const i of runs) {
      const a = x0s[i] as number
      const b = x1s[i] as number
      if (a < bx0) bx0 = a
      if (b > bx1) bx1 = b
      area += b - a + 1
    }
    const by0 = ys[runs[0] as number] as number
    const by1 = ys[runs[runs.length - 1] as number] as number
    if (bx1 - bx0 + 1 < minWidth || by1 - by0 + 1 < minHeight) continue
    components.push({ x0: bx0, y0: by0, x1: bx1, y1: by1, area, runs })
  }
  return { components, runs: { count: n, y: ys, x0: x0s, x1: x1s } }
}
