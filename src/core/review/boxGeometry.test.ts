import { describe, expect, it } from 'vitest'
import {
  coversPage,
  MIN_SIDE_PT,
  moveRect,
  nudgeDelta,
  rectFromDrag,
  rectsTouch,
  resizeRect,
  scaleToFit,
  unionRect,
  viewToPagePoint
} from './boxGeometry'

const LETTER = { width: 612, height: 792 }
/** Letter with /Rotate 90, as displayed: landscape. */
const LETTER_ROTATED = { width: 792, height: 612 }

describe('drawing a box from a drag', () => {
  it('gives the same pageRect at 100 % and 200 %: the zoom divides out', () => {
    const at = (scale: number) =>
      rectFromDrag(
        viewToPagePoint(72 * scale, 200 * scale, scale),
        viewToPagePoint(330 * scale, 216 * scale, scale),
        LETTER
      )
    expect(at(96 / 72)).toEqual([72, 200, 330, 216])
    expect(at(2 * (96 / 72))).toEqual([72, 200, 330, 216])
  })

  it('normalises a drag up and to the left', () => {
    expect(rectFromDrag({ x: 300, y: 400 }, { x: 100, y: 350 }, LETTER)).toEqual([100, 350, 300, 400])
  })

  it('clips to the displayed page: on a rotated page x runs to 792, not 612', () => {
    // 1.5 CSS px per point; a drag from (1,050, 30) px to past the right edge.
    const start = viewToPagePoint(1050, 30, 1.5)
    const end = viewToPagePoint(1300, 120, 1.5)
    expect(rectFromDrag(start, end, LETTER_ROTATED)).toEqual([700, 20, 792, 80])
    expect(rectFromDrag(start, end, LETTER)).toBeNull() // starts beyond an unrotated page's 612 pt
  })

  it('treats a drag smaller than MIN_SIDE_PT as a click', () => {
    expect(rectFromDrag({ x: 10, y: 10 }, { x: 10 + MIN_SIDE_PT / 2, y: 40 }, LETTER)).toBeNull()
  })
})

describe('moving and resizing', () => {
  it('moves and stops at the page edge keeping the size', () => {
    expect(moveRect([72, 200, 330, 216], 10, -5, LETTER)).toEqual([82, 195, 340, 211])
    expect(moveRect([72, 200, 330, 216], 1000, 1000, LETTER)).toEqual([354, 776, 612, 792])
    expect(moveRect([72, 200, 330, 216], -1000, -1000, LETTER)).toEqual([0, 0, 258, 16])
  })

  it('resizes from a corner and from an edge', () => {
    expect(resizeRect([72, 200, 330, 216], 'se', 20, 4, LETTER)).toEqual([72, 200, 350, 220])
    expect(resizeRect([72, 200, 330, 216], 'nw', -2, -10, LETTER)).toEqual([70, 190, 330, 216])
    expect(resizeRect([72, 200, 330, 216], 'e', 500, 99, LETTER)).toEqual([72, 200, 612, 216])
  })

  it('never flips or collapses a box', () => {
    expect(resizeRect([72, 200, 330, 216], 'n', 0, 100, LETTER)).toEqual([72, 216 - MIN_SIDE_PT, 330, 216])
    expect(resizeRect([72, 200, 330, 216], 'w', 1000, 0, LETTER)).toEqual([330 - MIN_SIDE_PT, 200, 330, 216])
  })

  it('nudges by 1 pt, or 10 pt with Shift', () => {
    expect(nudgeDelta('ArrowRight', false)).toEqual({ dx: 1, dy: 0 })
    expect(nudgeDelta('ArrowUp', true)).toEqual({ dx: 0, dy: -10 })
    expect(nudgeDelta('a', false)).toBeNull()
  })
})

describe('selection geometry', () => {
  it('a rubber band selects boxes it touches, not ones beside it', () => {
    const band = [60, 190, 100, 205] as const
    expect(rectsTouch(band, [72, 200, 330, 216])).toBe(true)
    expect(rectsTouch(band, [72, 420, 290, 436])).toBe(false)
    expect(rectsTouch([330, 216, 340, 220], [72, 200, 330, 216])).toBe(true) // shares a corner
  })

  it('unions boxes and frames them in the viewport, within the zoom limits', () => {
    const union = unionRect([
      [72, 200, 330, 216],
      [72, 420, 290, 436]
    ])
    expect(union).toEqual([72, 200, 330, 436])
    const limits = { minScale: 0.33, maxScale: 5.33 }
    // 258 × 236 pt into 1,000 × 700 px with 48 px margins: height binds, (700 − 96) / 236 ≈ 2.56.
    expect(scaleToFit(union!, { width: 1000, height: 700 }, limits)).toBeCloseTo(604 / 236, 5)
    expect(scaleToFit([0, 0, 5, 5], { width: 1000, height: 700 }, limits)).toBe(5.33)
    expect(unionRect([])).toBeNull()
  })

  it('a page-size box covers the page; a half-page box does not', () => {
    expect(coversPage([0, 0, 612, 792], LETTER)).toBe(true)
    expect(coversPage([18, 18, 594, 774], LETTER)).toBe(true)
    expect(coversPage([0, 0, 612, 396], LETTER)).toBe(false)
  })
})
