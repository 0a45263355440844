import { describe, expect, it } from 'vitest'
import { coverage, iou, verticalOverlap } from './geometry'
import { mergeGroups } from './mergeGroups'

describe('geometry', () => {
  it('measures overlap', () => {
    expect(iou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1)
    expect(iou([0, 0, 10, 10], [5, 0, 15, 10])).toBeCloseTo(1 / 3)
    expect(coverage([0, 0, 10, 10], [5, 0, 100, 100])).toBe(0.5)
    expect(verticalOverlap([0, 0, 10, 10], [50, 5, 60, 20])).toBe(0.5)
  })
  it('merges bars that stack into one block', () => {
    const bars = [
      [72, 100, 300, 112],
      [72, 112, 300, 124],
      [72, 124, 300, 136]
    ] as const
    expect(mergeGroups(bars, 1, 0.9)).toEqual([[0, 1, 2]])
  })
  it('merges the per-line bars of a block: indented first line, short last line', () => {
    const bars = [
      [300, 100, 500, 112],
      [72, 112, 500, 124],
      [72, 124, 180, 136]
    ] as const
    expect(mergeGroups(bars, 1, 0.9)).toEqual([[0, 1, 2]])
  })
  it('merges a box drawn twice and touching halves of one word', () => {
    expect(
      mergeGroups(
        [
          [10, 10, 50, 20],
          [10, 10, 50, 20],
          [50, 10, 80, 20]
        ],
        1,
        0.9
      )
    ).toEqual([[0, 1, 2]])
  })
  it('groups a page of many small fills the same way however many there are', () => {
    // 100 rows × 50 separate 4 × 4 squares, plus one block of two touching bars at the bottom.
    const rects: Array<[number, number, number, number]> = []
    for (let row = 0; row < 100; row++)
      for (let col = 0; col < 50; col++) rects.push([col * 10, row * 10, col * 10 + 4, row * 10 + 4])
    rects.push([0, 2000, 300, 2012], [0, 2012, 300, 2024])
    const groups = mergeGroups(rects, 1, 0.9)
    expect(groups).toHaveLength(5001)
    expect(groups.filter((g) => g.length === 2)).toEqual([[5000, 5001]])
  })
  it('keeps a box apart from a bigger same-colour fill it sits on', () => {
    expect(
      mergeGroups(
        [
          [0, 0, 612, 792],
          [100, 100, 200, 112]
        ],
        1,
        0.9
      )
    ).toHaveLength(2)
  })
  it('keeps separate boxes apart: a gap, or bars that touch but do not line up', () => {
    expect(
      mergeGroups(
        [
          [10, 10, 50, 20],
          [60, 10, 80, 20]
        ],
        1,
        0.9
      )
    ).toHaveLength(2)
    expect(
      mergeGroups(
        [
          [72, 100, 500, 112],
          [200, 112, 220, 124]
        ],
        1,
        0.9
      )
    ).toHaveLength(2)
    expect(
      mergeGroups(
        [
          [72, 100, 500, 112],
          [72, 130, 120, 142]
        ],
        1,
        0.9
      )
    ).toHaveLength(2)
  })
})
