import { describe, expect, it } from 'vitest'
import { edgeLabel, labelFor, labelOnBox } from './labels'

describe('edgeLabel', () => {
  it('reads a label printed right after a box, with the sentence going on', () => {
    expect(edgeLabel('s9(2)(a), s9(2)(j) for the review', false)).toEqual({
      label: 's9(2)(a), s9(2)(j)',
      grounds: ['9(2)(a)', '9(2)(j)']
    })
    expect(edgeLabel('[b7c, b6] was interviewed', false)?.grounds).toEqual(['(b)(7)(C)', '(b)(6)'])
    expect(edgeLabel('Withheld under s9(2)(g)(i) for public consultation', false)?.grounds).toEqual([
      '9(2)(g)(i)'
    ])
  })
  it('reads a label printed right before a box', () => {
    expect(edgeLabel('as discussed with Ex. 6, Ex. 7(C)', true)?.grounds).toEqual(['(b)(6)', '(b)(7)(C)'])
  })
  it('ignores a citation inside a sentence', () => {
    expect(edgeLabel('the Minister noted section 9(2)(a) applies', false)).toBeNull()
    expect(edgeLabel('under s9(2)(a) the Minister', true)).toBeNull()
  })
})

describe('labelOnBox', () => {
  it('shows a code of a regime with no catalogue, printed on a box, verbatim as its ground', () => {
    expect(labelOnBox('Reg 12(4)(d)')).toEqual({ label: 'Reg 12(4)(d)', grounds: ['Reg12(4)(d)'] })
    expect(labelOnBox(' 5.1.2e ')).toEqual({ label: '5.1.2e', grounds: ['5.1.2e'] })
    expect(labelOnBox('see page 5')).toBeNull()
  })
  it('does not take a section number beside a box for a ground', () => {
    expect(labelFor('6.2')).toBeNull()
    expect(labelOnBox('6.2')).toEqual({ label: '6.2', grounds: ['6.2'] })
  })
})
