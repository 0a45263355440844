import { describe, expect, it } from 'vitest'
import { parseGrounds } from './parseGrounds'
import { inferRegime, findGround } from './catalogue'

const codes = (text: string): readonly string[] => parseGrounds(text).codes

describe('parseGrounds: NZ', () => {
  it.each([
    ['s9(2)(a)', ['9(2)(a)']],
    ['s 9(2)(a)', ['9(2)(a)']],
    ['s.9(2)(a)', ['9(2)(a)']],
    ['section 9(2)(g)(i)', ['9(2)(g)(i)']],
    ['Section 9(2)(g)(i)', ['9(2)(g)(i)']],
    ['9(2)(ba)(i)', ['9(2)(ba)(i)']],
    ['[s6(a)]', ['6(a)']],
    ['s18(d)', ['18(d)']],
    ['ss 9(2)(a) and 9(2)(g)(i)', ['9(2)(a)', '9(2)(g)(i)']],
    ['s9(2)(a), s9(2)(j)', ['9(2)(a)', '9(2)(j)']],
    ['Withheld under section 9(2)(b)(ii) of the OIA', ['9(2)(b)(ii)']],
    ['s 9(2) (f)(iv)', ['9(2)(f)(iv)']],
    ['s9(2)(g)', ['9(2)(g)']],
    ['s7(2)(f)(i) LGOIMA', ['7(2)(f)(i)']],
    ['Out of scope', ['out-of-scope']],
    ['Not in scope', ['out-of-scope']],
    ['NOT RELEVANT', ['out-of-scope']],
    ['s9(2)(a) / out of scope', ['9(2)(a)', 'out-of-scope']]
  ])('%s', (text, expected) => {
    expect(codes(text)).toEqual(expected)
  })

  it('keeps the printed label', () => {
    const parsed = parseGrounds('Withheld under ss 9(2)(a) and 9(2)(g)(i).')
    expect(parsed.label).toBe('ss 9(2)(a) and 9(2)(g)(i)')
    expect(parsed.matches.map((m) => m.text)).toEqual(['ss 9(2)(a)', '9(2)(g)(i)'])
  })

  it.each([
    'In 2019(2) we met',
    'Call (04) 471 2000',
    'see clause 12(3)(q) of the contract',
    'paragraph 99(2)(a)',
    'page 9 of 12',
    '1.9(2)',
    'x9(2)(a)'
  ])('finds no ground in %s', (text) => {
    expect(codes(text)).toEqual([])
  })
})

describe('parseGrounds: US FOIA', () => {
  it.each([
    ['(b)(6)', ['(b)(6)']],
    ['(b) (6)', ['(b)(6)']],
    ['(b) (7)(C)', ['(b)(7)(C)']],
    ['(b)(7)(c)', ['(b)(7)(C)']],
    ['b6', ['(b)(6)']],
    ['B6', ['(b)(6)']],
    ['B7C', ['(b)(7)(C)']],
    ['b7c', ['(b)(7)(C)']],
    ['b(6)', ['(b)(6)']],
    ['Ex. 5', ['(b)(5)']],
    ['Exemption 6', ['(b)(6)']],
    ['Exemptions 6 and 7(C)', ['(b)(6)', '(b)(7)(C)']],
    ['(b)(6), (b)(7)(C)', ['(b)(6)', '(b)(7)(C)']],
    ['B1,1.4(D)', ['(b)(1)']],
    ['[[REDACTED-EX B6]]', ['(b)(6)']],
    ['Non-responsive', ['out-of-scope']]
  ])('%s', (text, expected) => {
    expect(codes(text)).toEqual(expected)
  })

  it.each(['b10', 'Bb6', 'web6', 'Room B12', 'abc', 'b)6', 'Exhibit 5', '(b)(0)'])(
    'finds no ground in %s',
    (text) => {
      expect(codes(text)).toEqual([])
    }
  )
})

describe('catalogue', () => {
  it('infers the regime from the codes cited', () => {
    expect(inferRegime(['9(2)(a)', '6(a)'])).toBe('nz-oia')
    expect(inferRegime(['7(2)(a)', '7(2)(f)(i)', '6(a)'])).toBe('nz-lgoima')
    expect(inferRegime(['(b)(6)', '(b)(7)(C)'])).toBe('us-foia')
    expect(inferRegime(['out-of-scope'])).toBe('unknown')
    expect(inferRegime([])).toBe('unknown')
  })
  it('knows what a code means', () => {
    expect(findGround('9(2)(a)', 'nz-oia')?.label).toBe('Privacy')
    expect(findGround('9(2)(a)', 'nz-oia')?.publicInterestTest).toBe(true)
    expect(findGround('6(a)', 'nz-oia')?.family).toBe('s6-conclusive')
    expect(findGround('(b)(7)(C)')?.family).toBe('us-foia')
    expect(findGround('9(2)(z)')).toBeNull()
  })
})
