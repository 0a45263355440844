import { describe, expect, it } from 'vitest'
import {
  PdfSyntaxReader,
  isArray,
  isDict,
  isRef,
  latin1,
  latin1Range,
  textOf,
  type PdfDict
} from './pdfSyntax'

const read = (source: string): unknown =>
  new PdfSyntaxReader(new Uint8Array(Buffer.from(source, 'latin1'))).value()

describe('PDF object syntax', () => {
  it('reads dictionaries, arrays, references, names and both string forms', () => {
    const value = read(
      '<< /Type /Page /Kids [1 0 R 2 0 R] /N#20x 12.5 /S (a\\(b\\)\\101\\n) /H <48 656C6C6F> /B true /Z null >>'
    )
    expect(isDict(value)).toBe(true)
    const dict = value as PdfDict
    expect(dict.entries.get('Type')).toEqual({ type: 'name', name: 'Page' })
    const kids = dict.entries.get('Kids')
    expect(isArray(kids) && kids.every(isRef)).toBe(true)
    expect(dict.entries.get('N x')).toBe(12.5)
    expect(textOf(dict.entries.get('S'))).toBe('a(b)A\n')
    expect(textOf(dict.entries.get('H'))).toBe('Hello')
    expect(dict.entries.get('B')).toBe(true)
    expect(dict.entries.get('Z')).toBeNull()
  })

  it('decodes UTF-16BE text strings', () => {
    expect(textOf(read('<FEFF00480069>'))).toBe('Hi')
  })

  it('gives up on hostile nesting and unterminated values instead of throwing', () => {
    expect(read('['.repeat(1000) + ']'.repeat(1000))).toBeUndefined()
    expect(read('<< /A (never closed')).toBeUndefined()
    expect(read('')).toBeUndefined()
  })

  it('tells a number from a reference', () => {
    expect(read('12 0 R')).toEqual({ type: 'ref', num: 12, gen: 0 })
    expect(read('12 0 obj')).toBe(12)
  })

  it('reads bytes as Latin-1 one char per byte, short tokens and long runs alike', () => {
    // Every byte value, in runs either side of the short-token loop's limit and past one 8192 chunk.
    const bytes = Uint8Array.from({ length: 20000 }, (_, i) => (i * 7) % 256)
    const expected = (from: number, to: number): string =>
      Buffer.from(bytes.subarray(from, to)).toString('latin1')
    for (const [from, to] of [
      [0, 0],
      [5, 6],
      [100, 131],
      [100, 132],
      [100, 133],
      [3, 8195],
      [0, 20000]
    ] as const)
      expect(latin1Range(bytes, from, to)).toBe(expected(from, to))
    expect(latin1Range(bytes, 19990, 30000)).toBe(expected(19990, 20000))
    expect(latin1(bytes.subarray(250, 262))).toBe(expected(250, 262))
  })
})
