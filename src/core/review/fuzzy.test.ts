import { describe, expect, it } from 'vitest'
import { fuzzyFilter, fuzzyMatch } from './fuzzy'

describe('fuzzyMatch', () => {
  it('matches letters in order, ignoring case and spaces', () => {
    expect(fuzzyMatch('acg', 'Accept the grounds')?.positions).toEqual([0, 1, 11])
    expect(fuzzyMatch('ACC', 'Accept the grounds')).not.toBeNull()
    expect(fuzzyMatch('next red', 'Next redaction')).not.toBeNull()
    expect(fuzzyMatch('xyz', 'Accept the grounds')).toBeNull()
    expect(fuzzyMatch('ga', 'Accept the grounds')).toBeNull()
  })

  it('an empty query matches everything with score 0', () => {
    expect(fuzzyMatch('', 'Undo')).toEqual({ score: 0, positions: [] })
  })
})

describe('fuzzyFilter', () => {
  const labels = ['Clear the selection', 'Accept the grounds', 'Search the release', 'Undo', 'Redo']
  it('puts substring and word-start hits first', () => {
    expect(fuzzyFilter(labels, 'se', (l) => l)).toEqual(['Search the release', 'Clear the selection'])
    expect(fuzzyFilter(labels, 'do', (l) => l)).toEqual(['Undo', 'Redo'])
  })
  it('keeps the given order for an empty query', () => {
    expect(fuzzyFilter(labels, '', (l) => l)).toEqual(labels)
  })
})
