import { describe, expect, it } from 'vitest'
import { detectRasterBoxes } from './detectRasterBoxes'
import { estimateSkewDeg, rotateBitmap } from './deskew'

// A4 at 100 dpi: paragraphs of text-like strokes and a paragraph withheld line by line.
const W = 827
const H = 1169
const PX_PER_PT = 100 / 72

function uprightPage(): Uint8Array {
  const d = new Uint8Array(W * H).fill(245)
  const rect = (x0: number, y0: number, x1: number, y1: number, g: number): void => {
    for (let y = y0; y < y1; y++) d.fill(g, y * W + x0, y * W + x1)
  }
  // Text lines: words of 2 px strokes, 12 px tall, lines 20 px apart.
  for (let line = 0; line < 20; line++) {
    const y = 100 + line * 20
    for (let x = 80; x < 740; x += 9) if ((x * 7 + line) % 13 !== 0) rect(x, y, x + 2, y + 12, 30)
  }
  // A withheld paragraph: four bars 16 px tall with 4 px of paper between them.
  for (let bar = 0; bar < 4; bar++) rect(80, 600 + bar * 20, bar === 3 ? 400 : 740, 616 + bar * 20, 20)
  return d
}

describe('deskew', () => {
  it.each([1.5, -2, 0.8])('measures a scan turned by %s° to within 0.2°', (deg) => {
    const skewed = rotateBitmap({ data: uprightPage(), width: W, height: H }, -deg, 245)
    expect(Math.abs(estimateSkewDeg(skewed) - deg)).toBeLessThanOrEqual(0.2)
  })

  it('calls an upright page straight', () => {
    expect(estimateSkewDeg({ data: uprightPage(), width: W, height: H })).toBe(0)
  })

  it('keeps the bars of a paragraph withheld line by line apart on a page turned by 2°', () => {
    const skewed = rotateBitmap({ data: uprightPage(), width: W, height: H }, -2, 245)
    const bars = detectRasterBoxes(skewed, PX_PER_PT).filter((b) => b.pageRect[1] * PX_PER_PT > 560)
    expect(bars).toHaveLength(4)
  })
})
