// The built `withheld` command, run as a user would: a child process on generated PDFs.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanResult } from '@core/types'
import { cliEntry, ensureCliBuilt } from './cliSupport'

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

function withheld(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliEntry, ...args],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, stdout, stderr })
      }
    )
  })
}

async function briefing(label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595, 842])
  page.drawText('The minister was advised on the matter in March.', { x: 72, y: 760, size: 11, font })
  page.drawRectangle({ x: 72, y: 700, width: 300, height: 14, color: rgb(0, 0, 0) })
  page.drawText(label, { x: 380, y: 703, size: 9, font })
  return doc.save()
}

/** A stack trace line as Node prints it. */
const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m

let dir: string
let goodBytes: Uint8Array

beforeAll(async () => {
  await ensureCliBuilt()
  dir = await mkdtemp(join(tmpdir(), 'withheld-cli-'))
  goodBytes = await briefing('s9(2)(a)')
  await writeFile(join(dir, 'one.pdf'), goodBytes)
  const batch = join(dir, 'batch')
  await mkdir(join(batch, 'sub'), { recursive: true })
  await writeFile(join(batch, 'good.pdf'), goodBytes)
  await writeFile(join(batch, 'sub', 'Upper.PDF'), await briefing('s6(a)'))
  // Same name as batch/good.pdf: its report must not overwrite the other one.
  await writeFile(join(batch, 'sub', 'good.pdf'), await briefing('s6(b)'))
  await writeFile(join(batch, 'error-page.pdf'), '<!doctype html><title>403 Forbidden</title>')
  await writeFile(join(batch, 'empty.pdf'), '')
  await writeFile(join(batch, 'readme.txt'), 'not scanned: not a .pdf name')
}, 120_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('withheld scan', () => {
  it('prints one file’s withheld.scan/1 JSON on stdout and exits 0', async () => {
    const run = await withheld(['scan', join(dir, 'one.pdf')])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout) as ScanResult
    expect(result.schema).toBe('withheld.scan/1')
    expect(result.file).toBe('one.pdf')
    expect(result.sha256).toBe(createHash('sha256').update(goodBytes).digest('hex'))
    expect(result.pageCount).toBe(1)
    expect(result.pages).toHaveLength(1)
    expect(result.pages[0]).toMatchObject({ index: 0, width: 595, height: 842, rotation: 0 })
    expect(result.summary.redactions).toBe(result.pages[0]!.redactions.length)
    expect(run.stdout).not.toContain(dir)
  })

  it('goes on past bad files in a folder, writes the good ones and exits 2', async () => {
    const out = join(dir, 'out-json')
    const run = await withheld(['scan', join(dir, 'batch'), '--out', out, '--jobs', '2'])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect((await readdir(out)).sort()).toEqual(['Upper.json', 'good (2).json', 'good.json'])
    const good = JSON.parse(await readFile(join(out, 'good.json'), 'utf8')) as ScanResult
    expect(good).toMatchObject({ schema: 'withheld.scan/1', file: 'good.pdf', pageCount: 1 })
    const upper = JSON.parse(await readFile(join(out, 'Upper.json'), 'utf8')) as ScanResult
    expect(upper.file).toBe('Upper.PDF')
    const second = JSON.parse(await readFile(join(out, 'good (2).json'), 'utf8')) as ScanResult
    // Names follow input order: batch/good.pdf comes before batch/sub/good.pdf.
    expect(good.sha256).toBe(createHash('sha256').update(goodBytes).digest('hex'))
    expect(second.sha256).not.toBe(good.sha256)
    const lines = run.stderr.trimEnd().split('\n').sort()
    expect(lines).toEqual([
      'withheld: empty.pdf: The file is empty (0 bytes).',
      'withheld: error-page.pdf: The file is not a PDF (it has no %PDF- header).'
    ])
    expect(run.stderr).not.toMatch(STACK_LINE)
    expect(run.stderr).not.toContain('\r')
  })

  it('writes CSV and Markdown', async () => {
    const csv = await withheld(['scan', join(dir, 'one.pdf'), '--format', 'csv'])
    expect(csv.code).toBe(0)
    const rows = csv.stdout.split('\r\n').filter(Boolean)
    expect(rows[0]).toMatch(/^file,sha256,page,/)
    expect(rows.slice(1).every((row) => row.startsWith('one.pdf,'))).toBe(true)

    const out = join(dir, 'out-md')
    const md = await withheld(['scan', join(dir, 'one.pdf'), '--format', 'md', '--out', out])
    expect(md.code).toBe(0)
    expect(await readdir(out)).toEqual(['one.md'])
    expect(await readFile(join(out, 'one.md'), 'utf8')).toMatch(/^# one\.pdf\n/)
  })

  it('keeps leaked text out of the report unless --reveal-leaks is given', async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    const page = doc.addPage([595, 842])
    // Text drawn first, then a black box over it: the text can still be copied out.
    page.drawText('The informant was John Smith of Wellington.', { x: 72, y: 700, size: 11, font })
    page.drawRectangle({ x: 70, y: 696, width: 250, height: 16, color: rgb(0, 0, 0) })
    page.drawText('s9(2)(a)', { x: 330, y: 700, size: 9, font })
    const path = join(dir, 'leaky.pdf')
    await writeFile(path, await doc.save())

    const hidden = await withheld(['scan', path])
    expect(hidden.code).toBe(0)
    expect(hidden.stdout).not.toContain('John Smith')
    const hiddenBoxes = (JSON.parse(hidden.stdout) as ScanResult).pages[0]!.redactions
    expect(hiddenBoxes.some((r) => r.leak?.kind === 'text-under-box')).toBe(true)
    expect(hiddenBoxes.every((r) => r.leakedText === null)).toBe(true)

    const revealed = await withheld(['scan', path, '--reveal-leaks'])
    expect(revealed.code).toBe(0)
    const revealedBoxes = (JSON.parse(revealed.stdout) as ScanResult).pages[0]!.redactions
    expect(revealedBoxes.some((r) => r.leakedText?.includes('John Smith'))).toBe(true)
  })

  it('prints a JSON array for several files without --out', async () => {
    const run = await withheld(['scan', join(dir, 'one.pdf'), join(dir, 'batch', 'good.pdf')])
    expect(run.code).toBe(0)
    const results = JSON.parse(run.stdout) as ScanResult[]
    expect(results.map((result) => result.file)).toEqual(['one.pdf', 'good.pdf'])
  })

  it('reports a missing input in one line and exits 2', async () => {
    const run = await withheld(['scan', join(dir, 'nowhere.pdf')])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe('withheld: nowhere.pdf: no such file or folder.\n')
  })

  it.each([
    [[], 'withheld: no command given.'],
    [['scan'], 'withheld: scan needs at least one PDF file or folder.'],
    [['scan', 'x.pdf', '--format', 'xml'], 'withheld: unknown format “xml” (use json, csv or md).'],
    [['scan', 'x.pdf', '--jobs', '0'], 'withheld: --jobs needs a whole number from 1 to 32.'],
    [['frobnicate'], 'withheld: unknown command “frobnicate”.']
  ])('refuses bad arguments %j with usage and exit 2', async (args, firstLine) => {
    const run = await withheld(args)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.split('\n')[0]).toBe(firstLine)
    expect(run.stderr).toContain('Usage: withheld scan')
  })

  it('prints help on --help and exits 0', async () => {
    const run = await withheld(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage: withheld scan')
    expect(run.stderr).toBe('')
  })
})
