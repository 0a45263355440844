import { describe, expect, it } from 'vitest'
import { entryAt, layoutList, PAGE_HEADER_PX, ROW_PX, scrollToShow } from './listLayout'

const items = [
  { id: 'a', pageIndex: 0 },
  { id: 'b', pageIndex: 0 },
  { id: 'c', pageIndex: 3 }
]

describe('layoutList', () => {
  it('puts a header before each page and numbers rows in reading order', () => {
    const layout = layoutList(items)
    expect(layout.entries.map((e) => (e.type === 'page' ? `p${e.pageIndex}:${e.count}` : e.item.id))).toEqual(
      ['p0:2', 'a', 'b', 'p3:1', 'c']
    )
    expect(layout.tops).toEqual([0, 28, 80, 132, 160, 212])
    expect(layout.indexById.get('c')).toBe(4)
  })

  it('finds the entry at an offset', () => {
    const { tops } = layoutList(items)
    expect(entryAt(tops, 0)).toBe(0)
    expect(entryAt(tops, PAGE_HEADER_PX)).toBe(1)
    expect(entryAt(tops, PAGE_HEADER_PX + ROW_PX - 1)).toBe(1)
    expect(entryAt(tops, 10_000)).toBe(4)
    expect(entryAt([0], 5)).toBe(0)
  })

  it('scrolls only when the row is out of view', () => {
    const { tops } = layoutList(items)
    expect(scrollToShow(tops, 1, 0, 200)).toBeNull()
    expect(scrollToShow(tops, 4, 0, 100)).toBe(212 - 100)
    expect(scrollToShow(tops, 1, 150, 100)).toBe(0)
  })
})
