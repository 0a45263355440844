import { describe, expect, it } from 'vitest'
import { applyPoint, isAxisAligned, meanScale, multiply, transformRect } from './matrix'

describe('matrix', () => {
  it('multiplies in PDF order (inner transform applied first)', () => {
    const translate = [1, 0, 0, 1, 10, 20] as const
    const scale = [2, 0, 0, 3, 0, 0] as const
    // scale, then translate: (1, 1) → (2, 3) → (12, 23)
    expect(applyPoint(multiply(translate, scale), 1, 1)).toEqual([12, 23])
    // translate, then scale: (1, 1) → (11, 21) → (22, 63)
    expect(applyPoint(multiply(scale, translate), 1, 1)).toEqual([22, 63])
  })
  it('bounds a rotated rectangle', () => {
    const rot90 = [0, 1, -1, 0, 0, 0] as const
    expect(transformRect(rot90, 0, 0, 10, 5)).toEqual([-5, 0, 0, 10])
  })
  it('knows axis-aligned from skewed transforms', () => {
    expect(isAxisAligned([1, 0, 0, -1, 0, 792])).toBe(true)
    expect(isAxisAligned([0, 1, 1, 0, 0, 0])).toBe(true)
    expect(isAxisAligned([0.7, 0.7, -0.7, 0.7, 0, 0])).toBe(false)
    expect(meanScale([2, 0, 0, 8, 0, 0])).toBe(4)
  })
})
