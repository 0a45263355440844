import { describe, expect, it } from 'vitest'
import type { PageRect } from '../types'
import {
  applyFilter,
  countItems,
  familyOf,
  isFilterEmpty,
  NO_GROUND,
  sortReadingOrder,
  stepFrom,
  type ReviewItem
} from './reviewItems'

function item(
  id: string,
  pageIndex: number,
  pageRect: PageRect,
  extra: Partial<ReviewItem> = {}
): ReviewItem {
  return {
    id,
    pageIndex,
    pageRect,
    kind: 'black',
    origin: 'detected',
    grounds: [],
    status: 'unreviewed',
    leak: null,
    ...extra
  }
}

describe('sortReadingOrder', () => {
  it('orders by page, then top, then left, with boxes on one line left to right', () => {
    const items = [
      item('p1-low', 1, [72, 500, 200, 520]),
      item('p0-right', 0, [300, 101, 400, 115]),
      item('p0-bottom', 0, [72, 400, 200, 420]),
      item('p0-left', 0, [72, 100, 200, 114]),
      item('p1-top', 1, [72, 80, 200, 100])
    ]
    expect(sortReadingOrder(items).map((i) => i.id)).toEqual([
      'p0-left',
      'p0-right',
      'p0-bottom',
      'p1-top',
      'p1-low'
    ])
    expect(items[0]!.id).toBe('p1-low') // input untouched
  })

  it('reads corners given in any order', () => {
    const items = [item('b', 0, [200, 300, 100, 200]), item('a', 0, [300, 150, 400, 100])]
    expect(sortReadingOrder(items).map((i) => i.id)).toEqual(['a', 'b'])
  })
})

describe('filters and counts', () => {
  const items = [
    item('a', 0, [0, 0, 1, 1], { grounds: ['9(2)(a)'], status: 'accepted' }),
    item('b', 0, [0, 2, 1, 3], { grounds: ['9(2)(a)', '9(2)(g)(i)'], status: 'disputed' }),
    item('c', 1, [0, 0, 1, 1], { grounds: [], kind: 'white', origin: 'manual' }),
    item('d', 1, [0, 2, 1, 3], { grounds: ['6(a)'], leak: { kind: 'text-under-box', chars: 4, sha256: 'x' } })
  ]

  it('lets everything through an empty filter', () => {
    expect(isFilterEmpty({})).toBe(true)
    expect(applyFilter(items, {})).toHaveLength(4)
  })

  it('filters by ground (any of), including "no ground yet"', () => {
    const ids = (f: Parameters<typeof applyFilter>[1]) => applyFilter(items, f).map((i) => i.id)
    expect(ids({ grounds: new Set(['9(2)(g)(i)']) })).toEqual(['b'])
    expect(ids({ grounds: new Set(['9(2)(a)', '6(a)']) })).toEqual(['a', 'b', 'd'])
    expect(ids({ grounds: new Set([NO_GROUND]) })).toEqual(['c'])
  })

  it('filters by status, kind, origin and leak, all at once', () => {
    const ids = (f: Parameters<typeof applyFilter>[1]) => applyFilter(items, f).map((i) => i.id)
    expect(ids({ statuses: new Set(['unreviewed'] as const) })).toEqual(['c', 'd'])
    expect(ids({ kinds: new Set(['white'] as const) })).toEqual(['c'])
    expect(ids({ origins: new Set(['manual'] as const) })).toEqual(['c'])
    expect(ids({ leak: true })).toEqual(['d'])
    expect(ids({ leak: false, statuses: new Set(['unreviewed'] as const) })).toEqual(['c'])
  })

  it('counts by status and ground, a two-ground box under both', () => {
    const counts = countItems(items)
    expect(counts.total).toBe(4)
    expect(counts.byStatus).toEqual({ unreviewed: 2, accepted: 1, disputed: 1 })
    expect(counts.byGround.get('9(2)(a)')).toBe(2)
    expect(counts.byGround.get('9(2)(g)(i)')).toBe(1)
    expect(counts.byGround.get(NO_GROUND)).toBe(1)
    expect(counts.leaks).toBe(1)
    expect(counts.manual).toBe(1)
  })
})

describe('stepFrom', () => {
  const ordered = [item('a', 0, [0, 0, 1, 1]), item('b', 0, [0, 5, 1, 6]), item('c', 2, [0, 0, 1, 1])]
  it('steps across pages and stops at the ends', () => {
    expect(stepFrom(ordered, 'a', 1)).toBe('b')
    expect(stepFrom(ordered, 'b', 1)).toBe('c')
    expect(stepFrom(ordered, 'c', 1)).toBe('c')
    expect(stepFrom(ordered, 'a', -1)).toBe('a')
  })
  it('starts at the first (next) or last (previous) without a current one', () => {
    expect(stepFrom(ordered, null, 1)).toBe('a')
    expect(stepFrom(ordered, 'hidden', -1)).toBe('c')
    expect(stepFrom([], null, 1)).toBeNull()
  })
})

describe('familyOf', () => {
  it('colours by the first ground, none when untagged', () => {
    expect(familyOf([])).toBe('none')
    expect(familyOf(['6(a)'])).toBe('s6-conclusive')
    expect(familyOf(['9(2)(a)', '6(a)'])).toBe('s9-public-interest')
    expect(familyOf(['18(d)'])).toBe('s18-refusal')
    expect(familyOf(['(b)(6)'])).toBe('us-foia')
    expect(familyOf(['my-custom'])).toBe('other')
    expect(familyOf(['my-custom'], () => 's9-public-interest')).toBe('s9-public-interest')
  })
})
