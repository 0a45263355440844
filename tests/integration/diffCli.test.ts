/**
 * `withheld diff` end to end on generated pairs (tests/fixtures/compare): the built CLI and its
 * analysis worker, the withheld.diff/1 contract, the people's formats, and exit 2 with one line.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DiffResult } from '@core/compare/types'
import { pairSpecs, truthOf, type PairTruth } from '../fixtures/compare/pairs'
import { writeRelease } from '../fixtures/compare/writeRelease'
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
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
      }
    )
  })
}

/** A page of other papers altogether: a council's minutes. */
async function unrelatedPaper(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595, 842])
  const lines = [
    'Minutes of the Parks and Reserves Committee, held in the council chambers at 9.30 am.',
    'Present: the chair, four councillors and the reserves manager. Apologies were received.',
    'The committee heard a deputation on dog exercise areas at the river mouth and the beach.',
    'Resolved that the playground renewal at Kowhai Park proceed within the approved budget.',
    'The meeting closed at 11.05 am with a karakia.'
  ]
  lines.forEach((line, k) => page.drawText(line, { x: 72, y: 760 - 18 * k, size: 11, font }))
  return doc.save()
}

let dir: string
let truth: PairTruth

beforeAll(async () => {
  await ensureCliBuilt()
  dir = await mkdtemp(join(tmpdir(), 'withheld-diff-'))
  // The mixed pair: re-typeset, a cover letter in front, lifted, kept, ground-changed, added boxes
  // and a page withheld in full then released.
  const spec = pairSpecs('cli').find((s) => s.pairCase === 'mixed')!
  const older = await writeRelease(spec.papers, spec.older)
  const newer = await writeRelease(spec.papers, spec.newer)
  truth = truthOf(spec, older, newer)
  await writeFile(join(dir, 'first.pdf'), older.bytes)
  await writeFile(join(dir, 'second.pdf'), newer.bytes)
  await writeFile(join(dir, 'unrelated.pdf'), await unrelatedPaper())
  await writeFile(join(dir, 'not-a-pdf.pdf'), '<!doctype html><title>403 Forbidden</title>')
}, 120_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

const count = (changes: readonly { status: string }[], status: string): number =>
  changes.filter((c) => c.status === status).length

describe('withheld diff', () => {
  it('prints withheld.diff/1 with every change of the pair and exits 0', async () => {
    const run = await withheld(['diff', join(dir, 'first.pdf'), join(dir, 'second.pdf')])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout) as DiffResult
    expect(result.format).toBe('withheld.diff/1')
    expect(result.old.file).toBe('first.pdf')
    expect(result.new.file).toBe('second.pdf')
    expect(result.old.sha256).toMatch(/^[0-9a-f]{64}$/)
    for (const status of ['lifted', 'kept', 'ground-changed', 'added'])
      expect(count(result.changes, status), status).toBe(count(truth.changes, status))
    expect(result.pagesReleased).toEqual(truth.pagesReleased)
    const lifted = truth.changes.find((c) => c.status === 'lifted' && c.revealedText)!
    expect(result.changes.map((c) => c.revealedText)).toContain(lifted.revealedText)
    for (const change of result.changes) {
      const side = change.old ?? change.new!
      expect(side.bbox).toHaveLength(4)
      expect(side.bbox[0]).toBeLessThan(side.bbox[2])
    }
  }, 120_000)

  it('writes Markdown to --out', async () => {
    const out = join(dir, 'changes.md')
    const run = await withheld([
      'diff',
      join(dir, 'first.pdf'),
      join(dir, 'second.pdf'),
      '--format',
      'md',
      '--out',
      out
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    const md = await readFile(out, 'utf8')
    expect(md).toContain('# Changes between releases')
    expect(md).toContain(`- Lifted: ${count(truth.changes, 'lifted')}`)
  }, 120_000)

  it('exits 2 with one line when a file is not a PDF', async () => {
    const run = await withheld(['diff', join(dir, 'first.pdf'), join(dir, 'not-a-pdf.pdf')])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/^withheld: not-a-pdf\.pdf: /)
  }, 120_000)

  it('exits 2 with one line when the two files share no pages', async () => {
    const run = await withheld(['diff', join(dir, 'first.pdf'), join(dir, 'unrelated.pdf')])
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain('share no pages')
  }, 120_000)
})
