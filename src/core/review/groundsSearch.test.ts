import { describe, expect, it } from 'vitest'
import { allGrounds, codeKey, searchGrounds } from './groundsSearch'

const grounds = allGrounds([
  {
    code: 'cabinet-confidence',
    label: 'Cabinet confidence',
    meaning: 'Agency house marking',
    family: 'other'
  }
])
const codes = (query: string, regime: Parameters<typeof searchGrounds>[2] = 'nz-oia') =>
  searchGrounds(query, grounds, regime).map((h) => h.ground.code)

describe('codeKey', () => {
  it('reduces every spelling of a code to the same key', () => {
    for (const text of ['9(2)(a)', 's9(2)(a)', 's 9 2 a', 'section 9(2)(a)', '9 (2) (a)', '92a']) {
      expect(codeKey(text)).toBe('92a')
    }
    expect(codeKey('(b)(7)(C)')).toBe('b7c')
    expect(codeKey('Ex. 6')).toBe('b6')
  })
})

describe('searchGrounds', () => {
  it('finds a code typed with spaces first, then its siblings by prefix', () => {
    expect(codes('9 2 a')[0]).toBe('9(2)(a)')
    const prefix = codes('9 2 g')
    expect(prefix.slice(0, 3)).toEqual(['9(2)(g)', '9(2)(g)(i)', '9(2)(g)(ii)'])
  })

  it('finds grounds by words of the label, then of the meaning', () => {
    expect(codes('privacy')[0]).toBe('9(2)(a)')
    expect(codes('free frank')).toContain('9(2)(g)(i)')
    expect(codes('privacy', 'us-foia').slice(0, 2).sort()).toEqual(['(b)(6)', '(b)(7)(C)'])
  })

  it('ranks the preferred regime first and shows a shared code once', () => {
    const lgoima = searchGrounds('6 a', grounds, 'nz-lgoima')
    expect(lgoima[0]?.ground.regime).toBe('nz-lgoima')
    expect(lgoima.filter((h) => h.ground.code === '6(a)')).toHaveLength(1)
  })

  it('searches US spellings and custom grounds', () => {
    expect(codes('b7c', 'us-foia')[0]).toBe('(b)(7)(C)')
    expect(codes('cabinet')).toEqual(['cabinet-confidence'])
  })

  it('returns nothing for nonsense and the regime catalogue for an empty query', () => {
    expect(codes('zzzz')).toEqual([])
    expect(codes('99 9')).toEqual([])
    const empty = searchGrounds('', grounds, 'us-foia', 100)
    expect(empty.every((h) => h.ground.regime === 'us-foia' || h.ground.regime === 'custom')).toBe(true)
    expect(empty.length).toBeGreaterThan(10)
  })
})
