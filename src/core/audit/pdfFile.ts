/**
 * Every revision of a PDF file, read from its raw bytes: each cross-reference section (classic tables
 * and xref streams, chained by /Prev and hybrid /XRefStm), the objects each revision can reach, and
 * every `N G obj` written anywhere in the file (so objects no revision lists are found too). pdf.js
 * shows only the newest revision, which is why an incremental update can "redact" a page while the
 * earlier revision still carries it. Whatever cannot be read (a damaged table rebuilt by scanning, an
 * unsupported filter, encryption) is recorded in `unread`, so the audit's verdict can say so.
 */
import {
  PdfSyntaxReader,
  isDict,
  isName,
  isRef,
  latin1,
  numberOf,
  type PdfDict,
  type PdfValue
} from './pdfSyntax'
import { decodeStream, type Inflate } from './streamFilters'
import { MAX_OBJECTS, readXrefStream, readXrefTable, type XrefEntry } from './xrefSections'

export type { XrefEntry } from './xrefSections'

export interface PdfStream {
  readonly type: 'stream'
  readonly dict: PdfDict
  /** The encoded bytes between `stream` and `endstream`. */
  readonly raw: Uint8Array
}

export type PdfObject = PdfValue | PdfStream

export interface Revision {
  /** 0 = the original file; the last is what readers show. */
  readonly index: number
  /** Objects as of this revision (later sections override earlier ones). */
  readonly entries: ReadonlyMap<number, XrefEntry>
  readonly trailer: PdfDict
}

export interface Unread {
  readonly what: string
  readonly why: string
}

/** Limits that keep a hostile file's cost bounded (a decompression bomb, a /Prev loop). */
const MAX_SECTIONS = 500
/** Decoded bytes across the whole audit: beyond this, streams are left unread (and said so). */
const MAX_DECODED_TOTAL_BYTES = 512 * 1024 * 1024
export const MAX_STREAM_BYTES = 64 * 1024 * 1024

export const isStream = (v: PdfObject | undefined): v is PdfStream =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (v as PdfStream).type === 'stream'

export class PdfFile {
  readonly revisions: Revision[] = []
  readonly unread: Unread[] = []
  /** Byte offset of every `N G obj` header in the file, by object number (all definitions). */
  readonly definitions = new Map<number, number[]>()
  readonly encrypted: boolean
  private readonly objectCache = new Map<string, PdfObject | undefined>()
  private readonly objectStreams = new Map<number, Map<number, PdfValue> | null>()
  private decodedBytes = 0

  constructor(
    readonly bytes: Uint8Array,
    private readonly inflate: Inflate
  ) {
    this.findDefinitions()
    this.readRevisions()
    const current = this.revisions.at(-1)
    this.encrypted = current !== undefined && current.trailer.entries.has('Encrypt')
    if (this.encrypted)
      this.note('strings and streams', 'the file is encrypted; its objects are not decrypted for the audit')
  }

  get current(): Revision | undefined {
    return this.revisions.at(-1)
  }

  note(what: string, why: string): void {
    if (!this.unread.some((u) => u.what === what && u.why === why)) this.unread.push({ what, why })
  }

  private findDefinitions(): void {
    const text = latin1(this.bytes)
    const header = /(\d{1,10})\s+(\d{1,5})\s+obj\b/g
    let count = 0
    for (let m = header.exec(text); m && count < MAX_OBJECTS; m = header.exec(text), count++) {
      const num = Number(m[1])
      const list = this.definitions.get(num) ?? []
      list.push(m.index)
      this.definitions.set(num, list)
    }
  }

  private readRevisions(): void {
    const text = latin1(this.bytes.subarray(Math.max(0, this.bytes.length - 2048)))
    const starts = [...text.matchAll(/startxref\s+(\d+)/g)]
    const start = starts.length > 0 ? Number(starts.at(-1)![1]) : -1
    const sections: { entries: Map<number, XrefEntry>; trailer: PdfDict; offset: number }[] = []
    const seen = new Set<number>()
    let offset = start
    while (offset >= 0 && sections.length < MAX_SECTIONS && !seen.has(offset)) {
      seen.add(offset)
      const section = this.readSection(offset)
      if (!section) break
      sections.push({ ...section, offset })
      const prev = numberOf(section.trailer.entries.get('Prev'))
      offset = prev === null ? -1 : prev
    }
    if (sections.length === 0 || offset >= 0) {
      this.note('cross-reference table', 'damaged: the objects were found by scanning the file instead')
      if (sections.length === 0) {
        this.rebuild()
        return
      }
    }
    sections.reverse()
    // A linearised file's first-page section and main section are one revision, not an update.
    const first = this.object(this.firstObjectNumber())
    if (sections.length >= 2 && isDict(first) && first.entries.has('Linearized')) {
      const [a, b] = [sections[0]!, sections[1]!]
      sections.splice(0, 2, {
        entries: new Map([...a.entries, ...b.entries]),
        trailer: b.trailer,
        offset: b.offset
      })
    }
    const merged = new Map<number, XrefEntry>()
    sections.forEach((section, index) => {
      for (const [num, entry] of section.entries) merged.set(num, entry)
      this.revisions.push({ index, entries: new Map(merged), trailer: section.trailer })
    })
  }

  private firstObjectNumber(): number {
    let best = -1
    let bestOffset = Infinity
    for (const [num, offsets] of this.definitions)
      if (offsets[0]! < bestOffset) [best, bestOffset] = [num, offsets[0]!]
    return best
  }

  /** No usable table: the last definition of each object wins, and the last trailer (or catalog). */
  private rebuild(): void {
    const entries = new Map<number, XrefEntry>()
    for (const [num, offsets] of this.definitions)
      entries.set(num, { kind: 'offset', offset: offsets.at(-1)! })
    const text = latin1(this.bytes)
    let trailer: PdfDict | null = null
    for (const m of text.matchAll(/trailer\s*<</g)) {
      const value = new PdfSyntaxReader(this.bytes, m.index + 7).value()
      if (isDict(value) && value.entries.has('Root')) trailer = value
    }
    if (!trailer) {
      for (const [num] of entries) {
        const value = this.objectAt(entries.get(num)!, num)
        if (isDict(value) && isName(value.entries.get('Type'), 'Catalog'))
          trailer = { type: 'dict', entries: new Map([['Root', { type: 'ref', num, gen: 0 }]]) }
      }
    }
    if (trailer) this.revisions.push({ index: 0, entries, trailer })
    else this.note('document catalog', 'not found: the file is too damaged to audit')
  }

  private readSection(offset: number): { entries: Map<number, XrefEntry>; trailer: PdfDict } | null {
    if (offset >= this.bytes.length) return null
    const reader = new PdfSyntaxReader(this.bytes, offset)
    const save = reader.pos
    const streamEntries = (at: number): Map<number, XrefEntry> | null => {
      const stream = this.parseObjectAt(at)
      if (!isStream(stream) || !isName(stream.dict.entries.get('Type'), 'XRef')) return null
      return readXrefStream(stream.dict, this.decode(stream, 'cross-reference stream'))
    }
    if (reader.word() === 'xref') return readXrefTable(reader, streamEntries)
    reader.pos = save
    const stream = this.parseObjectAt(offset)
    const entries = streamEntries(offset)
    return entries && isStream(stream) ? { entries, trailer: stream.dict } : null
  }

  /** The object `N G obj … endobj` at `offset`, streams included; undefined where there is none. */
  parseObjectAt(offset: number): PdfObject | undefined {
    if (offset < 0 || offset >= this.bytes.length) return undefined
    const reader = new PdfSyntaxReader(this.bytes, offset)
    const [num, , keyword] = [reader.word(), reader.word(), reader.word()]
    if (!/^\d+$/.test(num) || keyword !== 'obj') return undefined
    const value = reader.value()
    if (!isDict(value)) return value
    const save = reader.pos
    if (reader.word() !== 'stream') {
      reader.pos = save
      return value
    }
    let start = reader.pos
    if (this.bytes[start] === 13) start++
    if (this.bytes[start] === 10) start++
    const declared = numberOf(value.entries.get('Length'))
    let end = -1
    if (declared !== null && declared >= 0 && start + declared <= this.bytes.length) {
      const after = latin1(this.bytes.subarray(start + declared, start + declared + 20))
      if (/^\s*endstream/.test(after)) end = start + declared
    }
    if (end < 0) end = this.findEndstream(start)
    return { type: 'stream', dict: value, raw: this.bytes.subarray(start, end) }
  }

  private findEndstream(start: number): number {
    const b = this.bytes
    const needle = [101, 110, 100, 115, 116, 114, 101, 97, 109] // "endstream"
    for (let i = start; i + needle.length <= b.length; i++) {
      if (b[i] !== 101) continue
      let ok = true
      for (let k = 1; k < needle.length && ok; k++) ok = b[i + k] === needle[k]
      if (ok) {
        let end = i
        if (b[end - 1] === 10) end--
        if (b[end - 1] === 13) end--
        return Math.max(start, end)
      }
    }
    return b.length
  }

  private objectAt(entry: XrefEntry, num: number): PdfObject | undefined {
    if (entry.kind === 'offset') return this.parseObjectAt(entry.offset)
    if (entry.kind === 'compressed') return this.fromObjectStream(entry.stream, entry.index, num)
    return undefined
  }

  /** Object `num` as the given revision (default: the newest) sees it. */
  object(num: number, revision = this.current): PdfObject | undefined {
    const entry = revision?.entries.get(num) ?? (revision ? undefined : this.lastDefinition(num))
    if (!entry) return undefined
    const key =
      entry.kind === 'offset'
        ? `o${entry.offset}`
        : entry.kind === 'compressed'
          ? `c${entry.stream}.${num}`
          : ''
    if (key === '') return undefined
    if (this.objectCache.has(key)) return this.objectCache.get(key)
    this.objectCache.set(key, undefined) // a reference cycle through /Length resolves to nothing
    const value = this.objectAt(entry, num)
    this.objectCache.set(key, value)
    return value
  }

  private lastDefinition(num: number): XrefEntry | undefined {
    const offsets = this.definitions.get(num)
    return offsets ? { kind: 'offset', offset: offsets.at(-1)! } : undefined
  }

  private fromObjectStream(streamNum: number, index: number, num: number): PdfValue | undefined {
    let members = this.objectStreams.get(streamNum)
    if (members === undefined) {
      members = null
      const stream = this.object(streamNum)
      const data = isStream(stream) ? this.decode(stream, `object stream ${streamNum}`) : null
      if (isStream(stream) && data) {
        members = new Map()
        const count = Math.min(numberOf(stream.dict.entries.get('N')) ?? 0, MAX_OBJECTS)
        const first = numberOf(stream.dict.entries.get('First')) ?? 0
        const header = new PdfSyntaxReader(data)
        const pairs: [number, number][] = []
        for (let i = 0; i < count; i++) pairs.push([Number(header.word()), Number(header.word())])
        for (const [n, at] of pairs) {
          if (!Number.isFinite(n) || !Number.isFinite(at)) continue
          const value = new PdfSyntaxReader(data, first + at).value()
          if (value !== undefined) members.set(n, value)
        }
      }
      this.objectStreams.set(streamNum, members)
    }
    void index
    return members?.get(num)
  }

  /** Follows references (bounded), as the given revision sees them. */
  resolve(value: PdfObject | undefined, revision = this.current): PdfObject | undefined {
    let current = value
    for (let hops = 0; hops < 16 && isRef(current as PdfValue); hops++)
      current = this.object((current as { num: number }).num, revision)
    return current
  }

  /** Decoded stream bytes, or null (and a note in `unread`) when a filter is unsupported or damaged. */
  decode(stream: PdfStream, what: string, revision = this.current): Uint8Array | null {
    if (this.encrypted && !isName(stream.dict.entries.get('Type'), 'XRef')) return null
    if (this.decodedBytes > MAX_DECODED_TOTAL_BYTES) {
      this.note(what, 'left unread: the audit reached its limit on decompressed data')
      return null
    }
    const filter = this.resolve(stream.dict.entries.get('Filter'), revision)
    const parms = this.resolve(stream.dict.entries.get('DecodeParms'), revision)
    const result = decodeStream(
      stream.raw,
      filter as PdfValue,
      parms as PdfValue,
      this.inflate,
      MAX_STREAM_BYTES
    )
    if ('problem' in result) {
      this.note(what, result.problem)
      return null
    }
    this.decodedBytes += result.bytes.length
    return result.bytes
  }
}
