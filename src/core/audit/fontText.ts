/**
 * Turns shown string bytes into text for the audit: through the font's /ToUnicode CMap where there
 * is one (bfchar and bfrange), else one byte a character as Latin-1 (close to WinAnsi for the words
 * that matter), or two bytes a code for composite (Type0) fonts, which without a CMap give U+FFFD.
 */
import { PdfSyntaxReader, isArray, isString, latin1, type PdfValue } from './pdfSyntax'

export interface FontDecoder {
  decode(bytes: Uint8Array): string
}

export interface ToUnicode {
  readonly codeBytes: 1 | 2
  readonly map: ReadonlyMap<number, string>
}

/** A CMap can map 65,536 codes at most per byte width; more is hostile. */
const MAX_MAPPINGS = 70_000

const utf16 = (bytes: Uint8Array): string => {
  let out = ''
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!)
  return out
}

const codeOf = (bytes: Uint8Array): number => bytes.reduce((v, b) => v * 256 + b, 0)

export function parseToUnicode(data: Uint8Array): ToUnicode {
  const map = new Map<number, string>()
  let codeBytes: 1 | 2 = 2
  const reader = new PdfSyntaxReader(data)
  const operands: PdfValue[] = []
  let mode: 'char' | 'range' | 'space' | null = null
  while (reader.peek() >= 0 && map.size < MAX_MAPPINGS) {
    const start = reader.pos
    const value = reader.value()
    if (value !== undefined) {
      operands.push(value)
      if (mode === 'char' && operands.length === 2) {
        const [src, dst] = operands as [PdfValue, PdfValue]
        if (isString(src) && isString(dst)) map.set(codeOf(src.bytes), utf16(dst.bytes))
        operands.length = 0
      } else if (mode === 'range' && operands.length === 3) {
        const [lo, hi, dst] = operands as [PdfValue, PdfValue, PdfValue]
        if (isString(lo) && isString(hi)) {
          const [a, b] = [codeOf(lo.bytes), codeOf(hi.bytes)]
          for (let code = a; code <= b && code - a < 65536 && map.size < MAX_MAPPINGS; code++) {
            if (isString(dst)) {
              const base = utf16(dst.bytes)
              const last = base.charCodeAt(base.length - 1) + (code - a)
              map.set(code, base.slice(0, -1) + String.fromCharCode(last & 0xffff))
            } else if (isArray(dst) && isString(dst[code - a]))
              map.set(code, utf16((dst[code - a] as { bytes: Uint8Array }).bytes))
          }
        }
        operands.length = 0
      } else if (mode === 'space' && operands.length === 2) {
        const lo = operands[0]
        if (isString(lo)) codeBytes = lo.bytes.length === 1 ? 1 : 2
        operands.length = 0
      }
      continue
    }
    reader.pos = start
    const word = reader.word()
    if (word === '') reader.pos = start + 1
    if (word === 'beginbfchar') mode = 'char'
    else if (word === 'beginbfrange') mode = 'range'
    else if (word === 'begincodespacerange') mode = 'space'
    else if (word.startsWith('end')) mode = null
    operands.length = 0
  }
  return { codeBytes, map }
}

/** `toUnicode` null: no CMap. `composite`: a Type0 font (two-byte codes by default). */
export function decodeWithFont(toUnicode: ToUnicode | null, composite = false): FontDecoder {
  return {
    decode(bytes) {
      if (!toUnicode) {
        if (!composite) return latin1(bytes)
        return '\ufffd'.repeat(Math.floor(bytes.length / 2))
      }
      const width = composite ? toUnicode.codeBytes : 1
      let out = ''
      for (let i = 0; i + width <= bytes.length; i += width) {
        const code = width === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!
        out += toUnicode.map.get(code) ?? (composite ? '\ufffd' : String.fromCharCode(code))
      }
      return out
    }
  }
}
