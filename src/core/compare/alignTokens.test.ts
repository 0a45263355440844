import { describe, expect, it } from 'vitest'
import { alignTokens } from './alignTokens'

const pairs = (a: string[], b: string[]): string[] =>
  [...alignTokens(a, b)].map((j, i) => (j < 0 ? `${a[i]}:-` : `${a[i]}:${b[j]}@${j}`))

describe('alignTokens', () => {
  it('matches the longest common subsequence', () => {
    expect(pairs(['the', 'x', 'cat', 'sat'], ['the', 'cat', 'y', 'sat'])).toEqual([
      'the:the@0',
      'x:-',
      'cat:cat@1',
      'sat:sat@3'
    ])
  })

  it('leaves a front insertion unmatched and aligns the rest', () => {
    const body = Array.from({ length: 50 }, (_, k) => `w${k}`)
    const match = alignTokens(body, ['cover', 'letter', ...body])
    expect([...match]).toEqual(body.map((_, k) => k + 2))
  })

  it('aligns documents too large for the exact table through words unique to both', () => {
    // 3,000 × 3,100 tokens (9.3 M cells) goes through the anchors path.
    const words = Array.from({ length: 3000 }, (_, k) => `w${k % 1500}-${k}`)
    const newer = [
      ...words.slice(0, 1000),
      ...Array.from({ length: 100 }, (_, k) => `new${k}`),
      ...words.slice(1000)
    ]
    newer[2500] = 'changed'
    const match = alignTokens(words, newer)
    expect(match[999]).toBe(999)
    expect(match[1000]).toBe(1100)
    expect(match[2400]).toBe(-1) // the changed word
    expect(match[2999]).toBe(3099)
  })

  it('handles empty inputs', () => {
    expect([...alignTokens([], ['a'])]).toEqual([])
    expect([...alignTokens(['a'], [])]).toEqual([-1])
  })
})
