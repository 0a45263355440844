import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { isMeaningfulText, isOnlyLabel, leakFor } from './leaks'

describe('leak filters', () => {
  it.each(['', '   ', '.....', ', ', 'XXXXX', '█████', '—', '()'])('%j is not a leak', (text) => {
    expect(isMeaningfulText(text)).toBe(false)
    expect(leakFor('text-under-box', text, false)).toBeNull()
  })
  it.each(['def', 'John Smith', '021 555 1234', 'Yes', 'a1'])('%j is a leak', (text) => {
    expect(leakFor('text-under-box', text, false)?.chars).toBe(text.replace(/\s/g, '').length)
  })
  it('treats a box label as no leak', () => {
    expect(isOnlyLabel('Privilege')).toBe(true)
    expect(isOnlyLabel('s9(2)(a)')).toBe(true)
    expect(isOnlyLabel('Withheld under section 9(2)(g)(i)')).toBe(true)
    expect(isOnlyLabel('(b)(6), (b)(7)(C)')).toBe(true)
    expect(isOnlyLabel('Victoria Toensing')).toBe(false)
    expect(isOnlyLabel('the')).toBe(false)
    expect(isOnlyLabel('out of')).toBe(false)
    expect(isOnlyLabel('Out of scope')).toBe(true)
    expect(isOnlyLabel('Privacy')).toBe(false)
    expect(leakFor('text-under-box', 'REDACTED', false)).toBeNull()
  })
  it('hashes the recovered text', () => {
    expect(leakFor('text-under-box', ' John  Smith ', false)).toEqual({
      kind: 'text-under-box',
      chars: 9,
      sha256: createHash('sha256').update('John Smith').digest('hex')
    })
  })
  it('asks OCR text for real words', () => {
    expect(leakFor('text-under-box', 'l1 ,i', true)).toBeNull()
    expect(leakFor('text-under-box', 'the patient', true)).not.toBeNull()
  })
})
