/**
 * A small, bounded reader of PDF object syntax (ISO 32000-2 §7.3): numbers, names, strings, arrays,
 * dictionaries and indirect references, from raw bytes. The leak audit needs what pdf.js never exposes
 * (every revision, every object, the raw dictionaries), so it reads the file itself. Hostile input is
 * the norm: nesting stops at MAX_DEPTH, strings at MAX_STRING_BYTES, and a malformed token yields
 * null rather than a throw.
 */

export interface PdfName {
  readonly type: 'name'
  readonly name: string
}
export interface PdfString {
  readonly type: 'string'
  /** The raw bytes (after escapes or hex decoding). */
  readonly bytes: Uint8Array
}
export interface PdfRef {
  readonly type: 'ref'
  readonly num: number
  readonly gen: number
}
export interface PdfDict {
  readonly type: 'dict'
  readonly entries: ReadonlyMap<string, PdfValue>
}
export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfDict | readonly PdfValue[]

/** Deeper nesting than this is hostile: real files nest a few levels. */
const MAX_DEPTH = 40
const MAX_STRING_BYTES = 4 * 1024 * 1024
/** Entries of one array or dictionary (a /Kids or /Nums array of a large document fits). */
const MAX_ITEMS = 200_000

const WHITESPACE = new Set([0, 9, 10, 12, 13, 32])
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])

export const isWhite = (b: number): boolean => WHITESPACE.has(b)
export const isDelimiter = (b: number): boolean => DELIMITERS.has(b)

export class PdfSyntaxReader {
  pos: number
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length
  ) {
    this.pos = start
  }

  skipSpace(): void {
    const b = this.bytes
    while (this.pos < this.end) {
      const c = b[this.pos]!
      if (WHITESPACE.has(c)) this.pos++
      else if (c === 0x25) {
        while (this.pos < this.end && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++
      } else break
    }
  }

  /** A bare keyword or number token (no delimiters), or '' at a delimiter or the end. */
  word(): string {
    this.skipSpace()
    const start = this.pos
    while (this.pos < this.end) {
      const c = this.bytes[this.pos]!
      if (WHITESPACE.has(c) || DELIMITERS.has(c)) break
      this.pos++
    }
    return latin1Range(this.bytes, start, this.pos)
  }

  peek(): number {
    this.skipSpace()
    return this.pos < this.end ? this.bytes[this.pos]! : -1
  }

  /** One object, or undefined where the bytes are not a PDF object (keywords return as names' kin). */
  value(depth = 0): PdfValue | undefined {
    if (depth > MAX_DEPTH) return undefined
    const c = this.peek()
    if (c < 0) return undefined
    const b = this.bytes
    if (c === 0x2f) return this.name()
    if (c === 0x28) return this.literal()
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) return this.dict(depth)
      return this.hex()
    }
    if (c === 0x5b) {
      this.pos++
      const items: PdfValue[] = []
      while (items.length < MAX_ITEMS) {
        const next = this.peek()
        if (next < 0) return undefined
        if (next === 0x5d) {
          this.pos++
          return items
        }
        const item = this.value(depth + 1)
        if (item === undefined) return undefined
        items.push(item)
      }
      return undefined
    }
    const save = this.pos
    const word = this.word()
    if (word === '') {
      this.pos = save + 1 // stray delimiter: step over it
      return undefined
    }
    if (word === 'true') return true
    if (word === 'false') return false
    if (word === 'null') return null
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      this.pos = save
      return undefined
    }
    const num = Number(word)
    // "12 0 R": an integer followed by an integer and R is a reference.
    if (/^\d+$/.test(word)) {
      const after = this.pos
      const gen = this.word()
      if (/^\d+$/.test(gen) && this.word() === 'R') return { type: 'ref', num, gen: Number(gen) }
      this.pos = after
    }
    return num
  }

  private name(): PdfName {
    this.pos++
    const start = this.pos
    while (this.pos < this.end) {
      const c = this.bytes[this.pos]!
      if (WHITESPACE.has(c) || DELIMITERS.has(c)) break
      this.pos++
    }
    const raw = latin1Range(this.bytes, start, this.pos)
    return {
      type: 'name',
      name: raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    }
  }

  private literal(): PdfString | undefined {
    const b = this.bytes
    this.pos++
    const out: number[] = []
    let depth = 1
    while (this.pos < this.end && out.length < MAX_STRING_BYTES) {
      const c = b[this.pos++]!
      if (c === 0x5c) {
        const n = b[this.pos++] ?? 0
        const escapes: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 }
        if (n >= 0x30 && n <= 0x37) {
          let v = n - 0x30
          for (let k = 0; k < 2 && (b[this.pos] ?? 0) >= 0x30 && (b[this.pos] ?? 0) <= 0x37; k++)
            v = v * 8 + (b[this.pos++]! - 0x30)
          out.push(v & 0xff)
        } else if (n === 13) {
          if (b[this.pos] === 10) this.pos++
        } else if (n !== 10) out.push(escapes[n] ?? n)
      } else if (c === 0x28) {
        depth++
        out.push(c)
      } else if (c === 0x29) {
        if (--depth === 0) return { type: 'string', bytes: Uint8Array.from(out) }
        out.push(c)
      } else out.push(c)
    }
    return undefined
  }

  private hex(): PdfString | undefined {
    const b = this.bytes
    this.pos++
    const out: number[] = []
    let high = -1
    while (this.pos < this.end && out.length < MAX_STRING_BYTES) {
      const c = b[this.pos++]!
      if (c === 0x3e) {
        if (high >= 0) out.push(high << 4)
        return { type: 'string', bytes: Uint8Array.from(out) }
      }
      const v = hexDigit(c)
      if (v < 0) continue
      if (high < 0) high = v
      else {
        out.push((high << 4) | v)
        high = -1
      }
    }
    return undefined
  }

  private dict(depth: number): PdfDict | undefined {
    this.pos += 2
    const entries = new Map<string, PdfValue>()
    while (entries.size < MAX_ITEMS) {
      const c = this.peek()
      if (c < 0) return undefined
      if (c === 0x3e && this.bytes[this.pos + 1] === 0x3e) {
        this.pos += 2
        return { type: 'dict', entries }
      }
      if (c !== 0x2f) {
        // Junk between entries: skip one token and go on (damaged files).
        if (this.value(depth + 1) === undefined) this.pos++
        continue
      }
      const key = this.name().name
      const value = this.value(depth + 1)
      if (value === undefined) continue
      entries.set(key, value)
    }
    return undefined
  }
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  if (c >= 0x41 && c <= 0x46) return c - 0x37
  if (c >= 0x61 && c <= 0x66) return c - 0x57
  return -1
}

export function latin1(bytes: Uint8Array): string {
  return latin1Range(bytes, 0, bytes.length)
}

/** Below this many bytes a plain loop beats spreading a subarray into String.fromCharCode. */
const SHORT_LATIN1_BYTES = 32

/**
 * Bytes [start, end) as a string, one char per byte. The content-stream reader calls this for every
 * operator and name token (10% of a worker's CPU when each call built a subarray and spread it), so
 * short tokens take a loop over the original array and only long runs pay for the spread, in chunks
 * the engine's argument limit allows. The output is the same either way.
 */
export function latin1Range(bytes: Uint8Array, start: number, endIn: number): string {
  const end = Math.min(endIn, bytes.length)
  let out = ''
  if (end - start <= SHORT_LATIN1_BYTES) {
    for (let i = start; i < end; i++) out += String.fromCharCode(bytes[i]!)
    return out
  }
  for (let i = start; i < end; i += 8192)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 8192)))
  return out
}

/** A PDF text string: UTF-16BE (with BOM), UTF-8 (with BOM, PDF 2.0) or PDFDocEncoding (≈ Latin-1). */
export function textOf(value: unknown): string | null {
  if (!isString(value)) return null
  const b = value.bytes
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2))
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3))
  return latin1(b)
}

export const isDict = (v: unknown): v is PdfDict =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (v as PdfDict).type === 'dict'
export const isRef = (v: unknown): v is PdfRef =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (v as PdfRef).type === 'ref'
export const isName = (v: unknown, name?: string): v is PdfName =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  (v as PdfName).type === 'name' &&
  (name === undefined || (v as PdfName).name === name)
export const isString = (v: unknown): v is PdfString =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (v as PdfString).type === 'string'
export const isArray = (v: unknown): v is readonly PdfValue[] => Array.isArray(v)
export const numberOf = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null
