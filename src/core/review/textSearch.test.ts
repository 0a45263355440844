import { describe, expect, it } from 'vitest'
import { findMatches, queryPattern, snippetAround } from './textSearch'

const PAGE =
  'Briefing to the Minister\nThe Ministry provided free and\nfrank advice on the housing package. ' +
  'Officials recommend option C (costs $4.2m).'

describe('findMatches', () => {
  it('is case-blind and matches across the line breaks pdf.js puts in', () => {
    const start = PAGE.indexOf('free')
    expect(findMatches(PAGE, 'FREE AND FRANK')).toEqual([{ start, end: start + 14 }])
    expect(PAGE.slice(start, start + 14)).toBe('free and\nfrank')
  })
  it('treats the query as text, not a pattern', () => {
    expect(findMatches(PAGE, '$4.2m)')).toHaveLength(1)
    expect(findMatches(PAGE, 'option c (costs')).toHaveLength(1)
    expect(findMatches(PAGE, 'opt.on')).toEqual([])
  })
  it('finds every occurrence up to the limit, and nothing for a blank query', () => {
    expect(findMatches(PAGE, 'the').length).toBe(3)
    expect(findMatches(PAGE, 'the', 2).length).toBe(2)
    expect(findMatches(PAGE, '   ')).toEqual([])
    expect(queryPattern('')).toBeNull()
  })
})

describe('snippetAround', () => {
  it('shows the hit with whole words either side, line breaks flattened', () => {
    const [hit] = findMatches(PAGE, 'free and frank')
    const snippet = snippetAround(PAGE, hit!, 20)
    expect(snippet).toEqual({
      before: '…Ministry provided ',
      match: 'free and frank',
      after: ' advice on the…'
    })
  })
  it('adds no ellipsis at the ends of the text', () => {
    expect(snippetAround('a note', { start: 2, end: 6 })).toEqual({ before: 'a ', match: 'note', after: '' })
  })
})
