import { describe, expect, it } from 'vitest'
import { findMatches } from './textSearch'
import { visibleText, type PlacedText } from './visibleText'

// "The adviser John Smith met" at 6 pt a character from x = 72: "John Smith" spans x 144–204.
const line: PlacedText = {
  str: 'The adviser John Smith met',
  hasEOL: true,
  pageRect: [72, 100, 72 + 26 * 6, 112],
  advance: 'right'
}
const next: PlacedText = {
  str: 'the trust on Friday.',
  hasEOL: true,
  pageRect: [72, 120, 192, 132],
  advance: 'right'
}

describe('visibleText', () => {
  it('joins runs as search does when no box lies on them', () => {
    expect(visibleText([line, next], [])).toBe('The adviser John Smith met\nthe trust on Friday.\n')
  })

  it('leaves out the characters under a box, and search finds neither them nor a phrase across them', () => {
    const text = visibleText([line, next], [[144, 98, 204, 114]])
    // The hidden stretch is one space; the visible spaces either side stay.
    expect(text).toBe('The adviser  met\nthe trust on Friday.\n')
    expect(findMatches(text, 'Smith')).toEqual([])
    expect(findMatches(text, 'adviser met')).toHaveLength(1)
  })

  it('hides a character the box only partly covers', () => {
    // The box runs from 1 pt into the "J" (x 144–150) to 2 pt into the "h" (x 156–162).
    expect(visibleText([line], [[149, 98, 158, 114]])).toBe('The adviser n Smith met\n')
  })

  it('keeps a run a box only grazes', () => {
    expect(visibleText([line], [[0, 111.99, 600, 130]])).toBe('The adviser John Smith met\n')
  })

  it('reads a run that advances down the page (a quarter-turned page) along its height', () => {
    const turned: PlacedText = { str: 'ABCD', hasEOL: false, pageRect: [300, 100, 312, 140], advance: 'down' }
    expect(visibleText([turned], [[298, 110, 314, 120]])).toBe('A CD')
    const back: PlacedText = { ...turned, advance: 'up' }
    expect(visibleText([back], [[298, 110, 314, 120]])).toBe('AB D')
  })

  it('drops a slanted run a box touches, whole', () => {
    const slanted: PlacedText = { ...line, advance: null }
    expect(visibleText([slanted, next], [[144, 98, 150, 114]])).toBe(' \nthe trust on Friday.\n')
  })
})
