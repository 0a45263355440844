/**
 * Reads many small strips (the insides of a page's boxes) in one OCR call. Each call costs the engine
 * its page set-up and layout analysis, which dwarf the reading of a one-line label: a page withheld
 * address by address holds fifty boxes, and fifty calls cost seconds. So the strips are copied one
 * under the other onto one sheet (light print on dark made dark on white, as lightPrint.ts does for
 * one strip), with paper between
 * them taller than a line, read once, and each word is mapped back to the strip it lies in.
 */
import type { GreyBitmap } from '../raster/detectRasterBoxes'
import { lightPrintAsDark } from './lightPrint'
import type { OcrEngine, OcrWord, PxRect } from './ocrEngine'

export interface StackedStrip {
  /** The strip in pixels of the page bitmap. */
  readonly rectPx: PxRect
  /** Light print on a dark box: copied inverted. */
  readonly invert: boolean
}

/** Paper above, below and between strips, in pixels: more than a line, so no two strips read as one. */
const GAP_PX = 24
/** Paper left and right of each strip. */
const SIDE_PX = 12
const PAPER = 255

/** The words of each strip (in the page bitmap's pixels), in the order the strips were given. */
export async function readStackedStrips(
  engine: OcrEngine,
  page: GreyBitmap,
  strips: readonly StackedStrip[]
): Promise<OcrWord[][]> {
  const clipped = strips.map(({ rectPx, invert }) => {
    const x0 = Math.max(0, Math.floor(rectPx[0]))
    const y0 = Math.max(0, Math.floor(rectPx[1]))
    const x1 = Math.min(page.width, Math.ceil(rectPx[2]))
    const y1 = Math.min(page.height, Math.ceil(rectPx[3]))
    return { x0, y0, x1: Math.max(x0, x1), y1: Math.max(y0, y1), invert }
  })
  const width = Math.max(1, ...clipped.map((s) => s.x1 - s.x0)) + 2 * SIDE_PX
  const tops: number[] = []
  let height = GAP_PX
  for (const s of clipped) {
    tops.push(height)
    height += s.y1 - s.y0 + GAP_PX
  }
  const data = new Uint8Array(width * height).fill(PAPER)
  clipped.forEach((s, i) => {
    // Light print on a dark box as the single-strip path reads it: dark on white, off-box paper blanked.
    const source = s.invert ? lightPrintAsDark(page, [s.x0, s.y0, s.x1, s.y1]) : null
    for (let y = s.y0; y < s.y1; y++) {
      const to = (tops[i]! + y - s.y0) * width + SIDE_PX
      for (let x = s.x0; x < s.x1; x++)
        data[to + x - s.x0] = source
          ? (source.data[(y - s.y0) * source.width + x - s.x0] as number)
          : (page.data[y * page.width + x] as number)
    }
  })
  const words = await engine.recognise({ data, width, height }, [0, 0, width, height])
  const out: OcrWord[][] = clipped.map(() => [])
  for (const word of words) {
    const cy = (word.rectPx[1] + word.rectPx[3]) / 2
    const i = clipped.findIndex((s, k) => cy >= tops[k]! && cy < tops[k]! + s.y1 - s.y0)
    if (i < 0) continue
    const s = clipped[i]!
    const dx = s.x0 - SIDE_PX
    const dy = s.y0 - tops[i]!
    out[i]!.push({
      ...word,
      rectPx: [word.rectPx[0] + dx, word.rectPx[1] + dy, word.rectPx[2] + dx, word.rectPx[3] + dy]
    })
  }
  return out
}
