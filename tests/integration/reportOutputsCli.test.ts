// Where `withheld report` writes and what `--progress` prints, through the built CLI as a user runs
// it (stderr a pipe, not a terminal): the format from --out's extension, a contradiction refused in
// one line, several formats from ONE scan (analyses counted by the worker itself), per-file lines.
import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '@core/report/types'
import { runReport } from '../../src/cli/report'
import { parseReportArgs } from '../../src/cli/reportArgs'
import { cliEntry, cliWorkerEntry, ensureCliBuilt } from './cliSupport'
import { parseCsv } from './reportSupport'

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
        resolve({ code, stdout: String(stdout), stderr: String(stderr) })
      }
    )
  })
}

/** One page per label: a black box with the ground printed beside it. */
async function briefing(labels: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (const label of labels) {
    const page = doc.addPage([595, 842])
    page.drawText('The minister was advised on the matter in March.', { x: 72, y: 760, size: 11, font })
    page.drawRectangle({ x: 72, y: 700, width: 300, height: 14, color: rgb(0, 0, 0) })
    page.drawText(label, { x: 380, y: 703, size: 9, font })
  }
  return doc.save()
}

const hasChromium = (): boolean => existsSync('/usr/bin/chromium')

let dir = ''
let inputs = ''

beforeAll(async () => {
  await ensureCliBuilt()
  dir = await mkdtemp(join(tmpdir(), 'withheld-report-outputs-'))
  inputs = join(dir, 'in')
  await mkdir(inputs)
  await writeFile(join(inputs, 'a.pdf'), await briefing(['s9(2)(a)']))
  await writeFile(join(inputs, 'b.pdf'), await briefing(['s6(a)', 's9(2)(g)(i)']))
}, 120_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('report: the format from --out', () => {
  it('writes a PDF for --out NAME.pdf without --format (it once wrote HTML there)', async () => {
    const out = join(dir, 'from-extension.pdf')
    const r = await withheld(['report', inputs, '--out', out])
    if (!hasChromium()) {
      // No browser: refused before scanning, and the refusal is about printing a PDF.
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/^withheld: --format pdf needs Chromium/)
      return
    }
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect((await readFile(out)).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  }, 120_000)

  it('writes JSON for --out NAME.json', async () => {
    const out = join(dir, 'from-extension.json')
    const r = await withheld(['report', join(inputs, 'a.pdf'), '--out', out])
    expect(r.code).toBe(0)
    expect((JSON.parse(await readFile(out, 'utf8')) as Report).schema).toBe('withheld.report/1')
  })

  it('refuses --format html --out x.pdf, and an extension that is no format, in one line, exit 2', async () => {
    const mismatch = await withheld(['report', inputs, '--format', 'html', '--out', join(dir, 'x.pdf')])
    expect(mismatch.code).toBe(2)
    expect(mismatch.stderr).toBe(
      `withheld: --format html does not match --out ${join(dir, 'x.pdf')} (a pdf file name); change one of them.\n`
    )
    const unknown = await withheld(['report', inputs, '--out', join(dir, 'x.docx')])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1)
    expect(unknown.stderr).toMatch(/“\.docx” is not a report format/)
    const files = await readdir(dir)
    expect(files.filter((name) => name.startsWith('x.'))).toEqual([])
  })
})

describe('report: several formats from one scan', () => {
  it('analyses each input once however many formats are written', async () => {
    // The worker the CLI runs, wrapped so that every analysis request it receives leaves a line.
    const counted = join(dir, 'analyses.txt')
    const countingWorker = join(dir, 'countingWorker.mjs')
    await writeFile(
      countingWorker,
      `import { appendFileSync } from 'node:fs'\n` +
        `process.on('message', (m) => { if (m && m.type === 'analyse') appendFileSync(${JSON.stringify(counted)}, m.fileName + '\\n') })\n` +
        `await import(${JSON.stringify(pathToFileURL(cliWorkerEntry).href)})\n`
    )
    const formats = hasChromium() ? 'html,csv,json,md,pdf' : 'html,csv,json,md'
    const base = join(dir, 'once')
    const parsed = parseReportArgs([inputs, '--format', formats, '--out', base])
    if (parsed.command !== 'report') throw new Error(JSON.stringify(parsed))
    const err: string[] = []
    const io = {
      stdout: { write: () => true, isTTY: false },
      stderr: { write: (s: string) => err.push(s) > 0, isTTY: false }
    } as unknown as Parameters<typeof runReport>[1]

    expect(await runReport(parsed, io, countingWorker)).toBe(0)
    expect(err.join('')).toBe('')
    expect((await readFile(counted, 'utf8')).split('\n').filter(Boolean).sort()).toEqual(['a.pdf', 'b.pdf'])

    // Every format holds the same register: one model, rendered once per format.
    const json = JSON.parse(await readFile(`${base}.json`, 'utf8')) as Report
    expect(json.summary.documents).toBe(2)
    expect(json.register.length).toBeGreaterThanOrEqual(3)
    expect(parseCsv(await readFile(`${base}.csv`, 'utf8')).length - 1).toBe(json.register.length)
    expect(await readFile(`${base}.html`, 'utf8')).toMatch(/^<!doctype html>/i)
    expect(await readFile(`${base}.md`, 'utf8')).toMatch(/^# Redaction report/)
    if (hasChromium()) expect((await readFile(`${base}.pdf`)).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  }, 180_000)

  it('writes report.EXT into a folder given as --out, scanning once (one progress line per file)', async () => {
    const folder = join(dir, 'reports')
    await mkdir(folder)
    const r = await withheld(['report', inputs, '--format', 'csv,json', '--out', folder, '--progress'])
    expect(r.code).toBe(0)
    expect((await readdir(folder)).sort()).toEqual(['report.csv', 'report.json'])
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines.map((line) => line.replace(/^\[\d\/2\] /, '').split(':')[0]).sort()).toEqual([
      'a.pdf',
      'b.pdf'
    ])
  }, 120_000)

  it('refuses a base name with a format extension, and a folder that does not exist', async () => {
    const withExtension = await withheld([
      'report',
      inputs,
      '--format',
      'html,csv',
      '--out',
      join(dir, 'r.html')
    ])
    expect(withExtension.code).toBe(2)
    expect(withExtension.stderr).toMatch(/^withheld: --format html,csv writes several files, .*\n$/)
    const missing = await withheld([
      'report',
      inputs,
      '--format',
      'html,csv',
      '--out',
      `${join(dir, 'nowhere')}/`
    ])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe('withheld: nowhere: the folder to write the reports into does not exist.\n')
  })
})

describe('scan --progress', () => {
  it('prints a line per file on stderr when stderr is not a terminal, results untouched on stdout', async () => {
    const bad = join(dir, 'bad')
    await mkdir(bad)
    await writeFile(join(bad, 'a.pdf'), await briefing(['s9(2)(a)']))
    await writeFile(join(bad, 'broken.pdf'), '<!doctype html><title>403 Forbidden</title>')
    const r = await withheld(['scan', bad, '--progress', '--jobs', '1'])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toHaveLength(1)
    // Lines come as files finish: a refused file may finish before one still being analysed.
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines.filter((l) => /^\[[12]\/2\] a\.pdf: 1 page, 1 redaction$/.test(l))).toHaveLength(1)
    const failed = lines.findIndex((l) => /^\[[12]\/2\] broken\.pdf: failed$/.test(l))
    expect(failed).toBeGreaterThan(0)
    expect(lines[failed - 1]).toMatch(/^withheld: broken\.pdf: /)
    expect(lines.map((l) => /^\[(\d)\/2\]/.exec(l)?.[1]).filter(Boolean)).toEqual(['1', '2'])
  })

  it('prints nothing but problems without it (no bar in a pipe)', async () => {
    const r = await withheld(['scan', join(inputs, 'a.pdf')])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toMatchObject({ file: 'a.pdf' })
  })
})

describe('stdout closed by its reader (withheld scan … | head)', () => {
  it('ends with the run’s own status and no stack trace', async () => {
    // The read end is closed before the CLI has started, so its first write meets EPIPE.
    const child = spawn(process.execPath, [cliEntry, 'scan', join(inputs, 'a.pdf')], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})
