import { describe, expect, it } from 'vitest'
import { pageRectToViewRect } from './overlayGeometry'

describe('pageRectToViewRect', () => {
  it('scales points to CSS px with the origin kept top-left', () => {
    expect(pageRectToViewRect([72, 310.5, 523.5, 352.5], 2)).toEqual({
      left: 144,
      top: 621,
      width: 903,
      height: 84
    })
  })

  it('is the identity at scale 1 and normalises swapped corners', () => {
    expect(pageRectToViewRect([200, 100, 100, 50], 1)).toEqual({ left: 100, top: 50, width: 100, height: 50 })
  })
})
