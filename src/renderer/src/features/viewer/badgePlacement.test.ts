import { describe, expect, it } from 'vitest'
import {
  BADGE_GAP_PX,
  labelRect,
  LEAK_BADGE_HEIGHT_PX,
  LEAK_BADGE_WIDTH_PX,
  placeLeakBadges,
  type BadgeBox,
  type BadgePlacement
} from './badgePlacement'
import type { ViewRect } from './overlayGeometry'

const PAGE = { width: 600, height: 800 }
const rect = (left: number, top: number, width: number, height: number): ViewRect => ({
  left,
  top,
  width,
  height
})
const box = (id: string, r: ViewRect, label: string | null = null): BadgeBox => ({ id, rect: r, label })

/** Lines of words from x 70 to 530, 14 px apart: a column of prose with 70 px margins. */
const prose = (lines: number): ViewRect[] =>
  Array.from({ length: lines }, (_, i) => rect(70, 100 + i * 14, 460, 12))

const badgeRect = (p: BadgePlacement): ViewRect =>
  rect(p.left, p.top, LEAK_BADGE_WIDTH_PX, LEAK_BADGE_HEIGHT_PX)

const overlaps = (a: ViewRect, b: ViewRect): boolean =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height

describe('placeLeakBadges', () => {
  it('puts the badge of a box in mid-line in the margin after the line, clear of every word', () => {
    const words = prose(20)
    const b = box('a', rect(200, 142, 120, 12))
    const placed = placeLeakBadges([b], [b], words, PAGE).get('a')!
    expect(placed.clear).toBe(true)
    expect(placed.left).toBe(530 + BADGE_GAP_PX)
    for (const w of words) expect(overlaps(badgeRect(placed), w)).toBe(false)
  })

  it('puts the badge right beside a box that ends its line', () => {
    const words = [rect(70, 100, 200, 12)]
    const b = box('a', rect(280, 100, 100, 12))
    const placed = placeLeakBadges([b], [b], words, PAGE).get('a')!
    expect(placed).toMatchObject({ left: 380 + BADGE_GAP_PX, clear: true })
  })

  it('gives two boxes on one line two badges apart', () => {
    const words = prose(20)
    const one = box('one', rect(100, 240, 80, 12))
    const two = box('two', rect(300, 240, 80, 12))
    const placed = placeLeakBadges([one, two], [one, two], words, PAGE)
    const [a, b] = [placed.get('one')!, placed.get('two')!]
    expect(a.clear && b.clear).toBe(true)
    expect(overlaps(badgeRect(a), badgeRect(b))).toBe(false)
    for (const w of words) {
      expect(overlaps(badgeRect(a), w)).toBe(false)
      expect(overlaps(badgeRect(b), w)).toBe(false)
    }
  })

  it('keeps clear of other boxes and of label chips', () => {
    const leaking = box('a', rect(300, 400, 100, 14))
    // A box right after it, and a label chip where "above" would go.
    const after = box('b', rect(403, 395, 120, 24))
    const below = box('c', rect(300, 432, 100, 14), 's9(2)(a)')
    const all = [leaking, after, below]
    const placed = placeLeakBadges([leaking], all, [], PAGE).get('a')!
    expect(placed.clear).toBe(true)
    const spot = badgeRect(placed)
    for (const b of all) {
      expect(overlaps(spot, b.rect)).toBe(false)
      if (b.label) expect(overlaps(spot, labelRect(b.rect, b.label))).toBe(false)
    }
  })

  it('stays on the page near its edges', () => {
    const b = box('a', rect(560, 2, 40, 10))
    const placed = placeLeakBadges([b], [b], [], PAGE).get('a')!
    expect(placed.clear).toBe(true)
    expect(placed.left).toBeGreaterThanOrEqual(0)
    expect(placed.left + LEAK_BADGE_WIDTH_PX).toBeLessThanOrEqual(PAGE.width)
    expect(placed.top).toBeGreaterThanOrEqual(0)
  })

  it('says so when a page has no free spot, and then sits inside the box', () => {
    const tiny = { width: 120, height: 40 }
    const words = [rect(0, 0, 120, 40)]
    const b = box('a', rect(20, 10, 80, 20))
    const placed = placeLeakBadges([b], [b], words, tiny).get('a')!
    expect(placed).toEqual({ left: 22, top: 12, clear: false })
  })
})
