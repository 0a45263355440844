import { deflateSync, inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { PdfFile } from './pdfFile'
import { isDict, textOf, type PdfDict } from './pdfSyntax'
import type { Inflate } from './streamFilters'

const inflate: Inflate = (data) => new Uint8Array(inflateSync(data))

/** Writes objects and a classic xref section after `prefix`; returns the whole file. */
function withSection(prefix: string, objects: [number, string][], trailer: string): string {
  let out = prefix
  const offsets: [number, number][] = []
  for (const [num, body] of objects) {
    offsets.push([num, out.length])
    out += `${num} 0 obj\n${body}\nendobj\n`
  }
  const xref = out.length
  out += 'xref\n'
  for (const [num, offset] of offsets) out += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`
  return `${out}trailer\n<< ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`
}

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'))
const lastXref = (s: string): number => Number([...s.matchAll(/startxref\s+(\d+)/g)].at(-1)![1])

describe('PdfFile', () => {
  const first = withSection(
    '%PDF-1.7\n',
    [
      [1, '<< /Type /Catalog /Pages 2 0 R >>'],
      [2, '<< /Type /Pages /Kids [] /Count 0 >>'],
      [3, '<< /Title (Original title) >>']
    ],
    '/Size 4 /Root 1 0 R /Info 3 0 R'
  )
  const second = withSection(
    first,
    [[3, '<< /Title (Changed title) >>']],
    `/Size 4 /Root 1 0 R /Info 3 0 R /Prev ${lastXref(first)}`
  )

  it('keeps every revision: each sees its own version of an object', () => {
    const file = new PdfFile(bytes(second), inflate)
    expect(file.revisions).toHaveLength(2)
    const title = (revision: number): string | null =>
      textOf((file.object(3, file.revisions[revision]) as PdfDict).entries.get('Title'))
    expect(title(0)).toBe('Original title')
    expect(title(1)).toBe('Changed title')
    expect(file.unread).toEqual([])
    expect(file.definitions.get(3)).toHaveLength(2)
  })

  it('reads cross-reference streams and objects packed in object streams', () => {
    const packed = '5 0 << /Title (Packed) >>'
    const objstm = Buffer.from(deflateSync(Buffer.from(packed)))
    let out = '%PDF-1.7\n'
    const catalogAt = out.length
    out += '1 0 obj\n<< /Type /Catalog >>\nendobj\n'
    const streamAt = out.length
    out += `4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${objstm.length} >>\nstream\n${objstm.toString('latin1')}\nendstream\nendobj\n`
    const xrefAt = out.length
    // Rows of [type, offset or stream (2 bytes), index]: 0 free, 1 catalog, 2–3 free, 4 the stream, 5 packed.
    const rows = [
      [0, 0, 0],
      [1, catalogAt, 0],
      [0, 0, 0],
      [0, 0, 0],
      [1, streamAt, 0],
      [2, 4, 0]
    ].flatMap(([t, a, i]) => [t!, (a! >> 8) & 255, a! & 255, i!])
    const data = Buffer.from(deflateSync(Buffer.from(rows)))
    out += `6 0 obj\n<< /Type /XRef /Size 7 /W [1 2 1] /Index [0 6] /Root 1 0 R /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`
    const file = new PdfFile(bytes(out), inflate)
    expect(file.unread).toEqual([])
    const packedObject = file.object(5)
    expect(isDict(packedObject) && textOf(packedObject.entries.get('Title'))).toBe('Packed')
  })

  it('stops on a /Prev loop and rebuilds a damaged table by scanning, saying so', () => {
    const looped = first.replace('/Info 3 0 R', `/Info 3 0 R /Prev ${lastXref(first)}`)
    const file = new PdfFile(bytes(looped), inflate)
    expect(file.revisions.length).toBeGreaterThan(0)
    const damaged = new PdfFile(bytes(first.replace(/startxref\s+\d+/, 'startxref\n7')), inflate)
    expect(damaged.unread.map((u) => u.what)).toContain('cross-reference table')
    expect(damaged.current?.trailer.entries.has('Root')).toBe(true)
  })
})
