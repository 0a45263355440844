import { describe, expect, it } from 'vitest'
import type { Matrix } from '../types'
import { imageLeak, judgeRegion, sampleUnderBox, type DecodedImage } from './imageUnderBox'

/** A 200 × 100 px RGB image drawn over a 200 × 100 pt page: one pixel per point, row 0 at the top. */
const W = 200
const H = 100
const UPRIGHT: Matrix = [W, 0, 0, -H, 0, H]

function rgbImage(paint: (x: number, y: number) => number): DecodedImage {
  const data = new Uint8Array(W * H * 3)
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) data.fill(paint(x, y), (y * W + x) * 3, (y * W + x) * 3 + 3)
  return { width: W, height: H, kind: 2, data }
}

/** Paper at 235 with ±6 noise, glyph-like 3 × 7 px marks every 6 px along y 40–50. */
const noise = (x: number, y: number): number => 235 + (((x * 7 + y * 13) % 13) - 6)
const text = (x: number, y: number): number =>
  y >= 40 && y < 50 && x % 6 < 3 && y % 10 < 7 ? 30 : noise(x, y)

const judge = (image: DecodedImage, box: readonly [number, number, number, number], m = UPRIGHT) => {
  const sample = sampleUnderBox(image, m, box)
  if (!sample) throw new Error('no sample')
  return { sample, verdict: judgeRegion(sample) }
}

describe('pixels under a box', () => {
  it('sees words still printed under the box', () => {
    const { verdict } = judge(rgbImage(text), [20, 36, 120, 54])
    expect(verdict.showsContent).toBe(true)
    expect(verdict.marks).toBeGreaterThan(10)
  })

  it('calls blank paper and already-black pixels no content', () => {
    expect(judge(rgbImage(noise), [20, 36, 120, 54]).verdict.showsContent).toBe(false)
    const black = rgbImage((x, y) => (x >= 20 && x < 120 && y >= 36 && y < 54 ? 25 : noise(x, y)))
    expect(judge(black, [20, 36, 120, 54]).verdict.showsContent).toBe(false)
    // A box 3 pt larger than the black bar: a ring of paper round one mark.
    expect(judge(black, [17, 33, 123, 57]).verdict.showsContent).toBe(false)
  })

  it('reads one-bit images (bit set = white) and a page turned by 90°', () => {
    const rowBytes = W / 8
    const bits = new Uint8Array(rowBytes * H)
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) if (text(x, y) > 128) bits[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7)
    expect(judge({ width: W, height: H, kind: 1, data: bits }, [20, 36, 120, 54]).verdict.showsContent).toBe(
      true
    )
    // The image turned a quarter: its top edge runs down the page's left side (page 100 × 200 pt).
    const turned: Matrix = [0, W, H, 0, 0, 0]
    expect(judge(rgbImage(text), [46, 20, 64, 120], turned).verdict.showsContent).toBe(true)
    expect(judge(rgbImage(text), [10, 20, 30, 120], turned).verdict.showsContent).toBe(false)
  })

  it('returns no sample outside the image or for data of the wrong size', () => {
    expect(sampleUnderBox(rgbImage(text), UPRIGHT, [300, 10, 400, 40])).toBeNull()
    expect(
      sampleUnderBox({ width: W, height: H, kind: 2, data: new Uint8Array(10) }, UPRIGHT, [0, 0, 50, 50])
    ).toBeNull()
  })

  it('makes a leak with the mark count and a hash of the pixels, only where content shows', () => {
    const shown = judge(rgbImage(text), [20, 36, 120, 54])
    const blank = judge(rgbImage(noise), [20, 60, 120, 80])
    const leak = imageLeak([shown, blank])
    expect(leak?.kind).toBe('image-under-box')
    expect(leak?.chars).toBe(shown.verdict.marks)
    expect(leak?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(imageLeak([blank])).toBeNull()
  })
})
