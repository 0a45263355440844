import { describe, expect, it } from 'vitest'
import type { GreyBitmap } from '../raster/detectRasterBoxes'
import type { OcrEngine, OcrWord, PxRect } from './ocrEngine'
import { readStackedStrips } from './stackedStrips'

/**
 * Reads the sheet it is given: every run of rows holding dark pixels (< 128) is one word, named
 * after the darkest value in it, so the test can tell which strip each word came from.
 */
class InkEngine implements OcrEngine {
  calls = 0
  recognise(bitmap: GreyBitmap, rectPx: PxRect): Promise<OcrWord[]> {
    this.calls++
    const words: OcrWord[] = []
    let top = -1
    let x0 = Infinity
    let x1 = -1
    let darkest = 255
    for (let y = rectPx[1]; y <= rectPx[3]; y++) {
      let inked = false
      if (y < rectPx[3])
        for (let x = rectPx[0]; x < rectPx[2]; x++) {
          const v = bitmap.data[y * bitmap.width + x]!
          if (v < 128) {
            inked = true
            x0 = Math.min(x0, x)
            x1 = Math.max(x1, x + 1)
            darkest = Math.min(darkest, v)
          }
        }
      if (inked && top < 0) top = y
      if (!inked && top >= 0) {
        words.push({ text: `v${darkest}`, rectPx: [x0, top, x1, y], confidence: 90 })
        top = -1
        x0 = Infinity
        x1 = -1
        darkest = 255
      }
    }
    return Promise.resolve(words)
  }
}

describe('readStackedStrips', () => {
  it('reads every strip in one call and maps each word back onto the page', async () => {
    const width = 400
    const height = 300
    const data = new Uint8Array(width * height).fill(240)
    const paint = (x0: number, y0: number, x1: number, y1: number, v: number): void => {
      for (let y = y0; y < y1; y++) data.fill(v, y * width + x0, y * width + x1)
    }
    // Two dark boxes with light labels (read inverted), and one white box with dark print.
    paint(20, 20, 220, 44, 40)
    paint(60, 28, 100, 36, 250)
    paint(150, 200, 380, 230, 30)
    paint(300, 208, 340, 220, 220)
    paint(40, 120, 90, 130, 10)
    const engine = new InkEngine()
    const words = await readStackedStrips(engine, { data, width, height }, [
      { rectPx: [22, 22, 218, 42], invert: true },
      { rectPx: [152, 202, 378, 228], invert: true },
      { rectPx: [30, 110, 120, 140], invert: false }
    ])
    expect(engine.calls).toBe(1)
    expect(words.map((list) => list.map((w) => w.text))).toEqual([['v0'], ['v11'], ['v10']])
    expect(words[0]![0]!.rectPx).toEqual([60, 28, 100, 36])
    expect(words[1]![0]!.rectPx).toEqual([300, 208, 340, 220])
    expect(words[2]![0]!.rectPx).toEqual([40, 120, 90, 130])
  })
})
