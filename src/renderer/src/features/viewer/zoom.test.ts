import { describe, expect, it } from 'vitest'
import {
  clampScale,
  CSS_PX_PER_PT,
  FIT_MARGIN_PX,
  fitPageScale,
  fitWidthScale,
  percentToScale,
  resolveZoom,
  scaleToPercent,
  wheelZoom,
  zoomInStep,
  zoomOutStep
} from './zoom'

const a4 = { width: 595.28, height: 841.89 }

describe('zoom steps', () => {
  it('walks the steps up and down from 100 %', () => {
    const s100 = percentToScale(100)
    expect(s100).toBeCloseTo(CSS_PX_PER_PT)
    expect(scaleToPercent(zoomInStep(s100))).toBeCloseTo(110)
    expect(scaleToPercent(zoomOutStep(s100))).toBeCloseTo(90)
  })

  it('goes to the next step from between steps, and stops at 25 % and 400 %', () => {
    expect(scaleToPercent(zoomInStep(percentToScale(113)))).toBeCloseTo(125)
    expect(scaleToPercent(zoomOutStep(percentToScale(113)))).toBeCloseTo(110)
    expect(scaleToPercent(zoomInStep(percentToScale(400)))).toBeCloseTo(400)
    expect(scaleToPercent(zoomOutStep(percentToScale(25)))).toBeCloseTo(25)
  })

  it('clamps anything else into 25–400 %', () => {
    expect(scaleToPercent(clampScale(100))).toBeCloseTo(400)
    expect(scaleToPercent(clampScale(0.01))).toBeCloseTo(25)
    expect(scaleToPercent(clampScale(Number.NaN))).toBeCloseTo(100)
  })
})

describe('fit modes', () => {
  it('fit width fills the container less its margins', () => {
    const scale = fitWidthScale(a4, 1000)
    expect(a4.width * scale).toBeCloseTo(1000 - FIT_MARGIN_PX)
  })

  it('fit page is limited by the height for a portrait page in a wide window', () => {
    const scale = fitPageScale(a4, 1600, 900)
    expect(a4.height * scale).toBeLessThanOrEqual(900)
    expect(scale).toBeLessThan(fitWidthScale(a4, 1600))
  })

  it('resolves stored settings', () => {
    expect(resolveZoom(1.5, a4, 800, 600)).toBe(1.5)
    expect(resolveZoom('fit-width', a4, 800, 600)).toBe(fitWidthScale(a4, 800))
    expect(resolveZoom('fit-page', a4, 800, 600)).toBe(fitPageScale(a4, 800, 600))
  })
})

describe('wheelZoom', () => {
  it('zooms in on wheel up and out on wheel down, within bounds', () => {
    const s = percentToScale(100)
    expect(wheelZoom(s, -100)).toBeGreaterThan(s)
    expect(wheelZoom(s, 100)).toBeLessThan(s)
    expect(scaleToPercent(wheelZoom(s, -100_000))).toBeCloseTo(400)
  })
})
