import { describe, expect, it } from 'vitest'
import { canvasSizeFor, MAX_CANVAS_PIXELS, MAX_CANVAS_SIDE_PX } from './canvasSize'

describe('canvasSizeFor', () => {
  it('uses the device pixel ratio for an ordinary page', () => {
    // A4 at 100 % (595 × 842 pt × 96/72) on a 2× screen.
    expect(canvasSizeFor(793.7, 1122.5, 2)).toEqual({
      widthPx: 1587,
      heightPx: 2245,
      outputScale: 2,
      clamped: false
    })
  })

  it('clamps a 14,400 pt square page to the pixel cap', () => {
    const size = canvasSizeFor(19_200, 19_200, 2)
    expect(size.clamped).toBe(true)
    expect(size.widthPx * size.heightPx).toBeLessThanOrEqual(MAX_CANVAS_PIXELS)
    expect(size.widthPx).toBe(5792)
  })

  it('clamps a very long strip to the side cap', () => {
    const size = canvasSizeFor(100, 40_000, 1)
    expect(size.heightPx).toBeLessThanOrEqual(MAX_CANVAS_SIDE_PX)
    expect(size.widthPx * size.heightPx).toBeLessThanOrEqual(MAX_CANVAS_PIXELS)
    expect(size.clamped).toBe(true)
  })

  it('treats a missing or absurd pixel ratio as 1 and never returns 0 px', () => {
    expect(canvasSizeFor(0, 0, Number.NaN)).toEqual({
      widthPx: 1,
      heightPx: 1,
      outputScale: 1,
      clamped: false
    })
  })
})
