// The built `withheld report` command on generated PDFs whose file names and printed labels are
// hostile (an HTML payload, a spreadsheet formula): every format read back, no injection, no
// neutralised-formula escape, no machine strings; PDF printed when Chromium is installed.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '@core/report/types'
import { REPORT_CSV_HEADER } from '@core/report/renderCsv'
import { cliEntry, ensureCliBuilt } from './cliSupport'
import { auditHtml, machinePatterns, parseCsv } from './reportSupport'

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { maxBuffer: 64 * 1024 * 1024, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout: String(stdout), stderr: String(stderr) })
    })
  })
}

const withheld = (args: readonly string[], env?: NodeJS.ProcessEnv): Promise<Run> =>
  run(process.execPath, [cliEntry, ...args], env)

const IMG_PAYLOAD = '<img src=x onerror=alert(1)>'
const FORMULA = '=HYPERLINK("http://evil")'
const HIDDEN = 'SECRETNAME4242'

/** A page per entry of `labels`: black boxes with the label printed beside each, text under the first. */
async function release(labels: readonly string[], pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842])
    page.drawText('The minister was advised on the matter in March.', { x: 72, y: 760, size: 11, font })
    page.drawText(`${HIDDEN} was consulted.`, { x: 76, y: 703, size: 9, font })
    labels.forEach((label, i) => {
      const y = 700 - i * 60
      page.drawRectangle({ x: 72, y, width: 300, height: 14, color: rgb(0, 0, 0) })
      page.drawText(label, { x: 380, y: y + 3, size: 9, font })
    })
  }
  return doc.save()
}

let dir: string
let inputs: string

beforeAll(async () => {
  await ensureCliBuilt()
  dir = await mkdtemp(join(tmpdir(), 'withheld-report-cli-'))
  inputs = join(dir, 'in')
  await mkdir(inputs)
  await writeFile(
    join(inputs, `${IMG_PAYLOAD}.pdf`),
    await release([`s9(2)(a) ${IMG_PAYLOAD}`, IMG_PAYLOAD], 1)
  )
  // A file name cannot hold "/": the URL's slashes become underscores.
  await writeFile(
    join(inputs, '=HYPERLINK("http:__evil").pdf'),
    await release([`${FORMULA} s6(a)`, FORMULA], 2)
  )
}, 120_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

function expectNoMachineStrings(text: string): void {
  expect(text).not.toContain(dir)
  for (const pattern of machinePatterns()) expect(text).not.toMatch(pattern)
}

describe('withheld report', () => {
  let json: Report

  beforeAll(async () => {
    const out = join(dir, 'report.json')
    const r = await withheld(['report', inputs, '--format', 'json', '--out', out])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    json = JSON.parse(await readFile(out, 'utf8')) as Report
  }, 120_000)

  it('JSON: withheld.report/1 with every redaction the scan found, leaked text withheld', async () => {
    const scan = await withheld(['scan', inputs])
    const scans = JSON.parse(scan.stdout) as { summary: { redactions: number } }[]
    expect(json.schema).toBe('withheld.report/1')
    expect(json.summary.documents).toBe(2)
    expect(json.summary.pages).toBe(3)
    expect(json.summary.redactions).toBe(scans.reduce((n, s) => n + s.summary.redactions, 0))
    expect(json.summary.redactions).toBeGreaterThanOrEqual(6)
    expect(json.register).toHaveLength(json.summary.redactions)
    expect(json.register.every((r) => r.status === 'unreviewed' && r.note === '')).toBe(true)
    expect(json.summary.leaks).toBeGreaterThan(0)
    const raw = JSON.stringify(json)
    expect(raw).not.toContain(HIDDEN)
    expectNoMachineStrings(raw)
  })

  it('HTML: one register row per redaction, the hostile names and labels inert', async () => {
    const out = join(dir, 'report.html')
    const r = await withheld(['report', inputs, '--format', 'html', '--out', out])
    expect(r.code).toBe(0)
    const html = await readFile(out, 'utf8')
    const { dom, intruders } = auditHtml(html)
    expect(intruders).toEqual([])
    const rows = [...dom.window.document.querySelectorAll('#register tbody tr')]
    expect(rows).toHaveLength(json.register.length)
    expect(rows.map((tr) => tr.children[1]?.textContent)).toContain(`${IMG_PAYLOAD}.pdf`)
    expect(html).not.toContain(HIDDEN)
    expectNoMachineStrings(html)
    // Written atomically: no temporary file left beside it.
    expect((await readdir(dir)).filter((name) => name.includes('.tmp'))).toEqual([])
  })

  it('CSV: one record per redaction, the formula file name neutralised', async () => {
    const out = join(dir, 'report.csv')
    const r = await withheld(['report', inputs, '--format', 'csv', '--out', out])
    expect(r.code).toBe(0)
    const text = await readFile(out, 'utf8')
    const records = parseCsv(text)
    expect(records[0]).toEqual([...REPORT_CSV_HEADER])
    expect(records.length - 1).toBe(json.register.length)
    const documents = new Set(records.slice(1).map((rec) => rec[1]))
    expect(documents).toEqual(new Set([`${IMG_PAYLOAD}.pdf`, `'=HYPERLINK("http:__evil").pdf`]))
    for (const record of records) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r\0]/)
    expectNoMachineStrings(text)
  })

  it('Markdown: the register and no raw HTML from the file names', async () => {
    const out = join(dir, 'report.md')
    const r = await withheld(['report', inputs, '--format', 'md', '--out', out])
    expect(r.code).toBe(0)
    const md = await readFile(out, 'utf8')
    expect(md).toMatch(/^# Redaction report: Release of 2 documents\n/)
    expect(md).not.toContain('<img')
    expect(md.split('\n').filter((line) => /^\| \d+ \| /.test(line)).length).toBeGreaterThanOrEqual(
      json.register.length
    )
    expectNoMachineStrings(md)
  })

  it('prints leaked text only with --include-leaked-text', async () => {
    const out = join(dir, 'leaky.html')
    const r = await withheld(['report', inputs, '--include-leaked-text', '--out', out])
    expect(r.code).toBe(0)
    expect(await readFile(out, 'utf8')).toContain(HIDDEN)
  })

  it('PDF: printed by Chromium when installed, else exit 2 naming the other formats', async () => {
    const out = join(dir, 'report.pdf')
    const missing = await withheld(['report', inputs, '--format', 'pdf', '--out', out], {
      ...process.env,
      WITHHELD_CHROME: join(dir, 'no-such-browser')
    })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/--format html .*csv, json or md/)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    if (!existsSync('/usr/bin/chromium')) return
    const r = await withheld(['report', inputs, '--format', 'pdf', '--out', out])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const pdf = await readFile(out)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // Compressed stream bytes are noise in which a short user or host name turns up by chance;
    // what a reader of the file sees is its dictionaries and strings, and the text on its pages.
    expectNoMachineStrings(pdf.toString('latin1').replace(/stream\r?\n[\s\S]*?endstream/g, ''))
    if (existsSync('/usr/bin/pdftotext')) {
      const text = await run('/usr/bin/pdftotext', [out, '-'])
      expect(text.code).toBe(0)
      expect(text.stdout).toContain('s9(2)(a)')
      expectNoMachineStrings(text.stdout)
    }
    if (!existsSync('/usr/bin/pdftoppm')) return
    const pngs = join(dir, 'png')
    await mkdir(pngs)
    const raster = await run('/usr/bin/pdftoppm', ['-r', '60', '-png', out, join(pngs, 'page')])
    expect(raster.code).toBe(0)
    expect((await readdir(pngs)).length).toBeGreaterThanOrEqual(2)
  }, 120_000)

  it('refuses bad arguments with one line and exit 2', async () => {
    const noOut = await withheld(['report', inputs])
    expect(noOut.code).toBe(2)
    expect(noOut.stderr).toMatch(/^withheld: report needs --out PATH/)
    const noFolder = await withheld(['report', inputs, '--out', join(dir, 'missing', 'r.html')])
    expect(noFolder.code).toBe(2)
    expect(noFolder.stderr).toBe('withheld: r.html: the folder to write the report into does not exist.\n')
    const badFormat = await withheld(['report', inputs, '--format', 'xlsx', '--out', join(dir, 'r.x')])
    expect(badFormat.code).toBe(2)
    expect(badFormat.stderr).toMatch(/--format needs one of html, csv, json, md, pdf/)
  })
})
