import { createHash } from 'node:crypto'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileNameOf, hasPdfHeader, importFiles } from './importFiles'

let dir: string
const pdfBytes = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1')

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'withheld-import-'))
  await writeFile(join(dir, 'good.pdf'), pdfBytes)
  await writeFile(join(dir, 'junk-first.pdf'), Buffer.concat([Buffer.alloc(1000, 0x20), pdfBytes]))
  await writeFile(join(dir, 'junk-too-long.pdf'), Buffer.concat([Buffer.alloc(1100, 0x20), pdfBytes]))
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

  it('tolerates up to 1024 bytes of junk before the header, as pdf.js does', async () => {
    const result = await importFiles([join(dir, 'junk-first.pdf'), join(dir, 'junk-too-long.pdf')])
    expect(result.files.map((file) => file.name)).toEqual(['junk-first.pdf'])
    expect(result.rejected).toEqual([
      { name: 'junk-too-long.pdf', message: '“junk-too-long.pdf” is not a PDF (it has no %PDF- header).' }
    ])
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
    expect(hasPdfHeader(new Uint8Array(0))).toBe(false)
  })
})
