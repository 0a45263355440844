/**
 * The OCR seam: core asks for the words in one rectangle of a grey page bitmap, the runtime answers
 * (tesseract.js in the Node analysis worker: src/node/tesseractOcr.ts; a fake in tests). Core stays
 * pure and never learns which engine read the pixels.
 */
import type { GreyBitmap } from '../raster/detectRasterBoxes'

/** [x0, y0, x1, y1] in pixels of one bitmap, origin top-left, y down. */
export type PxRect = readonly [x0: number, y0: number, x1: number, y1: number]

export interface OcrWord {
  readonly text: string
  /** The word's box in the pixels of the bitmap that was passed in (not of the strip). */
  readonly rectPx: PxRect
  /** 0..100, as tesseract reports it. */
  readonly confidence: number
}

export interface RecogniseOptions {
  /** Light print on dark ground (a label inside a black box): the engine reads the tones inverted. */
  readonly invert?: boolean
  /** Regions (bitmap pixels) to read as blank paper: the redaction boxes in a strip. */
  readonly maskPx?: readonly PxRect[]
}

export interface OcrEngine {
  /** The words found inside `rectPx` of `bitmap` (whole pixels, clipped to the bitmap by the engine). */
  recognise(bitmap: GreyBitmap, rectPx: PxRect, options?: RecogniseOptions): Promise<OcrWord[]>
  /**
   * The words of many one-line strips at once, per strip, in `bitmap`'s pixels. Optional: without it
   * core stacks the strips onto one sheet and calls `recognise` once (stackedStrips.ts).
   */
  recogniseStrips?(
    bitmap: GreyBitmap,
    strips: ReadonlyArray<{ readonly rectPx: PxRect; readonly invert: boolean }>
  ): Promise<OcrWord[][]>
}

/** A page rendered for OCR: grey pixels and their resolution in pixels per point. */
export interface OcrRaster {
  readonly bitmap: GreyBitmap
  readonly pxPerPt: number
}
