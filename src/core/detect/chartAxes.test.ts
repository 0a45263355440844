import { describe, expect, it } from 'vitest'
import type { FillBox, Glyph } from '../pdf/pageContent'
import { barSets, findChartAxes } from './chartAxes'
import type { TextRun } from './textRuns'

const run = (text: string, rect: [number, number, number, number]): TextRun => ({
  glyphs: [{ dir: 0 } as Glyph],
  rect,
  text,
  sizePt: 8,
  firstSeq: 0,
  lastSeq: 0,
  invisible: false
})
const fill = (rect: [number, number, number, number]): FillBox => ({
  seq: 1,
  rect,
  colour: [0, 0, 0],
  alpha: 1,
  stroked: false,
  inAnnotation: false,
  blended: false,
  group: 0
})

describe('findChartAxes', () => {
  it('finds a horizontal value axis and chains stacked segments from its zero', () => {
    const ticks = ['0', '40', '80', '120'].map((t, i) =>
      run(t, [100 + 40 * i - 3, 300, 100 + 40 * i + 3, 308])
    )
    const axes = findChartAxes(ticks, [fill([100, 200, 160, 215]), fill([160, 200, 190, 215])])
    expect(axes).toHaveLength(1)
    expect(axes[0]!.horizontal).toBe(true)
    expect(axes[0]!.zero).toBeCloseTo(100, 5)
    expect(axes[0]!.chained).toEqual([160, 190])
  })
  it('finds a vertical value axis from right-aligned tick labels', () => {
    const ticks = ['0', '50', '100'].map((t, i) => run(t, [60, 400 - 30 * i - 4, 80, 400 - 30 * i + 4]))
    const axes = findChartAxes(ticks, [])
    expect(axes).toHaveLength(1)
    expect(axes[0]!.horizontal).toBe(false)
    expect(axes[0]!.zero).toBeCloseTo(400, 5)
  })
  it('ignores numbers that are not evenly spaced or stepped', () => {
    const uneven = ['3', '17', '2020'].map((t, i) => run(t, [100 + 40 * i * i, 300, 110 + 40 * i * i, 308]))
    expect(findChartAxes(uneven, [])).toEqual([])
    const steps = ['1', '2', '4'].map((t, i) => run(t, [100 + 40 * i, 300, 106 + 40 * i, 308]))
    expect(findChartAxes(steps, [])).toEqual([])
  })
})

describe('barSets', () => {
  const key = '0,0,0'
  it('finds horizontal bars: one start edge, one thickness, even pitch, different lengths', () => {
    const bars = [60, 140, 95, 30].map((w, i) => ({
      rect: [100, 100 + 20 * i, 100 + w, 113 + 20 * i] as const,
      colourKey: key
    }))
    expect([...barSets(bars)].sort()).toEqual([0, 1, 2, 3])
  })
  it('leaves boxes of one length, or at an uneven pitch, alone', () => {
    const cells = [0, 1, 2].map((i) => ({
      rect: [100, 100 + 20 * i, 180, 113 + 20 * i] as const,
      colourKey: key
    }))
    expect(barSets(cells).size).toBe(0)
    const uneven = [0, 1, 5].map((i, k) => ({
      rect: [100, 100 + 20 * i, 150 + 30 * k, 113 + 20 * i] as const,
      colourKey: key
    }))
    expect(barSets(uneven).size).toBe(0)
  })
  it('leaves paragraphs withheld line by line alone, however many on a page', () => {
    const paragraph = (
      top: number
    ): { rect: readonly [number, number, number, number]; colourKey: string }[] =>
      [501, 491, 501, 480, 183].map((w, i) => ({
        rect: [44, top + 16 * i, 44 + w, top + 16 * i + 14] as const,
        colourKey: key
      }))
    expect(barSets([...paragraph(262), ...paragraph(552)]).size).toBe(0)
  })
  it('finds the bars when a legend swatch of their colour sits on the same edge below them', () => {
    const bars = [60, 140, 95, 30].map((w, i) => ({
      rect: [100, 100 + 20 * i, 100 + w, 113 + 20 * i] as const,
      colourKey: key
    }))
    const swatch = { rect: [100, 200, 107, 207] as const, colourKey: key }
    expect([...barSets([...bars, swatch])].sort()).toEqual([0, 1, 2, 3])
  })
})
