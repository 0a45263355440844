import { describe, expect, it } from 'vitest'
import { HeldPdfs } from './heldPdfs'

const bytes = (size: number, fill = 1): Uint8Array => new Uint8Array(size).fill(fill)

describe('HeldPdfs', () => {
  it('gives back the bytes held under a SHA-256, and nothing for an unknown one', () => {
    const held = new HeldPdfs(100)
    held.hold('a', bytes(10, 7))
    expect(held.get('a')).toEqual(bytes(10, 7))
    expect(held.get('b')).toBeNull()
  })

  it('lets the least recently used files go past its size, and never holds one larger than it', () => {
    const held = new HeldPdfs(100)
    held.hold('a', bytes(40))
    held.hold('b', bytes(40))
    expect(held.get('a')).not.toBeNull()
    held.hold('c', bytes(40))
    expect(held.get('b')).toBeNull()
    expect(held.get('a')).not.toBeNull()
    expect(held.get('c')).not.toBeNull()
    expect(held.heldBytes).toBe(80)
    held.hold('huge', bytes(101))
    expect(held.get('huge')).toBeNull()
    expect(held.heldBytes).toBe(80)
  })

  it('counts a file held twice once', () => {
    const held = new HeldPdfs(100)
    held.hold('a', bytes(60))
    held.hold('a', bytes(60))
    expect(held.heldBytes).toBe(60)
    held.release('a')
    expect(held.heldBytes).toBe(0)
  })
})
