/** What the audit's content reader reports (contentText.ts), and what it needs from the document. */
import type { PdfRect, Matrix } from '../types'
import type { FontDecoder } from './fontText'
import type { PdfDict, PdfValue } from './pdfSyntax'

export interface ShownText {
  readonly text: string
  /** Glyph origin of the first character, default user space of the page (points, bottom-left). */
  readonly origin: readonly [number, number]
  /** Font size on the page in points (text matrix and CTM applied). */
  readonly sizePt: number
  readonly renderMode: number
  /** Fill colour as RGB 0..1, or null for patterns and unknown colour spaces. */
  readonly fill: readonly [number, number, number] | null
  /** Fill alpha 0..1 (ExtGState /ca). */
  readonly alpha: number
  /** Inside optional content that is off. */
  readonly hiddenLayer: boolean
  /** Current clip bounds (user space) or null when nothing clips. */
  readonly clip: PdfRect | null
}

export interface PaintedImage {
  /** Bounds of the image's unit square in default user space. */
  readonly rect: PdfRect
  /** The CTM at the paint: maps the image's unit square into default user space. */
  readonly matrix: Matrix
  readonly clip: PdfRect | null
  readonly hiddenLayer: boolean
  /** The image XObject's object number, or -1 for an inline image. */
  readonly objectNumber: number
}

export interface FilledRect {
  readonly rect: PdfRect
  readonly fill: readonly [number, number, number] | null
}

export interface MarkedText {
  /** /ActualText, /Alt or /E given in the content stream's own property lists. */
  readonly text: string
  readonly key: 'ActualText' | 'Alt' | 'E'
  readonly hiddenLayer: boolean
}

export interface ContentReport {
  readonly texts: ShownText[]
  readonly images: PaintedImage[]
  readonly fills: FilledRect[]
  readonly marked: MarkedText[]
  /** Marked-content ids that painted something, with where they first painted (user space). */
  readonly mcids: Map<number, readonly [number, number]>
}

export interface ContentEnv {
  /** Resolves a value (references followed). */
  readonly resolve: (
    value: PdfValue | undefined
  ) => PdfValue | { type: 'stream'; dict: PdfDict; raw: Uint8Array } | undefined
  /** Decoded bytes of a stream object, or null. */
  readonly streamBytes: (value: PdfValue | undefined) => { dict: PdfDict; bytes: Uint8Array } | null
  /** True when this optional content group or membership dictionary is off. */
  readonly isHiddenOc: (value: PdfValue | undefined) => boolean
  readonly font: (fontDict: PdfValue | undefined) => FontDecoder
}
