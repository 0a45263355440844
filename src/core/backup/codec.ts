/**
 * The backup body (see format.ts): encoded as a stream of chunks and decoded from one, so neither side
 * holds more than one chunk plus the row it is on. Binary values (PDF bytes as Blobs) are reached
 * through a `BinaryAdapter`, which keeps this module free of DOM and Node types.
 *
 * Records, one per line:
 *   {"t":"blob","id":0,"size":N,"type":"application/pdf"}\n  N raw bytes  \n
 *   {"t":"row","table":"files","row":{"documentId":"d1","bytes":{"$blob":0}}}\n
 *   {"t":"settings","values":{"withheld.recentGrounds":"[…]"}}\n
 *   {"t":"end","counts":{…}}\n          ← last line: a body without it was cut short
 * A blob's section comes before the row that refers to it. Object keys that start with "$" are
 * written with one more "$", so a stored key can never pass for a blob reference.
 */

export interface BinaryAdapter<B> {
  is(value: unknown): value is B
  size(value: B): number
  type(value: B): string
  /** Bytes [start, end) of the value. */
  read(value: B, start: number, end: number): Promise<Uint8Array>
  /** The value rebuilt from its section's bytes (decode side). */
  make(parts: readonly Uint8Array[], type: string): B
}

export interface BackupTable {
  readonly name: string
  readonly rows: readonly unknown[]
}

export interface WorkspaceSnapshot {
  readonly tables: readonly BackupTable[]
  /** Preferences kept outside the database (localStorage), by key. */
  readonly settings: Readonly<Record<string, string>>
}

/**
 * 256 KiB: the UI thread's longest stall while backing up grows with the chunk (each one is copied
 * into an IPC message). Measured on 211 MB in Chromium through the e2e bridge (base64 over CDP, far
 * costlier than Electron's IPC): 4 MiB chunks 31 s with 966 ms stalls, 1 MiB 18 s / 250 ms,
 * 256 KiB 14 s / 59 ms. 1 GB is ~4,000 messages, each well under a millisecond in Electron.
 */
export const DEFAULT_CHUNK_BYTES = 256 * 1024
/** A single JSON line above this is not something Withheld writes: treat the file as damaged. */
export const MAX_LINE_BYTES = 256 * 1024 * 1024

const NEWLINE = 0x0a
const encoder = new TextEncoder()

export class BackupBodyError extends Error {
  override name = 'BackupBodyError'
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/** Replaces binaries by `{ $blob: id }` (collecting them in `found`) and escapes `$` keys. */
function encodeValue<B>(value: unknown, adapter: BinaryAdapter<B>, found: B[], nextId: number): unknown {
  if (adapter.is(value)) {
    found.push(value)
    return { $blob: nextId + found.length - 1 }
  }
  if (Array.isArray(value)) return value.map((item) => encodeValue(item, adapter, found, nextId))
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue
      out[key.startsWith('$') ? `$${key}` : key] = encodeValue(item, adapter, found, nextId)
    }
    return out
  }
  return value
}

function decodeValue<B>(value: unknown, blobs: ReadonlyMap<number, B>): unknown {
  if (Array.isArray(value)) return value.map((item) => decodeValue(item, blobs))
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
    if (keys.length === 1 && keys[0] === '$blob') {
      const blob = blobs.get(value['$blob'] as number)
      if (blob === undefined)
        throw new BackupBodyError('a row refers to PDF bytes that are not in the backup')
      return blob
    }
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      out[key.startsWith('$') ? key.slice(1) : key] = decodeValue(item, blobs)
    }
    return out
  }
  return value
}

/**
 * Encodes a snapshot as body chunks of about `chunkBytes`. `counts` is filled in as it goes and is
 * complete once the generator is done (the header needs it).
 */
export async function* encodeBody<B>(
  snapshot: WorkspaceSnapshot,
  adapter: BinaryAdapter<B>,
  counts: Record<string, number>,
  chunkBytes: number = DEFAULT_CHUNK_BYTES
): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = []
  let pendingBytes = 0
  const take = (): Uint8Array => {
    const out = concat(pending, pendingBytes)
    pending = []
    pendingBytes = 0
    return out
  }
  const push = (bytes: Uint8Array): boolean => {
    pending.push(bytes)
    pendingBytes += bytes.byteLength
    return pendingBytes >= chunkBytes
  }
  const line = (record: unknown): Uint8Array => encoder.encode(`${JSON.stringify(record)}\n`)

  let blobCount = 0
  let blobBytes = 0
  for (const table of snapshot.tables) {
    counts[table.name] = 0
    for (const row of table.rows) {
      const found: B[] = []
      const encoded = encodeValue(row, adapter, found, blobCount)
      for (const blob of found) {
        const size = adapter.size(blob)
        if (push(line({ t: 'blob', id: blobCount++, size, type: adapter.type(blob) }))) yield take()
        for (let start = 0; start < size; start += chunkBytes) {
          const end = Math.min(size, start + chunkBytes)
          const bytes = await adapter.read(blob, start, end)
          if (bytes.byteLength !== end - start)
            throw new BackupBodyError('PDF bytes changed while being read')
          if (push(bytes)) yield take()
        }
        push(new Uint8Array([NEWLINE]))
        blobBytes += size
      }
      if (push(line({ t: 'row', table: table.name, row: encoded }))) yield take()
      counts[table.name] = (counts[table.name] ?? 0) + 1
    }
  }
  counts['blobs'] = blobCount
  counts['blobBytes'] = blobBytes
  push(line({ t: 'settings', values: snapshot.settings }))
  push(line({ t: 'end', counts }))
  yield take()
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(total)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.byteLength
  }
  return out
}

/** Decoded rows per table (binary values rebuilt inside them by the adapter), settings and counts. */
export interface DecodedWorkspace {
  readonly tables: ReadonlyMap<string, unknown[]>
  readonly settings: Readonly<Record<string, string>>
  readonly counts: Readonly<Record<string, number>>
}

/**
 * Decodes a body fed in chunks of any size. `tableNames` are the tables this Withheld knows; a row for
 * another table means the file was not written by a compatible version.
 */
export class BodyDecoder<B> {
  private readonly tables = new Map<string, unknown[]>()
  private readonly blobs = new Map<number, B>()
  private settings: Record<string, string> = {}
  private counts: Record<string, number> | null = null
  private lineParts: Uint8Array[] = []
  private lineBytes = 0
  private binary: { id: number; type: string; remaining: number; parts: Uint8Array[] } | null = null
  /** After a binary section, its closing newline. */
  private expectNewline = false

  constructor(
    private readonly adapter: BinaryAdapter<B>,
    tableNames: readonly string[]
  ) {
    for (const name of tableNames) this.tables.set(name, [])
  }

  push(chunk: Uint8Array): void {
    let at = 0
    while (at < chunk.byteLength) {
      if (this.counts) throw new BackupBodyError('there is data after the end of the backup')
      if (this.binary) {
        const take = Math.min(this.binary.remaining, chunk.byteLength - at)
        this.binary.parts.push(chunk.subarray(at, at + take))
        this.binary.remaining -= take
        at += take
        if (this.binary.remaining === 0) {
          this.blobs.set(this.binary.id, this.adapter.make(this.binary.parts, this.binary.type))
          this.binary = null
          this.expectNewline = true
        }
        continue
      }
      if (this.expectNewline) {
        if (chunk[at] !== NEWLINE) throw new BackupBodyError('a PDF section is longer than it says')
        this.expectNewline = false
        at++
        continue
      }
      const newline = chunk.indexOf(NEWLINE, at)
      const end = newline === -1 ? chunk.byteLength : newline
      this.lineParts.push(chunk.subarray(at, end))
      this.lineBytes += end - at
      if (this.lineBytes > MAX_LINE_BYTES) throw new BackupBodyError('a record is implausibly long')
      at = end
      if (newline !== -1) {
        at++
        const text = new TextDecoder().decode(concat(this.lineParts, this.lineBytes))
        this.lineParts = []
        this.lineBytes = 0
        this.record(text)
      }
    }
  }

  private record(text: string): void {
    let record: unknown
    try {
      record = JSON.parse(text)
    } catch {
      throw new BackupBodyError('a record cannot be read')
    }
    if (!isPlainObject(record)) throw new BackupBodyError('a record is not an object')
    switch (record['t']) {
      case 'blob': {
        const { id, size, type } = record
        if (!Number.isSafeInteger(id) || !Number.isSafeInteger(size) || (size as number) < 0) {
          throw new BackupBodyError('a PDF section has no size')
        }
        this.binary = {
          id: id as number,
          type: typeof type === 'string' ? type : '',
          remaining: size as number,
          parts: []
        }
        if (size === 0) {
          this.blobs.set(id as number, this.adapter.make([], this.binary.type))
          this.binary = null
          this.expectNewline = true
        }
        return
      }
      case 'row': {
        const rows = this.tables.get(String(record['table']))
        if (!rows) throw new BackupBodyError(`the backup has a table this Withheld does not know`)
        const row = decodeValue(record['row'], this.blobs)
        if (!isPlainObject(row)) throw new BackupBodyError('a row is not an object')
        rows.push(row)
        return
      }
      case 'settings': {
        const values = record['values']
        if (!isPlainObject(values)) throw new BackupBodyError('the settings cannot be read')
        this.settings = Object.fromEntries(
          Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        )
        return
      }
      case 'end': {
        const counts = record['counts']
        if (!isPlainObject(counts)) throw new BackupBodyError('the end record cannot be read')
        this.counts = counts as Record<string, number>
        return
      }
      default:
        throw new BackupBodyError('a record has an unknown type')
    }
  }

  /** Checks the body ended where it should and its rows match its counts. */
  finish(expectedCounts?: Readonly<Record<string, number>>): DecodedWorkspace {
    if (!this.counts || this.binary || this.lineBytes > 0) {
      throw new BackupBodyError('the backup ends too early')
    }
    for (const [name, rows] of this.tables) {
      const said = this.counts[name] ?? 0
      if (rows.length !== said || (expectedCounts && (expectedCounts[name] ?? 0) !== said)) {
        throw new BackupBodyError(`the ${name} table has ${rows.length} rows, the backup says ${said}`)
      }
    }
    return { tables: this.tables, settings: this.settings, counts: this.counts }
  }
}
