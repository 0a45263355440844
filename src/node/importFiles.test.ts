import { createHash } from 'node:crypto'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileNameOf, importFiles, looksLikePdf } from './importFiles'

let dir: string
const pdfBytes = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1')

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'withheld-import-'))
  await writeFile(join(dir, 'good.pdf'), pdfBytes)
  await writeFile(join(dir, 'junk-first.pdf'), Buffer.concat([Buffer.alloc(1000, 0x20), pdfBytes]))
  // A mail gateway's headers, far past pdf.js's 1024-byte look for the version: it still opens.
  const mailHeaders = Buffer.from('From: scanner@agency.example\r\nSubject: Scan\r\n\r\n'.repeat(60))
  await writeFile(join(dir, 'mail-junk.pdf'), Buffer.concat([mailHeaders, pdfBytes]))
  await writeFile(join(dir, 'no-header.pdf'), pdfBytes.subarray(pdfBytes.indexOf('\n') + 1))
  await writeFile(join(dir, 'empty.pdf'), Buffer.alloc(0))
  await writeFile(join(dir, 'page.pdf'), '<!doctype html><title>403 Forbidden</title>')
  await writeFile(join(dir, 'big.pdf'), Buffer.concat([pdfBytes, Buffer.alloc(4096)]))
  await mkdir(join(dir, 'folder.pdf'))
  await writeFile(join(dir, 'locked.pdf'), pdfBytes)
  await chmod(join(dir, 'locked.pdf'), 0o000)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('importFiles', () => {
  it('accepts a PDF with its name, size and SHA-256, never its path', async () => {
    const result = await importFiles([join(dir, 'good.pdf')])
    expect(result.rejected).toEqual([])
    expect(result.files).toHaveLength(1)
    const file = result.files[0]!
    expect(file.name).toBe('good.pdf')
    expect(file.byteSize).toBe(pdfBytes.byteLength)
    expect(file.sha256).toBe(createHash('sha256').update(pdfBytes).digest('hex'))
    expect(Buffer.from(file.bytes).equals(pdfBytes)).toBe(true)
    expect(JSON.stringify({ ...file, bytes: null })).not.toContain(dir)
  })

  it('accepts what pdf.js opens: junk of any length before %PDF-, or objects without a header', async () => {
    const names = ['junk-first.pdf', 'mail-junk.pdf', 'no-header.pdf']
    const result = await importFiles(names.map((name) => join(dir, name)))
    expect(result.rejected).toEqual([])
    expect(result.files.map((file) => file.name)).toEqual(names)
  })

  it('refuses empty, non-PDF, over-size, missing and folder paths with one sentence each', async () => {
    const names = ['empty.pdf', 'page.pdf', 'big.pdf', 'missing.pdf', 'folder.pdf', 'good.pdf']
    const result = await importFiles(
      names.map((name) => join(dir, name)),
      { maxBytes: 1024 }
    )
    expect(result.files.map((file) => file.name)).toEqual(['good.pdf'])
    expect(result.rejected).toEqual([
      { name: 'empty.pdf', message: '“empty.pdf” is empty (0 bytes).' },
      { name: 'page.pdf', message: '“page.pdf” is not a PDF (it has no %PDF- header).' },
      { name: 'big.pdf', message: '“big.pdf” is 5 KB, over the 1 KB limit for one PDF.' },
      { name: 'missing.pdf', message: '“missing.pdf” could not be found.' },
      { name: 'folder.pdf', message: '“folder.pdf” is a folder, not a PDF file.' }
    ])
    for (const rejection of result.rejected) {
      expect(rejection.message).not.toContain(dir)
      expect(rejection.message).toMatch(/^“[^”]+” .+\.$/)
    }
  })

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable file', async () => {
    const result = await importFiles([join(dir, 'locked.pdf')])
    expect(result.rejected).toEqual([
      { name: 'locked.pdf', message: '“locked.pdf” could not be read (permission denied).' }
    ])
  })

  it('names files by their last segment whatever the separator', () => {
    expect(fileNameOf('/home/a/Release 12.pdf')).toBe('Release 12.pdf')
    expect(fileNameOf('C:\\Users\\a\\brief.PDF')).toBe('brief.PDF')
  })

  it('looks for an object opening across its 1 MiB search windows', () => {
    const text = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, 'latin1'))
    expect(looksLikePdf(new Uint8Array(0))).toBe(false)
    expect(looksLikePdf(text('version https://git-lfs.github.com/spec/v1\noid sha256:ab\n'))).toBe(false)
    expect(looksLikePdf(text('<p>an object, 12 objects, obj 1 0</p>'))).toBe(false)
    const straddling = Buffer.concat([Buffer.alloc(1024 * 1024 - 4, 0x41), Buffer.from(' 7 0 obj <<>>')])
    expect(looksLikePdf(new Uint8Array(straddling))).toBe(true)
  })
})
