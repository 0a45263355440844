import { describe, expect, it } from 'vitest'
import { foreignCode } from './foreignCode'

describe('foreignCode', () => {
  it.each([
    ['5.1.2e', '5.1.2e'],
    ['5.1.2 E', '5.1.2e'],
    ['5.2', '5.2'],
    ['s47F', 's47F'],
    ['Section 40(2)', 'Section40(2)'],
    ['Reg 12(4)(d)', 'Reg12(4)(d)']
  ])('reads %j as the unrecognised ground %j', (text, code) => {
    expect(foreignCode(text)).toBe(code)
  })

  it.each(['see 5.2', 'Dubbel', '2020', 'Page 5 of 6', '', 'the 5.1.2e rule applies here'])(
    'leaves %j alone',
    (text) => {
      expect(foreignCode(text)).toBeNull()
    }
  )
})
