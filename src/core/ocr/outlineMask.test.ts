import { describe, expect, it } from 'vitest'
import type { PxRect } from './ocrEngine'
import { outlineMasks } from './outlineMask'

// A white box 100 × 15 pt at 300 dpi, skewed 1.5°: its top and bottom edges (4 px pen lines) drift
// 11 px across it; a label 8 pt tall sits centred inside.
const PX_PER_PT = 300 / 72
const W = 460
const H = 100
const SLOPE = Math.tan((1.5 * Math.PI) / 180)

function page(): Uint8Array {
  const data = new Uint8Array(W * H).fill(245)
  for (let x = 10; x < 427; x++) {
    const drift = Math.round((x - 10) * SLOPE)
    for (let t = 0; t < 4; t++) {
      data[(12 + drift + t) * W + x] = 30
      data[(70 + drift - t) * W + x] = 30
    }
  }
  for (let y = 12; y < 82; y++) for (let x = 10; x < 14; x++) data[y * W + x] = 30
  // Label: strokes 4 px wide, rows 30–63 at its left end (inside the box wherever its edges run).
  for (let y = 30; y < 64; y++)
    for (let x = 30; x < 170; x += 10) for (let t = 0; t < 4; t++) data[y * W + x + t] = 30
  return data
}

const covered = (masks: readonly PxRect[], x: number, y: number): boolean =>
  masks.some((m) => x >= m[0] && x < m[2] && y >= m[1] && y < m[3])

describe('outlineMasks', () => {
  it('paints out a skewed outline’s top and bottom edges and none of the label inside', () => {
    const data = page()
    const masks = outlineMasks({ data, width: W, height: H }, [10, 12, 427, 82], PX_PER_PT)
    let edge = 0
    let edgeCovered = 0
    for (let x = 16; x < 427; x++) {
      const drift = Math.round((x - 10) * SLOPE)
      for (const y of [12 + drift, 15 + drift, 67 + drift, 70 + drift]) {
        edge++
        if (covered(masks, x, y)) edgeCovered++
      }
    }
    expect(edgeCovered / edge).toBeGreaterThan(0.97)
    for (let y = 30; y < 64; y++) for (let x = 30; x < 174; x++) expect(covered(masks, x, y)).toBe(false)
  })

  it('masks nothing in a box with no outline', () => {
    const data = new Uint8Array(W * H).fill(245)
    expect(outlineMasks({ data, width: W, height: H }, [10, 12, 427, 82], PX_PER_PT)).toEqual([])
  })
})
