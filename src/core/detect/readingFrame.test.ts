import { describe, expect, it } from 'vitest'
import { readingFrame } from './readingFrame'

describe('readingFrame', () => {
  it.each([0, 1, 2, 3] as const)('turns rectangles there and back for direction %i', (direction) => {
    const frame = readingFrame(direction, 600, 800)
    const rect = [100, 200, 150, 230] as const
    const inFrame = frame.toFrame(rect)
    expect(inFrame[0]).toBeGreaterThanOrEqual(0)
    expect(inFrame[2]).toBeLessThanOrEqual(frame.width)
    expect(inFrame[3]).toBeLessThanOrEqual(frame.height)
    expect(frame.toPage(inFrame)).toEqual(rect)
  })
  it('puts text that reads downwards on a line that runs left to right', () => {
    // Two glyphs reading down the page at x ≈ 500: the second is below the first.
    const frame = readingFrame(1, 600, 800)
    const first = frame.toFrame([495, 100, 505, 108])
    const second = frame.toFrame([495, 110, 505, 118])
    expect(second[0]).toBeGreaterThan(first[2] - 0.01) // to the right in the frame
    expect(second[1]).toBe(first[1]) // on the same line
    // A line further left on the page (the next line for downward text) is further down in the frame.
    expect(frame.toFrame([480, 100, 490, 108])[1]).toBeGreaterThan(first[1])
  })
})
