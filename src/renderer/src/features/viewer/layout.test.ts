import { describe, expect, it } from 'vitest'
import {
  anchorAt,
  computeLayout,
  currentPage,
  PAGE_GAP_PX,
  pageAtOffset,
  pageCssSize,
  pageWindow,
  scrollTopFor
} from './layout'

const letter = { width: 612, height: 792 }
const pages = (n: number): { width: number; height: number }[] => Array.from({ length: n }, () => letter)

describe('computeLayout', () => {
  it('stacks pages with a gap, rounding sizes down like the pdf.js text layer', () => {
    const layout = computeLayout([letter, { width: 792, height: 612 }], 1.5)
    expect(layout.heights).toEqual([1188, 918])
    expect(layout.widths).toEqual([918, 1188])
    expect(layout.tops).toEqual([PAGE_GAP_PX, PAGE_GAP_PX * 2 + 1188])
    expect(layout.totalHeight).toBe(PAGE_GAP_PX * 3 + 1188 + 918)
    expect(layout.maxWidth).toBe(1188)
  })

  it('never gives a page zero size', () => {
    expect(pageCssSize({ width: 0.1, height: 0.1 }, 0.3)).toEqual({ width: 1, height: 1 })
  })
})

describe('pageWindow', () => {
  const layout = computeLayout(pages(1_000), 1) // each page 792 px + 16 px gap = 808 px pitch

  it('keeps the visible pages and two either side live at the top', () => {
    expect(pageWindow(layout, 0, 900)).toEqual({ firstVisible: 0, lastVisible: 1, firstLive: 0, lastLive: 3 })
  })

  it('computes the window in the middle of a 1,000-page document', () => {
    const scrollTop = layout.tops[500]! + 100
    expect(pageWindow(layout, scrollTop, 900)).toEqual({
      firstVisible: 500,
      lastVisible: 501,
      firstLive: 498,
      lastLive: 503
    })
  })

  it('does not count a page whose bottom is above the viewport (we are in the gap after it)', () => {
    const scrollTop = layout.tops[10]! + 792 + 4
    expect(pageWindow(layout, scrollTop, 100).firstVisible).toBe(11)
  })

  it('clamps at the end', () => {
    const w = pageWindow(layout, layout.totalHeight - 900, 900)
    expect(w.lastVisible).toBe(999)
    expect(w.lastLive).toBe(999)
    expect(w.lastLive - w.firstLive).toBeLessThanOrEqual(6)
  })

  it('handles an empty document', () => {
    expect(pageWindow(computeLayout([], 1), 0, 500)).toEqual({
      firstVisible: 0,
      lastVisible: -1,
      firstLive: 0,
      lastLive: -1
    })
  })
})

describe('pageAtOffset and currentPage', () => {
  const layout = computeLayout(pages(20), 1)
  it('finds the page containing an offset', () => {
    expect(pageAtOffset(layout, 0)).toBe(0)
    expect(pageAtOffset(layout, layout.tops[7]!)).toBe(7)
    expect(pageAtOffset(layout, layout.tops[7]! - 1)).toBe(6)
    expect(pageAtOffset(layout, 1e9)).toBe(19)
  })
  it('reports the page filling the upper half of the viewport', () => {
    expect(currentPage(layout, layout.tops[3]! + 700, 800)).toBe(4)
    expect(currentPage(layout, layout.tops[3]! + 100, 800)).toBe(3)
  })
})

describe('zoom anchoring', () => {
  it('keeps the point under the cursor on the same spot of the same page', () => {
    const before = computeLayout(pages(50), 1)
    const after = computeLayout(pages(50), 2)
    const scrollTop = before.tops[12]! + 200
    const anchor = anchorAt(before, scrollTop, 300)
    expect(anchor.pageIndex).toBe(12)
    const newTop = scrollTopFor(after, anchor)
    // 500 px into page 12 at scale 1 → 1000 px into it at scale 2, still 300 px below the viewport top.
    expect(newTop + 300).toBeCloseTo(after.tops[12]! + 1000, 6)
  })
})
