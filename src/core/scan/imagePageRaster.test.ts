import { describe, expect, it } from 'vitest'
import type { FillBox } from '../pdf/pageContent'
import { OPS } from '../pdf/ops'
import type { Matrix } from '../types'
import type { DecodedImage } from './imageUnderBox'
import { paintsOnlyRectsAndImages, rasterFromImages } from './imagePageRaster'

/** An RGB image of w × h px whose pixel (x, y) (row 0 at the top) has grey `paint(x, y)`. */
function rgb(w: number, h: number, paint: (x: number, y: number) => number): DecodedImage {
  const data = new Uint8Array(w * h * 3)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) data.fill(paint(x, y), (y * w + x) * 3, (y * w + x) * 3 + 3)
  return { width: w, height: h, kind: 2, data }
}

/** One source pixel's grey, each rounded down on its own; alpha over white. */
function greyOf({ width, kind, data }: DecodedImage, x: number, y: number): number {
  if (kind === 1) return (data[y * ((width + 7) >> 3) + (x >> 3)]! & (0x80 >> (x & 7))) !== 0 ? 255 : 0
  const j = (y * width + x) * (kind === 2 ? 3 : 4)
  const luma = (77 * data[j]! + 150 * data[j + 1]! + 29 * data[j + 2]!) >> 8
  const alpha = kind === 2 ? 255 : data[j + 3]!
  return alpha === 255 ? luma : Math.floor((luma * alpha + 255 * (255 - alpha)) / 255)
}

const fill = (seq: number, rect: [number, number, number, number], level: number): FillBox => ({
  seq,
  rect,
  colour: [level, level, level],
  alpha: 1,
  stroked: false,
  inAnnotation: false,
  blended: false,
  group: 0
})

/** A 10 × 10 pt page at 1 px/pt; images at 2 px/pt. */
const UPRIGHT: Matrix = [10, 0, 0, -10, 0, 10]

describe('scan images straight to grey', () => {
  it('averages each 2 × 2 block of source pixels into one target pixel', () => {
    // Dark 4 × 4 px square at source (4..7, 2..5) → target pixels (2..3, 1..2).
    const image = rgb(20, 20, (x, y) => (x >= 4 && x < 8 && y >= 2 && y < 6 ? 0 : 200))
    const out = rasterFromImages({ images: [{ image, matrix: UPRIGHT, seq: 0 }], fills: [] }, 10, 10, 1)!
    expect(out.width).toBe(10)
    expect(out.data[1 * 10 + 2]).toBe(0)
    expect(out.data[2 * 10 + 3]).toBe(0)
    expect(out.data[3 * 10 + 3]).toBe(200)
    expect(out.data[0]).toBe(200)
  })

  it('follows a quarter-turned image and one-bit data', () => {
    // Bit set = white; one black source column x = 0..1 (the image's left edge).
    const bits = new Uint8Array(3 * 20).fill(0xff)
    for (let y = 0; y < 20; y++) bits[y * 3] = 0x3f
    const image: DecodedImage = { width: 20, height: 20, kind: 1, data: bits }
    // Turned: u (image x) runs down the page, v (image up) runs right: the left edge is the page's top.
    const turned: Matrix = [0, 10, 10, 0, 0, 0]
    const out = rasterFromImages({ images: [{ image, matrix: turned, seq: 0 }], fills: [] }, 10, 10, 1)!
    expect(Array.from(out.data.slice(0, 10))).toEqual(Array(10).fill(0))
    expect(out.data[10]).toBe(255)
  })

  it('paints rectangle fills in drawing order with the images', () => {
    const image = rgb(20, 20, () => 200)
    const layers = {
      images: [{ image, matrix: UPRIGHT, seq: 1 }],
      fills: [fill(0, [0, 0, 5, 5], 0), fill(2, [5, 5, 8, 8], 20)]
    }
    const out = rasterFromImages(layers, 10, 10, 1)!
    expect(out.data[0]).toBe(200) // under the image
    expect(out.data[6 * 10 + 6]).toBe(20) // on top of it
  })

  it('leaves skewed, too coarse and pattern-filled pages to the renderer', () => {
    const image = rgb(20, 20, () => 200)
    const skewed: Matrix = [10, 0.5, 0, -10, 0, 10]
    expect(rasterFromImages({ images: [{ image, matrix: skewed, seq: 0 }], fills: [] }, 10, 10, 1)).toBeNull()
    expect(
      rasterFromImages({ images: [{ image, matrix: UPRIGHT, seq: 0 }], fills: [] }, 10, 10, 4)
    ).toBeNull()
    const pattern = { ...fill(1, [0, 0, 2, 2], 0), colour: null }
    expect(
      rasterFromImages({ images: [{ image, matrix: UPRIGHT, seq: 0 }], fills: [pattern] }, 10, 10, 1)
    ).toBeNull()
  })

  it('gives each target pixel the rounded mean grey of the source pixels centred in it', () => {
    // Uneven sizes (31 × 23 px onto 10 × 7 pt at 1 px/pt), every kind, upright, mirrored and turned.
    let seed = 7
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256
    const W = 31
    const H = 23
    const images: DecodedImage[] = [
      { width: W, height: H, kind: 2, data: Uint8Array.from({ length: W * H * 3 }, random) },
      {
        width: W,
        height: H,
        kind: 3,
        data: Uint8Array.from({ length: W * H * 4 }, (_, i) => (i % 4 === 3 && i % 3 === 0 ? 255 : random()))
      },
      { width: W, height: H, kind: 1, data: Uint8Array.from({ length: ((W + 7) >> 3) * H }, random) }
    ]
    const matrices: Matrix[] = [
      [10, 0, 0, -7, 0, 7], // upright
      [-10, 0, 0, 7, 10, 0], // mirrored both ways
      [0, 7, 10, 0, 0, 0] // quarter-turned
    ]
    for (const image of images) {
      for (const matrix of matrices) {
        const out = rasterFromImages({ images: [{ image, matrix, seq: 0 }], fills: [] }, 10, 7, 1)!
        const sums = new Array<number>(70).fill(0)
        const counts = new Array<number>(70).fill(0)
        const [a, b, c, d, e, f] = matrix
        for (let sy = 0; sy < H; sy++) {
          for (let sx = 0; sx < W; sx++) {
            const u = (sx + 0.5) / W
            const v = 1 - (sy + 0.5) / H
            const tx = Math.floor(a * u + c * v + e)
            const ty = Math.floor(b * u + d * v + f)
            if (tx < 0 || tx >= 10 || ty < 0 || ty >= 7) continue
            sums[ty * 10 + tx]! += greyOf(image, sx, sy)
            counts[ty * 10 + tx]!++
          }
        }
        const expected = sums.map((sum, k) => (counts[k]! > 0 ? Math.round(sum / counts[k]!) : 255))
        expect(Array.from(out.data)).toEqual(expected)
      }
    }
  })

  it('tells pages of images and rectangles from pages with strokes or curves', () => {
    const rect = [
      OPS.constructPath,
      [OPS.fill, [new Float32Array([0, 0, 0, 1, 10, 0, 1, 10, 10, 1, 0, 10, 4])]]
    ]
    const list = (...ops: unknown[][]) => ({
      fnArray: ops.map((o) => o[0] as number),
      argsArray: ops.map((o) => o[1])
    })
    expect(paintsOnlyRectsAndImages(list([OPS.paintImageXObject, ['img']], rect as unknown[]))).toBe(true)
    const stroke = [OPS.constructPath, [OPS.stroke, [new Float32Array([0, 0, 0, 1, 10, 10])]]]
    expect(paintsOnlyRectsAndImages(list([OPS.paintImageXObject, ['img']], stroke as unknown[]))).toBe(false)
    expect(paintsOnlyRectsAndImages(list([OPS.shadingFill, ['sh']]))).toBe(false)
  })
})
