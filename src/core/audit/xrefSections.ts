/**
 * Cross-reference sections, the map from object numbers to where each object is: classic tables
 * (ISO 32000-2 §7.5.4) and cross-reference streams (§7.5.8). Sizes are capped at MAX_OBJECTS.
 */
import { isArray, isDict, numberOf, type PdfDict, type PdfSyntaxReader } from './pdfSyntax'

export type XrefEntry =
  | { readonly kind: 'offset'; readonly offset: number }
  | { readonly kind: 'compressed'; readonly stream: number; readonly index: number }
  | { readonly kind: 'free' }

export const MAX_OBJECTS = 1_000_000

/**
 * A classic `xref` table from just after its keyword, and its trailer. A hybrid file's /XRefStm adds
 * the objects it keeps in object streams (`streamEntries` reads that stream).
 */
export function readXrefTable(
  reader: PdfSyntaxReader,
  streamEntries: (offset: number) => Map<number, XrefEntry> | null
): { entries: Map<number, XrefEntry>; trailer: PdfDict } | null {
  const entries = new Map<number, XrefEntry>()
  for (;;) {
    const save = reader.pos
    const word = reader.word()
    if (word === 'trailer') break
    const first = Number(word)
    const count = Number(reader.word())
    if (!/^\d+$/.test(word) || !Number.isInteger(count) || count < 0 || entries.size + count > MAX_OBJECTS) {
      reader.pos = save
      return null
    }
    for (let i = 0; i < count; i++) {
      const position = Number(reader.word())
      reader.word() // generation
      const type = reader.word()
      if (type === 'n' && position > 0) entries.set(first + i, { kind: 'offset', offset: position })
      else if (type === 'f') entries.set(first + i, { kind: 'free' })
      else if (type !== 'n') return null
    }
  }
  const trailer = reader.value()
  if (!isDict(trailer)) return null
  const hybrid = numberOf(trailer.entries.get('XRefStm'))
  if (hybrid !== null)
    for (const [num, entry] of streamEntries(hybrid) ?? []) if (entry.kind !== 'free') entries.set(num, entry)
  return { entries, trailer }
}

/** The entries of a cross-reference stream (/W field widths, /Index ranges) from its decoded bytes. */
export function readXrefStream(dict: PdfDict, data: Uint8Array | null): Map<number, XrefEntry> {
  const entries = new Map<number, XrefEntry>()
  const widths = dict.entries.get('W')
  if (!data || !isArray(widths) || widths.length !== 3) return entries
  const w = widths.map((v) => numberOf(v) ?? -1)
  if (w.some((v) => v < 0 || v > 8)) return entries
  const rowBytes = w[0]! + w[1]! + w[2]!
  const size = numberOf(dict.entries.get('Size')) ?? 0
  const index = dict.entries.get('Index')
  const ranges = isArray(index) ? index.map((v) => numberOf(v) ?? 0) : [0, size]
  let at = 0
  const field = (width: number, fallback: number): number => {
    if (width === 0) return fallback
    let v = 0
    for (let i = 0; i < width; i++) v = v * 256 + data[at++]!
    return v
  }
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    for (let i = 0; i < ranges[r + 1]! && at + rowBytes <= data.length && entries.size < MAX_OBJECTS; i++) {
      const type = field(w[0]!, 1)
      const a = field(w[1]!, 0)
      const b = field(w[2]!, 0)
      const num = ranges[r]! + i
      if (type === 1) entries.set(num, { kind: 'offset', offset: a })
      else if (type === 2) entries.set(num, { kind: 'compressed', stream: a, index: b })
      else if (type === 0) entries.set(num, { kind: 'free' })
    }
  }
  return entries
}
