import { describe, expect, it } from 'vitest'
import { formatBytes, formatIsoDate, plural } from './format'

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [10 * 1024 * 1024 + 300 * 1024, '10.3 MB'],
    [150 * 1024 * 1024, '150 MB'],
    [3 * 1024 ** 3, '3 GB']
  ])('%i → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text))
})

describe('formatIsoDate', () => {
  it('shows a yyyy-mm-dd date as that calendar day in any time zone', () => {
    expect(formatIsoDate('2026-10-14', 'en-NZ')).toBe('14 Oct 2026')
    expect(formatIsoDate('', 'en-NZ')).toBe('')
  })
})

describe('plural', () => {
  it('picks the form by count', () => {
    expect(plural(1, 'page')).toBe('1 page')
    expect(plural(1200, 'page')).toBe('1,200 pages')
    expect(plural(2, 'leak warning')).toBe('2 leak warnings')
  })
})
