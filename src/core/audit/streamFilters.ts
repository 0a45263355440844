/**
 * Stream filters for the raw reader: Flate (through an `Inflate` the runtime supplies, since core
 * cannot import node:zlib), ASCIIHex, ASCII85, RunLength and LZW, with PNG and TIFF predictors. Image
 * codecs (DCT, JPX, CCITT, JBIG2) are not decoded here: image checks hash their encoded bytes instead.
 * Every decoder stops at `maxBytes` so a decompression bomb costs at most that much.
 */
import { isArray, isDict, isName, numberOf, type PdfDict, type PdfValue } from './pdfSyntax'

/**
 * Inflates zlib data up to `maxBytes`: a truncated stream yields what was decoded, 'too-large' when the
 * output would pass `maxBytes`, null when the data is unreadable.
 */
export type Inflate = (data: Uint8Array, maxBytes: number) => Uint8Array | 'too-large' | null

export type Decoded = { readonly bytes: Uint8Array } | { readonly problem: string }

const IMAGE_CODECS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'CCITTFaxDecode', 'CCF', 'JBIG2Decode'])

export function decodeStream(
  raw: Uint8Array,
  filter: PdfValue | undefined,
  parms: PdfValue | undefined,
  inflate: Inflate,
  maxBytes: number
): Decoded {
  const filters = isArray(filter) ? filter : filter === undefined || filter === null ? [] : [filter]
  const parmList = isArray(parms) ? parms : [parms ?? null]
  let data = raw
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i]
    if (!isName(f)) return { problem: 'a stream names its filter wrongly' }
    const p = parmList[i]
    const name = f.name
    let out: Uint8Array | null
    if (name === 'FlateDecode' || name === 'Fl') {
      const inflated = inflate(data, maxBytes)
      if (inflated === 'too-large') return { problem: 'a stream decompresses beyond the size limit' }
      out = inflated
    } else if (name === 'ASCIIHexDecode' || name === 'AHx') out = asciiHex(data)
    else if (name === 'ASCII85Decode' || name === 'A85') out = ascii85(data)
    else if (name === 'RunLengthDecode' || name === 'RL') out = runLength(data, maxBytes)
    else if (name === 'LZWDecode' || name === 'LZW') out = lzw(data, maxBytes, isDict(p) ? p : null)
    else if (IMAGE_CODECS.has(name)) return { problem: `image data (${name}) is not decoded by the audit` }
    else return { problem: `unsupported filter ${name}` }
    if (!out) return { problem: `damaged ${name} data` }
    if ((name === 'FlateDecode' || name === 'Fl' || name === 'LZWDecode' || name === 'LZW') && isDict(p)) {
      out = unpredict(out, p)
      if (!out) return { problem: `unsupported predictor on ${name} data` }
    }
    if (out.length > maxBytes) return { problem: 'a stream decompresses beyond the size limit' }
    data = out
  }
  return { bytes: data }
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out: number[] = []
  let high = -1
  for (const c of data) {
    if (c === 0x3e) break
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1
    if (v < 0) continue
    if (high < 0) high = v
    else {
      out.push((high << 4) | v)
      high = -1
    }
  }
  if (high >= 0) out.push(high << 4)
  return Uint8Array.from(out)
}

function ascii85(data: Uint8Array): Uint8Array | null {
  const out: number[] = []
  const group: number[] = []
  const flush = (count: number): void => {
    while (group.length < 5) group.push(84)
    let v = 0
    for (const d of group) v = v * 85 + d
    if (v > 0xffffffff) return
    const bytes = [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]
    out.push(...bytes.slice(0, count))
    group.length = 0
  }
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!
    if (c === 0x7e) break // ~>
    if (c <= 32) continue
    if (c === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0)
      continue
    }
    if (c < 33 || c > 117) return null
    group.push(c - 33)
    if (group.length === 5) flush(4)
  }
  if (group.length > 1) flush(group.length - 1)
  return Uint8Array.from(out)
}

function runLength(data: Uint8Array, maxBytes: number): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < data.length && out.length < maxBytes;) {
    const n = data[i++]!
    if (n === 128) break
    if (n < 128) {
      for (let k = 0; k <= n && i < data.length; k++) out.push(data[i++]!)
    } else {
      const b = data[i++] ?? 0
      for (let k = 0; k < 257 - n; k++) out.push(b)
    }
  }
  return Uint8Array.from(out)
}

function lzw(data: Uint8Array, maxBytes: number, parms: PdfDict | null): Uint8Array {
  const early = parms ? (numberOf(parms.entries.get('EarlyChange')) ?? 1) : 1
  const out: number[] = []
  let table: number[][] = []
  const reset = (): void => {
    table = []
    for (let i = 0; i < 256; i++) table.push([i])
    table.push([], [])
  }
  reset()
  let width = 9
  let bits = 0
  let buffer = 0
  let previous: number[] | null = null
  for (let i = 0; i < data.length && out.length < maxBytes; i++) {
    buffer = (buffer << 8) | data[i]!
    bits += 8
    while (bits >= width) {
      const code = (buffer >>> (bits - width)) & ((1 << width) - 1)
      bits -= width
      buffer &= (1 << bits) - 1
      if (code === 256) {
        reset()
        width = 9
        previous = null
        continue
      }
      if (code === 257) return Uint8Array.from(out)
      let entry = table[code]
      if (!entry) {
        if (!previous || code !== table.length) return Uint8Array.from(out)
        entry = [...previous, previous[0]!]
      }
      out.push(...entry)
      if (previous) table.push([...previous, entry[0]!])
      previous = entry
      if (table.length + early >= 1 << width && width < 12) width++
    }
  }
  return Uint8Array.from(out)
}

/** Undoes PNG (10–15) and TIFF (2) predictors. */
function unpredict(data: Uint8Array, parms: PdfDict): Uint8Array | null {
  const predictor = numberOf(parms.entries.get('Predictor')) ?? 1
  if (predictor === 1) return data
  const colors = numberOf(parms.entries.get('Colors')) ?? 1
  const bpc = numberOf(parms.entries.get('BitsPerComponent')) ?? 8
  const columns = numberOf(parms.entries.get('Columns')) ?? 1
  const pixelBytes = Math.max(1, Math.ceil((colors * bpc) / 8))
  const rowBytes = Math.ceil((colors * bpc * columns) / 8)
  if (!(rowBytes > 0) || rowBytes > 1 << 24) return null
  if (predictor === 2) {
    if (bpc !== 8) return null
    const out = data.slice()
    for (let row = 0; row * rowBytes < out.length; row++)
      for (let i = pixelBytes; i < rowBytes; i++) {
        const at = row * rowBytes + i
        if (at < out.length) out[at] = (out[at]! + out[at - pixelBytes]!) & 255
      }
    return out
  }
  if (predictor < 10) return null
  const rows = Math.floor(data.length / (rowBytes + 1))
  const out = new Uint8Array(rows * rowBytes)
  for (let row = 0; row < rows; row++) {
    const type = data[row * (rowBytes + 1)]!
    const src = row * (rowBytes + 1) + 1
    const dst = row * rowBytes
    for (let i = 0; i < rowBytes; i++) {
      const raw = data[src + i]!
      const left = i >= pixelBytes ? out[dst + i - pixelBytes]! : 0
      const up = row > 0 ? out[dst - rowBytes + i]! : 0
      const upLeft = row > 0 && i >= pixelBytes ? out[dst - rowBytes + i - pixelBytes]! : 0
      let v = raw
      if (type === 1) v = raw + left
      else if (type === 2) v = raw + up
      else if (type === 3) v = raw + ((left + up) >> 1)
      else if (type === 4) {
        const p = left + up - upLeft
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)]
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)
      }
      out[dst + i] = v & 255
    }
  }
  return out
}
