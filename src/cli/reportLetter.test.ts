// `withheld report --letter … --paper …`: the letter's grounds read from its text and reconciled with
// the redactions' grounds; the paper chosen for the print. Real PDFs (pdf-lib), the built worker.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '@core/report/types'
import { cliWorkerEntry, ensureCliBuilt } from '../../tests/integration/cliSupport'
import { runReport } from './report'
import { parseReportArgs, type ReportCommand } from './reportArgs'
import { readLetterGrounds } from './reportLetter'

let dir = ''

async function textPdf(lines: readonly string[], boxLabels: readonly string[] = []): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595, 842])
  lines.forEach((line, i) => page.drawText(line, { x: 72, y: 770 - i * 16, size: 11, font }))
  boxLabels.forEach((label, i) => {
    const y = 600 - i * 60
    page.drawRectangle({ x: 72, y, width: 300, height: 14, color: rgb(0, 0, 0) })
    page.drawText(label, { x: 380, y: y + 3, size: 9, font })
  })
  return doc.save()
}

const LETTER = [
  'Dear Ms Citizen,',
  'Some information is withheld under sections 9(2)(a) and (g)(i) of the Official',
  'Information Act 1982, and a document is refused under section 18(d).'
]

/** A Chicago police response: the Illinois FOIA, which Withheld has no catalogue for. */
const ILLINOIS_LETTER = [
  'Chicago Police Department, FOIA Section',
  'Portions of the records are withheld under Section 7(1)(c) and 5 ILCS 140/7(1)(d)(v)',
  'of the Illinois Freedom of Information Act.'
]

beforeAll(async () => {
  await ensureCliBuilt()
  dir = await mkdtemp(join(tmpdir(), 'withheld-report-letter-'))
  await writeFile(join(dir, 'letter.pdf'), await textPdf(LETTER))
  await writeFile(join(dir, 'scan.pdf'), await textPdf([]))
  await writeFile(
    join(dir, 'briefing.pdf'),
    await textPdf(['Briefing to the Minister'], ['s9(2)(a)', 's6(a)'])
  )
  await writeFile(join(dir, 'notes.pdf'), 'not a PDF at all')
  await writeFile(join(dir, 'illinois-letter.pdf'), await textPdf(ILLINOIS_LETTER))
}, 120_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('readLetterGrounds', () => {
  it('reads the grounds the letter cites, continuation lists included', async () => {
    expect(await readLetterGrounds(join(dir, 'letter.pdf'))).toMatchObject({
      ok: true,
      codes: ['9(2)(a)', '9(2)(g)(i)', '18(d)'],
      text: expect.stringContaining('Official') as unknown
    })
  })

  it('finds nothing in a letter without text, and refuses a file that is not a PDF by name', async () => {
    expect(await readLetterGrounds(join(dir, 'scan.pdf'))).toMatchObject({ ok: true, codes: [] })
    const bad = await readLetterGrounds(join(dir, 'notes.pdf'))
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.message).toMatch(/^notes\.pdf: /)
    expect(await readLetterGrounds(join(dir, 'missing.pdf'))).toEqual({
      ok: false,
      message: 'missing.pdf: the response letter could not be read.'
    })
  })
})

function io() {
  const err: string[] = []
  return {
    err,
    io: {
      stdout: { write: () => true, isTTY: false },
      stderr: { write: (s: string) => err.push(s) > 0, isTTY: false }
    } as unknown as Parameters<typeof runReport>[1]
  }
}

const command = (args: string[]): ReportCommand => {
  const parsed = parseReportArgs(args)
  if (parsed.command !== 'report') throw new Error(JSON.stringify(parsed))
  return parsed
}

describe('runReport with --letter and --paper', () => {
  it('reconciles the letter with the redactions and prints on the paper asked for', async () => {
    const out = join(dir, 'report.json')
    const { io: cliIo, err } = io()
    const args = [
      join(dir, 'briefing.pdf'),
      '--format',
      'json',
      '--out',
      out,
      '--letter',
      join(dir, 'letter.pdf')
    ]
    expect(await runReport(command(args), cliIo, cliWorkerEntry)).toBe(0)
    expect(err.join('')).toBe('')
    const report = JSON.parse(await readFile(out, 'utf8')) as Report
    expect(report.reconciliation).toMatchObject({
      letterGrounds: ['9(2)(a)', '9(2)(g)(i)', '18(d)'],
      citedNotUsed: ['9(2)(g)(i)', '18(d)'],
      usedNotCited: ['6(a)']
    })

    const html = join(dir, 'report.html')
    const htmlArgs = [join(dir, 'briefing.pdf'), '--out', html, '--paper', 'letter']
    expect(await runReport(command(htmlArgs), cliIo, cliWorkerEntry)).toBe(0)
    expect(await readFile(html, 'utf8')).toContain('@page register { size: letter landscape; }')
  })

  it('warns when the letter cites nothing readable, and stops before scanning on a bad letter', async () => {
    const out = join(dir, 'plain.json')
    const quiet = io()
    const args = [
      join(dir, 'briefing.pdf'),
      '--format',
      'json',
      '--out',
      out,
      '--letter',
      join(dir, 'scan.pdf')
    ]
    expect(await runReport(command(args), quiet.io, cliWorkerEntry)).toBe(0)
    expect(quiet.err.join('')).toMatch(/^withheld: scan\.pdf: the letter cites no ground/)
    expect((JSON.parse(await readFile(out, 'utf8')) as Report).reconciliation).toBeNull()

    const bad = io()
    const badArgs = [
      join(dir, 'briefing.pdf'),
      '--out',
      join(dir, 'x.html'),
      '--letter',
      join(dir, 'notes.pdf')
    ]
    expect(await runReport(command(badArgs), bad.io, cliWorkerEntry)).toBe(2)
    expect(bad.err).toHaveLength(1)
  })
})

describe('runReport with a letter under a law Withheld does not support', () => {
  it('names the statute it saw, gives no advice and prints on US Letter', async () => {
    const out = join(dir, 'illinois.json')
    const { io: cliIo, err } = io()
    const args = [
      join(dir, 'briefing.pdf'),
      '--format',
      'json',
      '--out',
      out,
      '--letter',
      join(dir, 'illinois-letter.pdf')
    ]
    expect(await runReport(command(args), cliIo, cliWorkerEntry)).toBe(0)
    expect(err.join('')).toContain(
      'illinois-letter.pdf: the letter cites “5 ILCS 140/7(1)(d)(v)” (Illinois Freedom of Information Act (5 ILCS 140)), which Withheld does not support yet'
    )
    const report = JSON.parse(await readFile(out, 'utf8')) as Report
    expect(report.cover.regime).toBe('unknown')
    expect(report.cover.regimeName).toMatch(/^Not supported yet: Illinois/)
    expect(report.cover.unsupportedStatute?.citation).toBe('5 ILCS 140/7(1)(d)(v)')
    // The boxes cite NZ codes, yet the letter's law decides: no OIA advice for an Illinois release.
    expect(report.generalAsks).toEqual([])
    expect(report.grounds.every((g) => g.whatToAsk.length === 0)).toBe(true)

    const html = join(dir, 'illinois.html')
    const htmlArgs = [join(dir, 'briefing.pdf'), '--out', html, '--letter', join(dir, 'illinois-letter.pdf')]
    expect(await runReport(command(htmlArgs), io().io, cliWorkerEntry)).toBe(0)
    const text = await readFile(html, 'utf8')
    expect(text).toContain('@page register { size: letter landscape; }')
    expect(text).not.toMatch(/Ombudsman|19\(a\)/)
  })
})
