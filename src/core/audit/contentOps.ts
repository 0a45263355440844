/** Small pieces of the audit's content reader: geometry under a matrix, fill colours, inline images. */
import type { Matrix, PdfRect } from '../types'
import { numberOf, type PdfSyntaxReader, type PdfValue } from './pdfSyntax'

export type Rgb = readonly [number, number, number]

export const bounds = (m: Matrix, x0: number, y0: number, x1: number, y1: number): PdfRect => {
  const pts = [
    [x0, y0],
    [x1, y0],
    [x0, y1],
    [x1, y1]
  ].map(([x, y]) => [m[0] * x! + m[2] * y! + m[4], m[1] * x! + m[3] * y! + m[5]] as const)
  const xs = pts.map((p) => p[0])
  const ys = pts.map((p) => p[1])
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

export const intersect = (a: PdfRect | null, b: PdfRect): PdfRect =>
  a ? [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])] : b

export function colourOf(operands: readonly PdfValue[], op: string): Rgb | null {
  const n = operands.map((v) => numberOf(v) ?? 0)
  if (op === 'g' && n.length === 1) return [n[0]!, n[0]!, n[0]!]
  if (op === 'rg' && n.length === 3) return [n[0]!, n[1]!, n[2]!]
  if (op === 'k' && n.length === 4) {
    const k = n[3]!
    return [(1 - n[0]!) * (1 - k), (1 - n[1]!) * (1 - k), (1 - n[2]!) * (1 - k)]
  }
  // sc/scn: guess the space from the operand count (1 grey, 3 RGB, 4 CMYK); names are patterns.
  if ((op === 'sc' || op === 'scn') && operands.every((v) => typeof v === 'number')) {
    if (n.length === 1) return colourOf(operands, 'g')
    if (n.length === 3) return colourOf(operands, 'rg')
    if (n.length === 4) return colourOf(operands, 'k')
  }
  return null
}

/** Steps over inline image data: from ID to the EI that follows whitespace. */
export function skipInlineImage(reader: PdfSyntaxReader): void {
  const b = reader.bytes
  while (reader.pos < reader.end) {
    const save = reader.pos
    if (reader.word() === 'ID') break
    if (reader.pos === save) reader.pos++
  }
  reader.pos++
  for (; reader.pos + 2 < reader.end; reader.pos++) {
    if (
      b[reader.pos] === 0x45 &&
      b[reader.pos + 1] === 0x49 &&
      b[reader.pos - 1]! <= 32 &&
      b[reader.pos + 2]! <= 32
    ) {
      reader.pos += 2
      return
    }
  }
  reader.pos = reader.end
}
