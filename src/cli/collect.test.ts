import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectInputs, isPdfName } from './collect'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'withheld-collect-'))
  await mkdir(join(dir, 'release', 'b-folder'), { recursive: true })
  await mkdir(join(dir, 'empty'))
  await writeFile(join(dir, 'release', 'a.pdf'), '%PDF-')
  await writeFile(join(dir, 'release', 'C.PDF'), '%PDF-')
  await writeFile(join(dir, 'release', 'notes.txt'), 'x')
  await writeFile(join(dir, 'release', 'b-folder', 'inner.Pdf'), '%PDF-')
  // A link back up: following it would walk forever.
  await symlink(join(dir, 'release'), join(dir, 'release', 'b-folder', 'loop'))
  await writeFile(join(dir, 'single.bin'), '%PDF-')
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('collectInputs', () => {
  it('walks folders for .pdf in any case, sorted, without following folder links', async () => {
    const { files, problems } = await collectInputs([join(dir, 'release')])
    expect(problems).toEqual([])
    expect(files.map((file) => file.slice(dir.length))).toEqual([
      '/release/C.PDF',
      '/release/a.pdf',
      '/release/b-folder/inner.Pdf'
    ])
  })

  it('takes a named file whatever its extension, once, and reports missing inputs and empty folders', async () => {
    const { files, problems } = await collectInputs([
      join(dir, 'single.bin'),
      join(dir, 'single.bin'),
      join(dir, 'missing.pdf'),
      join(dir, 'empty')
    ])
    expect(files).toEqual([join(dir, 'single.bin')])
    expect(problems).toEqual([
      { name: 'missing.pdf', message: 'no such file or folder.' },
      { name: 'empty', message: 'this folder holds no PDF files.' }
    ])
  })

  it('recognises PDF names', () => {
    expect(['a.pdf', 'B.PDF', 'c.Pdf'].every(isPdfName)).toBe(true)
    expect(['a.pdf.txt', 'pdf', 'a.pd'].some(isPdfName)).toBe(false)
  })
})
