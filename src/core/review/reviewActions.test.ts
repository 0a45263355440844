import { describe, expect, it } from 'vitest'
import {
  describeReview,
  normaliseGrounds,
  planReview,
  pushRecent,
  reduceReview,
  type Reviewable
} from './reviewActions'

const row = (id: string, extra: Partial<Reviewable> = {}): Reviewable => ({
  id,
  grounds: ['9(2)(a)'],
  status: 'unreviewed',
  note: '',
  updatedAt: 1,
  ...extra
})

describe('reduceReview', () => {
  it('accepts and disputes, keeping or replacing the note', () => {
    expect(reduceReview(row('a'), { type: 'accept' }, 5)).toMatchObject({ status: 'accepted', updatedAt: 5 })
    const disputed = reduceReview(row('a', { note: 'old' }), { type: 'dispute' }, 5)
    expect(disputed).toMatchObject({ status: 'disputed', note: 'old' })
    expect(reduceReview(row('a'), { type: 'dispute', note: 'names are public' }, 5).note).toBe(
      'names are public'
    )
  })

  it('returns the same row when nothing changes, so no history is written', () => {
    const accepted = row('a', { status: 'accepted' })
    expect(reduceReview(accepted, { type: 'accept' }, 9)).toBe(accepted)
    expect(reduceReview(accepted, { type: 'set-grounds', grounds: [' 9(2)(a) '] }, 9)).toBe(accepted)
    expect(reduceReview(accepted, { type: 'add-ground', ground: '9(2)(a)' }, 9)).toBe(accepted)
  })

  it('sets, adds and removes grounds without repeats', () => {
    const r = row('a')
    expect(reduceReview(r, { type: 'set-grounds', grounds: ['6(a)', '6(a)', ''] }, 2).grounds).toEqual([
      '6(a)'
    ])
    expect(reduceReview(r, { type: 'add-ground', ground: '9(2)(g)(i)' }, 2).grounds).toEqual([
      '9(2)(a)',
      '9(2)(g)(i)'
    ])
    expect(reduceReview(r, { type: 'remove-ground', ground: '9(2)(a)' }, 2).grounds).toEqual([])
    expect(r.grounds).toEqual(['9(2)(a)']) // never mutated
  })

  it('trims notes', () => {
    expect(reduceReview(row('a'), { type: 'note', note: '  why \n' }, 2).note).toBe('why')
  })
})

describe('planReview (bulk tagging)', () => {
  it('changes only the rows the action affects', () => {
    const rows = [row('a'), row('b', { grounds: ['9(2)(g)(i)'] }), row('c', { grounds: [] })]
    const plan = planReview(rows, { type: 'add-ground', ground: '9(2)(g)(i)' }, 7)
    expect(plan.map((c) => c.after.id)).toEqual(['a', 'c'])
    expect(plan[1]?.after.grounds).toEqual(['9(2)(g)(i)'])
    expect(plan[0]?.before).toBe(rows[0])
  })
})

describe('words and recent grounds', () => {
  it('describes actions for the history', () => {
    expect(describeReview({ type: 'accept' }, 1)).toBe('Accept 1 redaction')
    expect(describeReview({ type: 'set-grounds', grounds: ['9(2)(a)'] }, 50)).toBe(
      'Set grounds 9(2)(a) on 50 redactions'
    )
  })
  it('keeps the nine most recent grounds, newest first', () => {
    expect(pushRecent(['a', 'b', 'c'], ['c', 'd'])).toEqual(['c', 'd', 'a', 'b'])
    const many = Array.from({ length: 12 }, (_, i) => `g${i}`)
    expect(pushRecent(many, ['new'])).toHaveLength(9)
    expect(normaliseGrounds([' x', 'x', 'y '])).toEqual(['x', 'y'])
  })
})
