import { NO_GROUND } from '@core/review/reviewItems'
import { describe, expect, it } from 'vitest'
import { describeFilter } from './reviewFilterScope'

describe('describeFilter', () => {
  it('says the review filter in words for the report cover', () => {
    expect(
      describeFilter({
        statuses: new Set(['disputed', 'unreviewed'] as const),
        grounds: new Set(['9(2)(a)', NO_GROUND]),
        kinds: new Set(['white'] as const),
        origins: new Set(['manual'] as const),
        leak: true
      })
    ).toBe('disputed or to do; 9(2)(a) or no ground; white boxes; drawn by hand; leaks only')
    expect(describeFilter({ leak: false })).toBe('no leaks')
    expect(describeFilter({})).toBe('')
  })
})
