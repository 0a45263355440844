import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha256Text } from './sha256'

describe('sha256Text', () => {
  it.each(['', 'abc', 'def', 'a'.repeat(55), 'b'.repeat(56), 'c'.repeat(64), 'Māori ✓ 9(2)(a) '.repeat(40)])(
    'matches node:crypto for %#',
    (text) => {
      expect(sha256Text(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
    }
  )
})
