import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { BodyDecoder, encodeBody, type BinaryAdapter, type WorkspaceSnapshot } from './codec'
import {
  BackupFormatError,
  buildHeader,
  checkBody,
  encodeHeader,
  HEADER_BYTES,
  parseHeader,
  type BackupHeader
} from './format'

/** Node's Blob stands in for the renderer's. */
const blobs: BinaryAdapter<Blob> = {
  is: (value): value is Blob => value instanceof Blob,
  size: (value) => value.size,
  type: (value) => value.type,
  read: async (value, start, end) => new Uint8Array(await value.slice(start, end).arrayBuffer()),
  make: (parts, type) => new Blob(parts as Uint8Array<ArrayBuffer>[], { type })
}

const TABLES = ['releases', 'documents', 'files', 'history']

function pdfBytes(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff
  return bytes
}

function sampleSnapshot(): WorkspaceSnapshot {
  const pdf = pdfBytes(70_001, 7)
  return {
    tables: [
      {
        name: 'releases',
        rows: [{ id: 'r1', name: 'MBIE “OIA” 2026-0412 ✓', notes: 'line\nbreak', $odd: 1 }]
      },
      {
        name: 'documents',
        rows: [{ id: 'd1', releaseId: 'r1', pageCount: 3, producer: null, flags: [true, false], score: 0.25 }]
      },
      { name: 'files', rows: [{ documentId: 'd1', bytes: new Blob([pdf], { type: 'application/pdf' }) }] },
      {
        name: 'history',
        rows: [
          {
            id: 1,
            label: 'Delete document',
            undo: [
              { op: 'put', table: 'files', row: { documentId: 'd1', bytes: new Blob([pdf.slice(0, 10)]) } }
            ],
            redo: [{ op: 'delete', table: 'files', key: 'd1' }],
            undone: false
          }
        ]
      }
    ],
    settings: { 'withheld.recentGrounds': '["9(2)(a)"]' }
  }
}

async function encodeAll(snapshot: WorkspaceSnapshot, chunkBytes: number) {
  const counts: Record<string, number> = {}
  const chunks: Uint8Array[] = []
  for await (const chunk of encodeBody(snapshot, blobs, counts, chunkBytes)) chunks.push(chunk)
  return { counts, body: Buffer.concat(chunks) }
}

async function materialise(value: unknown): Promise<unknown> {
  if (value instanceof Blob)
    return { blobType: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] }
  if (Array.isArray(value)) return Promise.all(value.map(materialise))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = await materialise(v)
    return out
  }
  return value
}

describe('backup body codec', () => {
  it('round-trips rows, nested Blobs, odd keys and settings losslessly, in any chunk size', async () => {
    const snapshot = sampleSnapshot()
    for (const chunkBytes of [13, 4096, 1 << 22]) {
      const { counts, body } = await encodeAll(snapshot, chunkBytes)
      expect(counts).toEqual({ releases: 1, documents: 1, files: 1, history: 1, blobs: 2, blobBytes: 70_011 })
      const decoder = new BodyDecoder(blobs, TABLES)
      // Feed in slices unrelated to the encoder's chunks.
      for (let at = 0; at < body.length; at += 1000) decoder.push(body.subarray(at, at + 1000))
      const decoded = decoder.finish(counts)
      expect(decoded.settings).toEqual(snapshot.settings)
      for (const table of snapshot.tables) {
        expect(await materialise(decoded.tables.get(table.name)), table.name).toEqual(
          await materialise(table.rows)
        )
      }
    }
  })

  it('keeps PDF bytes raw: the body is barely larger than the PDFs it holds', async () => {
    const big = pdfBytes(3_000_000, 3)
    const snapshot: WorkspaceSnapshot = {
      tables: [{ name: 'files', rows: [{ documentId: 'd', bytes: new Blob([big]) }] }],
      settings: {}
    }
    const { body } = await encodeAll(snapshot, 1 << 20)
    expect(body.length).toBeLessThan(big.length + 500)
  })

  it('refuses a body cut short, with trailing junk, or with a row for an unknown table', async () => {
    const { counts, body } = await encodeAll(sampleSnapshot(), 4096)
    const cut = new BodyDecoder(blobs, TABLES)
    cut.push(body.subarray(0, body.length - 30))
    expect(() => cut.finish(counts)).toThrow(/ends too early/)

    const extra = new BodyDecoder(blobs, TABLES)
    expect(() => extra.push(Buffer.concat([body, Buffer.from('{"t":"row"}\n')]))).toThrow(/after the end/)

    const narrow = new BodyDecoder(blobs, ['releases'])
    expect(() => narrow.push(body)).toThrow(/table this Withheld does not know/)

    const lying = new BodyDecoder(blobs, TABLES)
    lying.push(body)
    expect(() => lying.finish({ ...counts, releases: 2 })).toThrow(/releases table has 1 rows/)
  })
})

describe('backup header', () => {
  const body = Buffer.from('{"t":"end","counts":{}}\n')
  const header: BackupHeader = buildHeader({
    createdAt: '2026-11-28T17:30:00.000Z',
    schemaVersion: 1,
    counts: { documents: 2 },
    bodyBytes: body.length,
    sha256: createHash('sha256').update(body).digest('hex')
  })
  const file = Buffer.concat([encodeHeader(header), body])
  const problem = (bytes: Uint8Array, size = bytes.length, maxSchema = 1): string => {
    try {
      parseHeader(bytes, size, maxSchema)
      return 'ok'
    } catch (error) {
      return error instanceof BackupFormatError ? `${error.problem}: ${error.message}` : String(error)
    }
  }

  it('is one padded JSON line of HEADER_BYTES that parses back', () => {
    const first = file.subarray(0, HEADER_BYTES)
    expect(first[HEADER_BYTES - 1]).toBe(0x0a)
    expect(JSON.parse(first.toString('utf8'))).toEqual(header)
    expect(parseHeader(first, file.length, 1)).toEqual(header)
  })

  it('names each problem in a sentence', () => {
    expect(problem(Buffer.from('%PDF-1.7\n'))).toMatch(/^not-a-backup: This file is not a Withheld/)
    expect(problem(new Uint8Array(0))).toMatch(/^not-a-backup/)
    expect(problem(file.subarray(0, 100))).toMatch(/^truncated: .*ends inside its header/)
    expect(problem(file.subarray(0, HEADER_BYTES), file.length - 5)).toMatch(/^truncated: .*19 of 24 bytes/)
    expect(problem(file.subarray(0, HEADER_BYTES), file.length + 1)).toMatch(/^damaged: .*longer/)
    const newer = encodeHeader({ ...header, version: 2 })
    expect(problem(newer, file.length)).toMatch(/^newer: .*newer version of Withheld \(backup format 2\)/)
    const newerDb = encodeHeader({ ...header, schemaVersion: 3 })
    expect(problem(newerDb, file.length)).toMatch(/^newer: .*database version 3/)
    const broken = Buffer.from(encodeHeader(header))
    broken.write('!!', 40)
    expect(problem(broken, file.length)).toMatch(/^damaged: .*header cannot be read/)
  })

  it('checks the body against the checksum', () => {
    expect(() => checkBody(header, { sha256: header.sha256, bytes: body.length })).not.toThrow()
    expect(() => checkBody(header, { sha256: '0'.repeat(64), bytes: body.length })).toThrow(/damaged/)
    expect(() => checkBody(header, { sha256: header.sha256, bytes: 3 })).toThrow(/incomplete/)
  })
})
