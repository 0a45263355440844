import { describe, expect, it } from 'vitest'
import type { Matrix } from '../types'
import { OPS } from './ops'
import { walkOperatorList, type FontMetrics } from './walkOperatorList'

/** pdf.js's viewport transform for an upright 600 × 800 page at scale 1: y flipped. */
const VIEWPORT: Matrix = [1, 0, 0, -1, 0, 800]
const PAGE = { width: 600, height: 800 }
const HELVETICA: FontMetrics = {
  fontMatrix: [0.001, 0, 0, 0.001, 0, 0],
  ascent: 0.75,
  descent: -0.25,
  vertical: false
}

type Op = [number, unknown[] | null]
const rect = (x: number, y: number, w: number, h: number, paint: number = OPS.fill): Op => [
  OPS.constructPath,
  [paint, [new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4])], null]
]
const walk = (ops: Op[]) =>
  walkOperatorList(
    { fnArray: ops.map((o) => o[0]), argsArray: ops.map((o) => o[1]) },
    VIEWPORT,
    PAGE,
    () => HELVETICA
  )
const glyph = (unicode: string, width: number) => ({ unicode, width, isSpace: unicode === ' ' })

describe('walkOperatorList', () => {
  it('records filled rectangles in displayed-page space with their colour', () => {
    const { fills } = walk([[OPS.setFillRGBColor, ['#102030']], rect(100, 700, 50, 20)])
    expect(fills).toHaveLength(1)
    expect(fills[0]!.rect).toEqual([100, 80, 150, 100])
    expect(fills[0]!.colour).toEqual([16, 32, 48])
  })

  it('applies cm inside q … Q and forgets it after', () => {
    const { fills } = walk([
      [OPS.save, null],
      [OPS.transform, [2, 0, 0, 2, 10, 10]],
      rect(0, 0, 10, 10),
      [OPS.restore, null],
      rect(0, 0, 10, 10)
    ])
    expect(fills.map((f) => f.rect)).toEqual([
      [10, 770, 30, 790],
      [0, 790, 10, 800]
    ])
  })

  it('clips fills to a rectangular clip path and drops what it hides entirely', () => {
    const { fills } = walk([
      [OPS.clip, null],
      rect(0, 0, 100, 100, OPS.endPath),
      rect(50, 50, 100, 100),
      rect(300, 300, 20, 20)
    ])
    expect(fills.map((f) => f.rect)).toEqual([[50, 700, 100, 750]])
  })

  it('clips everything away when an even-odd clip names one rectangle twice', () => {
    const twice: Op = [
      OPS.constructPath,
      [
        OPS.endPath,
        [
          new Float32Array([
            0, 0, 0, 1, 600, 0, 1, 600, 800, 1, 0, 800, 4, 0, 0, 0, 1, 600, 0, 1, 600, 800, 1, 0, 800, 4
          ])
        ],
        null
      ]
    ]
    expect(walk([[OPS.eoClip, null], twice, rect(10, 10, 50, 50)]).fills).toEqual([])
    expect(walk([[OPS.clip, null], twice, rect(10, 10, 50, 50)]).fills).toHaveLength(1)
  })

  it('places form XObjects by their matrix and clips them to their bbox', () => {
    const { fills } = walk([
      [
        OPS.paintFormXObjectBegin,
        [
          [1, 0, 0, 1, 200, 300],
          [0, 0, 40, 10]
        ]
      ],
      rect(0, 0, 60, 10),
      [OPS.paintFormXObjectEnd, []],
      rect(0, 0, 5, 5)
    ])
    expect(fills.map((f) => f.rect)).toEqual([
      [200, 490, 240, 500],
      [0, 795, 5, 800]
    ])
    expect(fills[0]!.group).toBeGreaterThan(0)
    expect(fills[1]!.group).toBe(0)
  })

  it('places glyphs from the text state and keeps drawing order across text and fills', () => {
    const { glyphs, fills } = walk([
      [OPS.beginText, null],
      [OPS.setFont, ['F1', 10]],
      [OPS.setTextMatrix, [[1, 0, 0, 1, 72, 700]]],
      [OPS.showText, [[glyph('A', 667), -1000, glyph('B', 667)]]],
      [OPS.setTextRenderingMode, [3]],
      [OPS.setLeadingMoveText, [0, -12]],
      [OPS.showText, [[glyph('C', 722)]]],
      [OPS.endText, null],
      rect(70, 695, 30, 12)
    ])
    expect(glyphs.map((g) => g.unicode)).toEqual(['A', 'B', 'C'])
    const [a, b, c] = glyphs
    // A at x 72 … 78.67; the TJ −1000 moves B 10 pt further right: 88.67 … 95.34.
    expect(a!.rect[0]).toBeCloseTo(72, 5)
    expect(a!.rect[2]).toBeCloseTo(78.67, 5)
    expect(b!.rect[0]).toBeCloseTo(88.67, 5)
    // Ascent 0.75 em, descent −0.25 em around the baseline y 700 → displayed 92.5 … 102.5.
    expect(a!.rect[1]).toBeCloseTo(92.5, 5)
    expect(a!.rect[3]).toBeCloseTo(102.5, 5)
    expect(a!.sizePt).toBe(10)
    expect([a!.invisible, c!.invisible]).toEqual([false, true])
    expect(c!.rect[1]).toBeCloseTo(104.5, 5) // next line, 12 pt lower
    expect(fills[0]!.seq).toBeGreaterThan(c!.seq)
  })

  it('treats a stretched one-pixel image mask as a box in the fill colour', () => {
    const { fills, images } = walk([
      [OPS.setFillRGBColor, ['#000000']],
      [OPS.save, null],
      [OPS.transform, [80, 0, 0, 12, 100, 600]],
      [OPS.paintSolidColorImageMask, []],
      [OPS.restore, null]
    ])
    expect(images).toEqual([])
    expect(fills.map((f) => [f.rect, f.colour])).toEqual([
      [
        [100, 188, 180, 200],
        [0, 0, 0]
      ]
    ])
  })

  it('knows frames from solid boxes and ignores stroke-only paths', () => {
    const frame: Op = [
      OPS.constructPath,
      [
        OPS.eoFill,
        [
          new Float32Array([
            0, 0, 0, 1, 100, 0, 1, 100, 50, 1, 0, 50, 4, 0, 5, 5, 1, 95, 5, 1, 95, 45, 1, 5, 45, 4
          ])
        ],
        null
      ]
    ]
    expect(walk([frame, rect(0, 0, 10, 10, OPS.stroke)]).fills).toEqual([])
  })
})
