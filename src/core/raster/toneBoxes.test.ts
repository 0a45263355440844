import { describe, expect, it } from 'vitest'
import { rotateBitmap } from './deskew'
import { type RasterBox, detectRasterBoxes } from './detectRasterBoxes'

// Synthetic pages at 100 dpi (1.389 px per point) on off-white paper (grey 240) with scanner noise:
// the tones real agencies use, and the look-alikes real pages carry (issue 11).
const PX_PER_PT = 100 / 72
const W = 800
const H = 400

function page(paper = 240, seed = 5): Uint8Array {
  const d = new Uint8Array(W * H).fill(paper)
  noise(d, 6, seed)
  return d
}

/** ± amplitude of uniform noise, deterministic. */
function noise(d: Uint8Array, amplitude: number, seed: number): void {
  let state = seed
  for (let i = 0; i < d.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    const v = (d[i] as number) + ((state >>> 24) / 255 - 0.5) * 2 * amplitude
    d[i] = Math.max(0, Math.min(255, Math.round(v)))
  }
}

function rect(d: Uint8Array, x0: number, y0: number, x1: number, y1: number, grey: number): void {
  for (let y = Math.max(0, y0); y < Math.min(H, y1); y++)
    d.fill(grey, y * W + Math.max(0, x0), y * W + Math.min(W, x1))
}

/** A line of "n"-shaped marks, `stroke` px thick and `height` px tall, in `grey`. */
function glyphs(d: Uint8Array, x: number, y: number, count: number, height: number, grey: number): void {
  const width = Math.round(height * 0.6)
  for (let g = 0; g < count; g++) {
    const gx = x + g * (width + 2)
    rect(d, gx, y, gx + 2, y + height, grey)
    rect(d, gx + width - 2, y, gx + width, y + height, grey)
    rect(d, gx, y, gx + width, y + 2, grey)
  }
}

const detect = (d: Uint8Array): RasterBox[] => detectRasterBoxes({ data: d, width: W, height: H }, PX_PER_PT)
const px = (b: RasterBox): number[] => b.pageRect.map((v) => Math.round(v * PX_PER_PT))

function iou(a: readonly number[], b: readonly number[]): number {
  const ix = Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!))
  const iy = Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!))
  const inter = ix * iy
  const area = (r: readonly number[]): number => (r[2]! - r[0]!) * (r[3]! - r[1]!)
  return inter / (area(a) + area(b) - inter)
}

const found = (boxes: RasterBox[], want: readonly number[]): boolean =>
  boxes.some((b) => iou(px(b), want) > 0.8)

describe('boxes of any tone', () => {
  it.each([
    ['dark grey', 100],
    ['mid grey', 150],
    ['light grey', 205],
    ['mauve as grey (luma of 200,160,200)', 175],
    ['light blue as grey (luma of 170,200,230)', 192]
  ])('finds a %s box among text lines', (_name, tone) => {
    const d = page()
    glyphs(d, 60, 100, 20, 14, 30)
    rect(d, 250, 98, 420, 118, tone)
    glyphs(d, 430, 100, 10, 14, 30)
    const boxes = detect(d)
    expect(found(boxes, [250, 98, 420, 118])).toBe(true)
    expect(boxes).toHaveLength(1)
  })

  it('finds a grey box whose white label nearly fills its height, whole, not in pieces', () => {
    const d = page()
    rect(d, 200, 100, 290, 118, 107)
    glyphs(d, 215, 103, 6, 12, 235)
    const boxes = detect(d)
    expect(boxes).toHaveLength(1)
    expect(iou(px(boxes[0]!), [200, 100, 290, 118])).toBeGreaterThan(0.85)
  })

  it('finds a light grey box with its label in black ink', () => {
    const d = page()
    rect(d, 200, 100, 400, 120, 200)
    glyphs(d, 270, 104, 5, 12, 20)
    expect(found(detect(d), [200, 100, 400, 120])).toBe(true)
  })

  it('finds a light grey box over most of the page whole, its tone drifting under uneven light', () => {
    const d = page()
    for (let y = 40; y < 360; y++)
      for (let x = 60; x < 740; x++) d[y * W + x] = Math.round(185 + (20 * (x - 60)) / 680)
    glyphs(d, 300, 190, 12, 14, 30)
    const boxes = detect(d)
    expect(found(boxes, [60, 40, 740, 360])).toBe(true)
    expect(boxes).toHaveLength(1)
  })

  it('keeps bars a hairline apart as separate redactions', () => {
    const d = page()
    rect(d, 100, 100, 250, 118, 107)
    rect(d, 251, 100, 400, 118, 107)
    // The hairline between them is a lighter column, blurred.
    for (let y = 100; y < 118; y++) d[y * W + 250] = 190
    const boxes = detect(d)
    expect(found(boxes, [100, 100, 250, 118])).toBe(true)
    expect(found(boxes, [251, 100, 400, 118])).toBe(true)
  })

  it('finds boxes on a page lit unevenly (paper from 250 down to 215)', () => {
    const d = page()
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) d[y * W + x] = Math.round(250 - (35 * x) / W)
    noise(d, 5, 9)
    rect(d, 600, 200, 760, 220, 150)
    const boxes = detect(d)
    expect(found(boxes, [600, 200, 760, 220])).toBe(true)
    expect(boxes).toHaveLength(1)
  })
})

describe('look-alikes turned down on evidence', () => {
  it('a light band with a line of text across it (table header, highlighter)', () => {
    const d = page()
    rect(d, 60, 100, 700, 124, 200)
    glyphs(d, 70, 105, 45, 14, 20)
    expect(detect(d)).toEqual([])
  })

  it('a gradient panel', () => {
    const d = page()
    for (let y = 100; y < 250; y++)
      for (let x = 200; x < 500; x++) d[y * W + x] = Math.round(120 + (100 * (x - 200)) / 300)
    expect(detect(d)).toEqual([])
  })

  it('a textured photo', () => {
    const d = page()
    let state = 3
    for (let y = 80; y < 260; y += 3)
      for (let x = 200; x < 420; x += 3) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0
        rect(
          d,
          x,
          y,
          x + 3,
          y + 3,
          Math.round(140 + 60 * Math.sin(x / 13) * Math.cos(y / 9) + ((state >>> 24) - 128) / 4)
        )
      }
    expect(detect(d)).toEqual([])
  })

  it('grey bars of a chart standing on one axis with differing heights', () => {
    const d = page()
    rect(d, 100, 340, 600, 342, 30)
    const heights = [120, 200, 80, 160, 240]
    heights.forEach((h, i) => rect(d, 120 + i * 90, 340 - h, 120 + i * 90 + 50, 340, 150))
    expect(detect(d)).toEqual([])
  })

  it('black columns of a chart on a drawn axis, even two of them', () => {
    const d = page()
    rect(d, 100, 340, 600, 342, 60)
    rect(d, 98, 150, 100, 342, 60)
    rect(d, 140, 200, 186, 340, 20)
    rect(d, 260, 310, 306, 340, 20)
    expect(detect(d)).toEqual([])
  })

  it('horizontal bars from a drawn axis, spaced less than their height', () => {
    const d = page()
    rect(d, 98, 60, 100, 260, 60)
    ;[300, 240, 120, 90].forEach((w, i) => rect(d, 100, 70 + i * 45, 100 + w, 70 + i * 45 + 35, 25))
    expect(detect(d)).toEqual([])
  })

  it('stacked horizontal bars from a drawn axis: every segment', () => {
    const d = page()
    rect(d, 98, 60, 100, 260, 60)
    ;[
      [200, 120],
      [150, 220],
      [260, 90]
    ].forEach(([a, b], i) => {
      rect(d, 100, 70 + i * 60, 100 + a!, 70 + i * 60 + 35, 30)
      rect(d, 100 + a!, 70 + i * 60, 100 + a! + b!, 70 + i * 60 + 35, 160)
    })
    expect(detect(d)).toEqual([])
  })

  it('keeps boxes that start at the text column down the page, lines of print between them', () => {
    const d = page()
    const boxes: [number, number, number, number][] = [
      [60, 40, 200, 57],
      [60, 110, 330, 127],
      [60, 200, 140, 217],
      [60, 300, 260, 317]
    ]
    for (const [x0, y0, x1, y1] of boxes) rect(d, x0, y0, x1, y1, 120)
    for (const y of [70, 150, 240, 340]) glyphs(d, 60, y, 40, 14, 30)
    const detected = detect(d)
    for (const b of boxes) expect(found(detected, b)).toBe(true)
  })

  it('keeps a paragraph withheld line by line, flush left on paper', () => {
    const d = page()
    const bars = [600, 580, 610, 300].map((w, i) => [60, 80 + i * 24, 60 + w, 80 + i * 24 + 17] as const)
    for (const b of bars) rect(d, ...b, 25)
    const boxes = detect(d)
    for (const b of bars) expect(found(boxes, b)).toBe(true)
  })

  it('a 3 pt grey rule under a heading', () => {
    const d = page()
    rect(d, 60, 100, 740, 104, 120)
    expect(detect(d)).toEqual([])
  })

  it('scanner shading cut off by the image edge, straight or skewed', () => {
    const d = page()
    rect(d, 0, 40, 40, 200, 200)
    rect(d, 600, 0, 800, 30, 190)
    expect(detect(d)).toEqual([])
    // The same page turned 1.5°: the shading still reaches the edge once the page is turned back.
    const skewed = rotateBitmap({ data: d, width: W, height: H }, -1.5)
    expect(detectRasterBoxes(skewed, PX_PER_PT)).toEqual([])
  })
})
