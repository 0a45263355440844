import { deflateSync } from 'node:zlib'
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeStream, type Inflate } from './streamFilters'
import type { PdfValue } from './pdfSyntax'

const inflate: Inflate = (data, max) => {
  const out = new Uint8Array(inflateSync(data))
  return out.length > max ? 'too-large' : out
}
const name = (n: string): PdfValue => ({ type: 'name', name: n })
const decode = (raw: Uint8Array | string, filter: PdfValue, parms?: PdfValue): string => {
  const bytes = typeof raw === 'string' ? new Uint8Array(Buffer.from(raw, 'latin1')) : raw
  const result = decodeStream(bytes, filter, parms, inflate, 1 << 20)
  if ('problem' in result) return `problem: ${result.problem}`
  return Buffer.from(result.bytes).toString('latin1')
}

describe('stream filters', () => {
  it('decodes ASCIIHex, ASCII85, RunLength and LZW (the PDF reference example)', () => {
    expect(decode('48 65 6c6C 6f>', name('ASCIIHexDecode'))).toBe('Hello')
    expect(decode('87cURD]i,"Ebo80~>', name('ASCII85Decode'))).toBe('Hello World!')
    expect(
      decode(Buffer.from([2, 65, 66, 67, 254, 68, 128]).toString('latin1'), name('RunLengthDecode'))
    ).toBe('ABCDDD')
    expect(
      decode(
        Buffer.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]).toString('latin1'),
        name('LZWDecode')
      )
    ).toBe('-----A---B')
  })

  it('chains filters and undoes the PNG Up predictor', () => {
    // Two rows of three bytes, each row prefixed with filter type 2 (Up).
    const rows = Buffer.from([2, 1, 2, 3, 2, 1, 1, 1])
    const hex = Buffer.from(deflateSync(rows)).toString('hex') + '>'
    const parms: PdfValue = [
      null,
      {
        type: 'dict',
        entries: new Map<string, PdfValue>([
          ['Predictor', 12],
          ['Columns', 3]
        ])
      }
    ]
    const out = decode(hex, [name('ASCIIHexDecode'), name('FlateDecode')], parms)
    expect([...Buffer.from(out, 'latin1')]).toEqual([1, 2, 3, 2, 3, 4])
  })

  it('names what it cannot decode instead of guessing', () => {
    expect(decode('x', name('BrotliDecode'))).toBe('problem: unsupported filter BrotliDecode')
    expect(decode('x', name('DCTDecode'))).toMatch(/image data/)
    expect(decode(new Uint8Array(deflateSync(Buffer.alloc(2 << 20))), name('FlateDecode'))).toMatch(
      /size limit/
    )
  })
})
