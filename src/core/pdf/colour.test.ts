import { describe, expect, it } from 'vitest'
import { classifyColour, colourDistance, contrastRatio, indistinguishable, parseColour } from './colour'

describe('colour', () => {
  it('parses pdf.js hex and array colours', () => {
    expect(parseColour('#ff8000')).toEqual([255, 128, 0])
    expect(parseColour([0, 0, 0])).toEqual([0, 0, 0])
    expect(parseColour(new Uint8ClampedArray([10, 20, 30]))).toEqual([10, 20, 30])
    expect(parseColour([1, 1, 1])).toEqual([255, 255, 255])
    expect(parseColour('transparent')).toBeNull()
    expect(parseColour(['TilingPattern'])).toBeNull()
  })
  it('classifies the colours redaction tools use', () => {
    expect(classifyColour([0, 0, 0])).toBe('black')
    expect(classifyColour([35, 31, 32])).toBe('black') // CMYK rich black through pdf.js
    expect(classifyColour([255, 255, 255])).toBe('white')
    expect(classifyColour([240, 240, 240])).toBe('white')
    expect(classifyColour([128, 128, 128])).toBe('grey')
    expect(classifyColour([191, 191, 191])).toBe('grey')
    expect(classifyColour([255, 209, 0])).toBe('colour')
    expect(classifyColour([200, 0, 0])).toBe('colour')
  })
  it('knows text that vanishes into its background', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 0)
    expect(indistinguishable([0, 0, 0], [44, 46, 53])).toBe(true)
    expect(indistinguishable([255, 255, 255], [250, 250, 250])).toBe(true)
    expect(indistinguishable([76, 76, 76], [0, 0, 0])).toBe(false)
    expect(indistinguishable([255, 255, 255], [0, 0, 0])).toBe(false)
  })
  it('measures colour distance per channel', () => {
    expect(colourDistance([0, 0, 0], [20, 10, 0])).toBe(20)
  })
})
