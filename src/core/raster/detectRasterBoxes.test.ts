import { describe, expect, it } from 'vitest'
import { type GreyBitmap, type RasterBox, detectRasterBoxes } from './detectRasterBoxes'

// Small synthetic pages at 100 dpi (1.389 px per point), paper at grey 245.
const PX_PER_PT = 100 / 72
const W = 700
const H = 300

function page(): Uint8Array {
  return new Uint8Array(W * H).fill(245)
}

function rect(data: Uint8Array, x0: number, y0: number, x1: number, y1: number, grey: number): void {
  for (let y = Math.max(0, y0); y < Math.min(H, y1); y++)
    data.fill(grey, y * W + Math.max(0, x0), y * W + Math.min(W, x1))
}

/** A w × h box centred at (cx, cy), rotated by deg, 4×4 supersampled edges. */
function rotatedRect(
  data: Uint8Array,
  cx: number,
  cy: number,
  w: number,
  h: number,
  deg: number,
  grey: number
): void {
  const c = Math.cos((deg * Math.PI) / 180)
  const s = Math.sin((deg * Math.PI) / 180)
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let inside = 0
      for (let k = 0; k < 16; k++) {
        const px = x + ((k & 3) + 0.5) / 4 - cx
        const py = y + ((k >> 2) + 0.5) / 4 - cy
        if (Math.abs(px * c + py * s) <= w / 2 && Math.abs(-px * s + py * c) <= h / 2) inside++
      }
      if (inside > 0) {
        const i = y * W + x
        data[i] = Math.round(((data[i] as number) * (16 - inside) + grey * inside) / 16)
      }
    }
  }
}

/** A line of glyph-like marks: each an "n" of strokes `stroke` px thick, `height` px tall. */
function glyphs(
  data: Uint8Array,
  x: number,
  y: number,
  count: number,
  stroke: number,
  height: number,
  grey: number
): number {
  const width = Math.round(height * 0.6)
  for (let g = 0; g < count; g++) {
    const gx = x + g * (width + 2)
    rect(data, gx, y, gx + stroke, y + height, grey)
    rect(data, gx + width - stroke, y, gx + width, y + height, grey)
    rect(data, gx, y, gx + width, y + stroke, grey)
  }
  return x + count * (width + 2)
}

/** A 1 px rectangular outline of tone `grey`, ends exclusive. */
function outline(data: Uint8Array, x0: number, y0: number, x1: number, y1: number, grey: number): void {
  rect(data, x0, y0, x1, y0 + 1, grey)
  rect(data, x0, y1 - 1, x1, y1, grey)
  rect(data, x0, y0, x0 + 1, y1, grey)
  rect(data, x1 - 1, y0, x1, y1, grey)
}

/** Seeded noise, σ ≈ sigma grey levels. */
function noise(data: Uint8Array, sigma: number, seed = 3): void {
  let state = seed
  const rand = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
  for (let i = 0; i < data.length; i++) {
    const n = (rand() + rand() + rand() - 1.5) * 2 * sigma
    data[i] = Math.max(0, Math.min(255, Math.round((data[i] as number) + n)))
  }
}

const detect = (data: Uint8Array): RasterBox[] =>
  detectRasterBoxes({ data, width: W, height: H } satisfies GreyBitmap, PX_PER_PT)

/** The detection in px, rounded. */
const px = (b: RasterBox | undefined): number[] => (b ? b.pageRect.map((v) => Math.round(v * PX_PER_PT)) : [])

function iou(a: readonly number[], b: readonly number[]): number {
  const w = Math.min(a[2] as number, b[2] as number) - Math.max(a[0] as number, b[0] as number)
  const h = Math.min(a[3] as number, b[3] as number) - Math.max(a[1] as number, b[1] as number)
  if (w <= 0 || h <= 0) return 0
  const area = (r: readonly number[]): number =>
    ((r[2] as number) - (r[0] as number)) * ((r[3] as number) - (r[1] as number))
  return (w * h) / (area(a) + area(b) - w * h)
}

describe('detectRasterBoxes', () => {
  it('finds a black box, in points', () => {
    const d = page()
    rect(d, 100, 50, 300, 72, 0)
    const boxes = detect(d)
    expect(boxes).toHaveLength(1)
    expect(px(boxes[0])).toEqual([100, 50, 300, 72])
    expect(boxes[0]?.kind).toBe('black')
    expect(boxes[0]?.marker).toBe(false)
    expect(boxes[0]?.confidence).toBeGreaterThan(0.9)
    expect(boxes[0]?.pageRect[0]).toBeCloseTo(100 / PX_PER_PT, 5)
  })

  it('finds a box skewed by 1.5° as its axis-aligned bounds', () => {
    const d = page()
    rotatedRect(d, 350, 150, 400, 22, 1.5, 10)
    const boxes = detect(d)
    expect(boxes).toHaveLength(1)
    // Bounds of the rotated rect: half-extents 400/2·cos + 22/2·sin, 400/2·sin + 22/2·cos.
    const hx = 200 * Math.cos(0.02618) + 11 * Math.sin(0.02618)
    const hy = 200 * Math.sin(0.02618) + 11 * Math.cos(0.02618)
    expect(iou(px(boxes[0]), [350 - hx, 150 - hy, 350 + hx, 150 + hy])).toBeGreaterThan(0.85)
  })

  it('finds an off-black box under JPEG-like noise', () => {
    const d = page()
    rect(d, 80, 100, 260, 120, 55)
    noise(d, 10)
    const boxes = detect(d)
    expect(boxes).toHaveLength(1)
    expect(iou(px(boxes[0]), [80, 100, 260, 120])).toBeGreaterThan(0.9)
    expect(boxes[0]?.kind).toBe('black')
  })

  it('separates a box from the text it touches', () => {
    const d = page()
    const end = glyphs(d, 40, 104, 6, 2, 12, 20) - 2
    rect(d, end, 100, end + 150, 120, 0)
    glyphs(d, end + 150, 104, 5, 2, 12, 20)
    const boxes = detect(d)
    expect(boxes).toHaveLength(1)
    const [x0, , x1] = px(boxes[0])
    // Opening keeps a touching stroke's width (2 px here) where an erosion square straddles both.
    expect(Math.abs((x0 as number) - end)).toBeLessThanOrEqual(2)
    expect(Math.abs((x1 as number) - (end + 150))).toBeLessThanOrEqual(2)
  })

  it('reports a paragraph withheld line by line as one box per visibly separate bar (issue 11)', () => {
    const d = page()
    rect(d, 60, 60, 560, 78, 0)
    rect(d, 60, 80, 560, 98, 0)
    rect(d, 60, 100, 330, 118, 0)
    const boxes = detect(d).map(px)
    expect(boxes).toHaveLength(3)
    for (const [i, want] of [
      [60, 60, 560, 78],
      [60, 80, 560, 98],
      [60, 100, 330, 118]
    ].entries())
      expect(
        iou(boxes.find((b) => Math.abs(b[1]! - want[1]!) < 3) ?? [0, 0, 0, 0], want),
        `bar ${i}`
      ).toBeGreaterThan(0.85)
  })

  it('reports bars that touch with no gap as one box', () => {
    const d = page()
    rect(d, 60, 60, 560, 78, 0)
    rect(d, 60, 78, 560, 96, 0)
    rect(d, 60, 96, 330, 114, 0)
    const boxes = detect(d)
    expect(boxes.length).toBeGreaterThanOrEqual(1)
    expect(px(boxes[0])).toEqual([60, 60, 560, 114])
  })

  it('keeps word boxes on successive lines apart', () => {
    const d = page()
    rect(d, 100, 60, 160, 78, 0)
    rect(d, 140, 80, 210, 98, 0)
    expect(detect(d)).toHaveLength(2)
  })

  it('ignores table rules and underlines', () => {
    const d = page()
    rect(d, 40, 50, 660, 51, 0)
    rect(d, 40, 100, 660, 103, 0)
    rect(d, 40, 150, 660, 154, 0)
    rect(d, 100, 200, 200, 201, 0)
    expect(detect(d)).toEqual([])
  })

  it('ignores a dark header band with a line of white text', () => {
    const d = page()
    rect(d, 40, 50, 660, 84, 25)
    glyphs(d, 52, 60, 30, 2, 14, 250)
    expect(detect(d)).toEqual([])
  })

  it('still reports a box carrying a small white ground label, at full length', () => {
    const d = page()
    rect(d, 100, 100, 300, 122, 0)
    glyphs(d, 104, 106, 6, 1, 9, 250)
    const boxes = detect(d)
    expect(boxes).toHaveLength(1)
    expect(iou(px(boxes[0]), [100, 100, 300, 122])).toBeGreaterThan(0.9)
  })

  it('ignores a photo-like patch of many grey levels', () => {
    const d = page()
    let state = 9
    for (let y = 80; y < 220; y += 3) {
      for (let x = 200; x < 400; x += 3) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0
        rect(
          d,
          x,
          y,
          x + 3,
          y + 3,
          Math.round(128 + 100 * Math.sin(x / 17) * Math.cos(y / 11) + ((state >>> 24) - 128) / 3)
        )
      }
    }
    expect(detect(d)).toEqual([])
  })

  it('ignores bold body text and the stems of a large heading', () => {
    const d = page()
    glyphs(d, 40, 40, 40, 3, 14, 0)
    // A 30 pt bold heading: stems 6 px thick, 30 px tall.
    glyphs(d, 40, 100, 12, 6, 30, 0)
    expect(detect(d)).toEqual([])
  })

  it('finds a box running off the page edge', () => {
    const d = page()
    rect(d, 500, 150, W, 172, 0)
    const boxes = detect(d)
    expect(boxes).toHaveLength(1)
    expect(px(boxes[0])).toEqual([500, 150, W, 172])
  })

  it('ignores a scanner shadow along the page edge', () => {
    const d = page()
    rect(d, 0, 0, 14, H, 15)
    expect(detect(d)).toEqual([])
  })

  it('reports a wavy felt-pen stroke as a marker with lower confidence', () => {
    const d = page()
    for (let x = 100; x < 400; x++) {
      const top = 100 + Math.round(2 * Math.sin(x / 5) + 1.5 * Math.sin(x / 2.3))
      const bottom = 122 + Math.round(2 * Math.cos(x / 4) + 1.5 * Math.sin(x / 1.7))
      for (let y = top; y < bottom; y++) d[y * W + x] = 25
    }
    const boxes = detect(d)
    expect(boxes).toHaveLength(1)
    expect(boxes[0]?.marker).toBe(true)
    expect(boxes[0]?.confidence).toBeLessThan(0.7)
  })

  it('reports a page blacked out in full as one page-size box', () => {
    const d = new Uint8Array(W * H).fill(12)
    noise(d, 6)
    const boxes = detect(d)
    expect(boxes).toHaveLength(1)
    expect(px(boxes[0])).toEqual([0, 0, W, H])
  })

  it('finds a white box with a hairline outline among text, as kind white with lower confidence', () => {
    const d = page()
    const end = glyphs(d, 40, 104, 8, 1, 12, 30)
    rect(d, end + 3, 100, end + 123, 121, 245)
    // 1 px outline at grey 140: a 0.7 pt pen line after blur.
    rect(d, end + 3, 100, end + 123, 101, 140)
    rect(d, end + 3, 120, end + 123, 121, 140)
    rect(d, end + 3, 100, end + 4, 121, 140)
    rect(d, end + 122, 100, end + 123, 121, 140)
    glyphs(d, end + 127, 104, 8, 1, 12, 30)
    const boxes = detect(d)
    expect(boxes).toHaveLength(1)
    expect(boxes[0]?.kind).toBe('white')
    expect(boxes[0]?.confidence).toBeLessThanOrEqual(0.5)
    expect(px(boxes[0])).toEqual([end + 3, 100, end + 123, 121])
  })

  it('does not take table cells or a bordered text box for white boxes', () => {
    const d = page()
    // A 3 × 2 grid of 1 px rules with text in some cells.
    for (const y of [40, 62, 84]) rect(d, 40, y, 400, y + 1, 60)
    for (const x of [40, 160, 280, 399]) rect(d, x, 40, x + 1, 85, 60)
    glyphs(d, 50, 46, 5, 1, 10, 30)
    // A bordered box holding a line of text as short as a label: pixels cannot tell, so it comes
    // back only as a box that OCR must confirm by reading a ground label inside it.
    outline(d, 450, 150, 650, 176, 60)
    glyphs(d, 460, 157, 12, 1, 12, 30)
    const boxes = detect(d)
    expect(boxes.filter((b) => !b.needsLabel)).toEqual([])
    expect(boxes.map(px)).toEqual([[450, 150, 650, 176]])
  })

  it('finds a white outlined box with a ground label inside, for OCR to confirm', () => {
    const d = page()
    const end = glyphs(d, 40, 104, 8, 1, 12, 30)
    outline(d, end + 5, 100, end + 115, 122, 140)
    // "s9(2)(a)" at 8 pt: seven marks 8 px tall, left-aligned and centred between top and bottom.
    glyphs(d, end + 11, 107, 7, 1, 8, 40)
    glyphs(d, end + 120, 104, 8, 1, 12, 30)
    noise(d, 6)
    const boxes = detect(d)
    expect(boxes).toHaveLength(1)
    expect(boxes[0]?.kind).toBe('white')
    expect(boxes[0]?.needsLabel).toBe(true)
    expect(iou(px(boxes[0]), [end + 5, 100, end + 115, 122])).toBeGreaterThan(0.9)
    // An empty one needs no label.
    const empty = page()
    outline(empty, 100, 100, 210, 122, 140)
    expect(detect(empty).map((b) => b.needsLabel ?? false)).toEqual([false])
  })

  it('finds a small white box whose outline touches the words beside and above it', () => {
    const d = page()
    // A descender of the line above rests on the top edge; the last letter before it and the first
    // after it touch its sides. The box is 21 × 14 pt with a 2 px outline.
    glyphs(d, 40, 80, 12, 2, 12, 30)
    const end = glyphs(d, 80, 104, 4, 2, 12, 30)
    rect(d, end + 10, 92, end + 12, 100, 30)
    outline(d, end, 100, end + 29, 120, 120)
    outline(d, end + 1, 101, end + 28, 119, 120)
    glyphs(d, end + 29, 104, 4, 2, 12, 30)
    noise(d, 4)
    const boxes = detect(d)
    expect(boxes.map(px)).toEqual([[end, 100, end + 29, 120]])
    expect(boxes[0]?.needsLabel ?? false).toBe(false)
  })

  it('finds no white box in a bordered text box holding prose', () => {
    const d = page()
    // One line longer than any ground label (28 marks, ~180 pt).
    outline(d, 40, 40, 340, 66, 60)
    glyphs(d, 48, 47, 28, 1, 12, 30)
    // Two lines of text in a 29 pt tall box.
    outline(d, 400, 40, 600, 80, 60)
    glyphs(d, 408, 45, 10, 1, 10, 30)
    glyphs(d, 408, 62, 10, 1, 10, 30)
    // A word sitting on the bottom of its cell, not centred in it.
    outline(d, 40, 150, 200, 180, 60)
    glyphs(d, 48, 168, 5, 1, 10, 30)
    expect(detect(d)).toEqual([])
  })

  it('finds a skewed off-black box that its white label breaks up', () => {
    const d = page()
    const end = glyphs(d, 40, 104, 8, 2, 12, 30)
    rotatedRect(d, end + 62, 111, 110, 22, 1, 50)
    // "s9(2)(a)" in white at the left end: the 7 px margins above and below it outlast erosion as
    // thin strips, so what is left is neither a rectangle nor a frame.
    glyphs(d, end + 11, 107, 8, 1, 8, 235)
    glyphs(d, end + 124, 104, 8, 2, 12, 30)
    noise(d, 6)
    const boxes = detect(d)
    expect(boxes).toHaveLength(1)
    expect(boxes[0]?.kind).toBe('black')
    expect(iou(px(boxes[0]), [end + 7, 100, end + 117, 122])).toBeGreaterThan(0.85)
  })

  it('rejects a bitmap whose size does not match', () => {
    expect(() => detectRasterBoxes({ data: new Uint8Array(10), width: 5, height: 5 }, 1)).toThrow(
      /expected 5×5/
    )
  })
})
