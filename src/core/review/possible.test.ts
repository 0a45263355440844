import { describe, expect, it } from 'vitest'
import { isPossible } from './possible'

const row = { origin: 'detected', status: 'unreviewed', confidence: 0.5, grounds: [] as string[] }

describe('isPossible', () => {
  it('is an unjudged detected box under the confidence bar with no ground', () => {
    expect(isPossible(row)).toBe(true)
    expect(isPossible({ ...row, confidence: 0.9 })).toBe(false)
    expect(isPossible({ ...row, status: 'accepted' })).toBe(false)
    expect(isPossible({ ...row, origin: 'manual' })).toBe(false)
    expect(isPossible({ ...row, grounds: ['9(2)(a)'] })).toBe(false)
  })
})
