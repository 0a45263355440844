// Issue 10 point 11: bytes before `%PDF-` (a mail gateway's headers, a scanner's preamble). pdf.js and
// poppler open such files, so the CLI and the app's import must too, and find the same redaction as in
// the clean file; what pdf.js cannot open (an HTML error page) is still refused in one sentence.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisEvent } from '@shared/analysis'
import type { ScanResult } from '@core/types'
import { nodeSpawner } from '@node/analysisHost'
import { createMainServices } from '../../src/main/services'
import { cliEntry, cliWorkerEntry, ensureCliBuilt } from './cliSupport'

/** 60 mail headers: 2,880 bytes, well past the 1024 bytes in which pdf.js looks for the version. */
const MAIL_HEADERS = Buffer.from('From: scanner@agency.example\r\nSubject: Scan 0042\r\n\r\n'.repeat(60))
const SHORT_JUNK = Buffer.from('\r\n\r\nContent-Type: application/pdf\r\n\r\n')

async function briefing(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595, 842])
  page.drawText('The minister was advised on the matter in March.', { x: 72, y: 760, size: 11, font })
  page.drawRectangle({ x: 72, y: 700, width: 300, height: 14, color: rgb(0, 0, 0) })
  page.drawText('s9(2)(a)', { x: 380, y: 703, size: 9, font })
  return doc.save()
}

function scan(path: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliEntry, 'scan', path], (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

const boxesOf = (result: ScanResult): unknown[] =>
  result.pages.flatMap((page) => page.redactions.map(({ bbox, grounds }) => ({ bbox, grounds })))

let dir: string
let clean: Uint8Array

beforeAll(async () => {
  await ensureCliBuilt()
  dir = await mkdtemp(join(tmpdir(), 'withheld-junk-'))
  clean = await briefing()
  await writeFile(join(dir, 'clean.pdf'), clean)
  await writeFile(join(dir, 'mailed.pdf'), Buffer.concat([MAIL_HEADERS, clean]))
  await writeFile(join(dir, 'preamble.pdf'), Buffer.concat([SHORT_JUNK, clean]))
  await writeFile(join(dir, 'error-page.pdf'), '<!doctype html><title>403 Forbidden</title>')
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('withheld scan on a file with bytes before %PDF-', () => {
  it.each([['mailed.pdf'], ['preamble.pdf']])('finds in %s what it finds in the clean file', async (name) => {
    const [reference, junk] = await Promise.all([scan(join(dir, 'clean.pdf')), scan(join(dir, name))])
    expect(reference.code).toBe(0)
    expect(junk.stderr).toBe('')
    expect(junk.code).toBe(0)
    const expected = JSON.parse(reference.stdout) as ScanResult
    const got = JSON.parse(junk.stdout) as ScanResult
    expect(got.pageCount).toBe(1)
    expect(boxesOf(expected)).toHaveLength(1)
    expect(boxesOf(got)).toEqual(boxesOf(expected))
  })

  it('still refuses an HTML page saved as .pdf, in one sentence', async () => {
    const run = await scan(join(dir, 'error-page.pdf'))
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('withheld: error-page.pdf: The file is not a PDF (it has no %PDF- header).\n')
  })
})

describe('the app import path (main services) on a file with bytes before %PDF-', () => {
  const services = createMainServices({
    spawner: nodeSpawner(),
    workerEntry: cliWorkerEntry,
    limits: { concurrency: 1 }
  })
  afterAll(() => services.dispose())

  it('imports it, hashes the file as it is, and analyses it to the end', async () => {
    const imported = await services.importPaths([join(dir, 'mailed.pdf'), join(dir, 'error-page.pdf')])
    expect(imported.files.map((file) => file.name)).toEqual(['mailed.pdf'])
    expect(imported.rejected).toEqual([
      { name: 'error-page.pdf', message: '“error-page.pdf” is not a PDF (it has no %PDF- header).' }
    ])
    const file = imported.files[0]!
    expect(file.byteSize).toBe(MAIL_HEADERS.byteLength + clean.byteLength)
    const events: AnalysisEvent[] = []
    const { finished } = await services.startAnalysis(
      { jobId: 'mailed', bytes: file.bytes, fileName: file.name, options: { revealLeaks: false } },
      (event) => events.push(event)
    )
    await finished
    expect(events[0]?.type).toBe('meta')
    expect(events.at(-1)?.type).toBe('done')
    const redactions = events.flatMap((event) => (event.type === 'page' ? event.page.redactions : []))
    expect(redactions).toHaveLength(1)
  })
})
