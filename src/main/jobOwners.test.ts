import { describe, expect, it } from 'vitest'
import { JobOwners } from './jobOwners'

describe('JobOwners', () => {
  it('lets only the starting window cancel or release a job', () => {
    const owners = new JobOwners<string>()
    expect(owners.claim('j1', 'window A')).toBe(true)
    expect(owners.claim('j1', 'window B')).toBe(false)
    expect(owners.isOwner('j1', 'window B')).toBe(false)
    expect(owners.release('j1', 'window B')).toBe(false)
    expect(owners.isOwner('j1', 'window A')).toBe(true)
    expect(owners.release('j1', 'window A')).toBe(true)
    expect(owners.isOwner('j1', 'window A')).toBe(false)
  })

  it('hands back every job of a closing window, and only those', () => {
    const owners = new JobOwners<string>()
    owners.claim('a1', 'A')
    owners.claim('b1', 'B')
    owners.claim('a2', 'A')
    expect(owners.releaseAll('A')).toEqual(['a1', 'a2'])
    expect(owners.releaseAll('A')).toEqual([])
    expect(owners.isOwner('b1', 'B')).toBe(true)
  })
})
