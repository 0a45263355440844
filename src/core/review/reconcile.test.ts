import { describe, expect, it } from 'vitest'
import { codesMeet, reconcileGrounds } from './reconcile'

const box = (id: string, ...grounds: string[]) => ({ id, grounds })

describe('reconcileGrounds', () => {
  const boxes = [
    box('r1', '6(a)', '9(2)(a)'),
    box('r2', '9(2)(a)'),
    box('r3'),
    box('r4', '9(2)(g)'),
    box('r5', '9(2)(b)(ii)'),
    box('r6', '9(2)(b)(ii)'),
    box('r7')
  ]

  it('lists cited-not-used, used-not-cited with their boxes, and boxes without a ground', () => {
    const result = reconcileGrounds(['9(2)(a)', '9(2)(g)(i)', '9(2)(j)', '9(2)(a)'], boxes)
    expect(result.letterGrounds).toEqual(['9(2)(a)', '9(2)(g)(i)', '9(2)(j)'])
    expect(result.citedNotUsed).toEqual(['9(2)(j)'])
    expect(result.usedNotCited.map((u) => [u.code, u.items.map((i) => i.id)])).toEqual([
      ['6(a)', ['r1']],
      ['9(2)(b)(ii)', ['r5', 'r6']]
    ])
    expect(result.withoutGround.map((i) => i.id)).toEqual(['r3', 'r7'])
  })

  it('lets a parent ground meet its sub-paragraphs either way round', () => {
    const result = reconcileGrounds(['9(2)(b)', '(b)(7)(C)'], [box('a', '9(2)(b)(i)'), box('b', '(b)(7)')])
    expect(result.citedNotUsed).toEqual([])
    expect(result.usedNotCited).toEqual([])
    expect(codesMeet('9(2)(b)', '9(2)(ba)')).toBe(false)
    expect(codesMeet('(b)(7)', '(b)(7)(C)')).toBe(true)
  })

  it('without a letter lists only the boxes without a ground', () => {
    const result = reconcileGrounds(null, boxes)
    expect(result).toEqual({
      letterGrounds: null,
      citedNotUsed: [],
      usedNotCited: [],
      withoutGround: [boxes[2], boxes[6]]
    })
  })

  it('a letter citing nothing leaves every used ground uncited', () => {
    const result = reconcileGrounds([], [box('a', '(b)(6)'), box('b', '(b)(5)'), box('c', '(b)(6)')])
    expect(result.usedNotCited.map((u) => [u.code, u.items.length])).toEqual([
      ['(b)(6)', 2],
      ['(b)(5)', 1]
    ])
  })
})
