/**
 * The printed report is fit to attach to a complaint (issue 10, point 4), checked on the PDF Chromium
 * prints, as a reader meets it: every page carries the running header and "Page n of N"; no page of
 * the register holds its last row alone; the CLI's pictures are the real pages (an image in the PDF
 * showing the page's words), not blank outlines. Skips, saying why, where Chromium or poppler is absent.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildReport, renderHtml, type Report } from '@core/report'
import { reportInputFromScans } from '@core/report/fromScans'
import { summarise } from '@core/scan/scanDocument'
import { ENGINE_VERSION, SCAN_SCHEMA, type ScanPage, type ScanRedaction, type ScanResult } from '@core/types'
import { sha256Hex } from '@node/importFiles'
import { findChrome, printHtmlToPdf } from '../../src/cli/reportPdf'
import { reportPictures } from '../../src/cli/reportPictures'

const chrome = findChrome()
const poppler = ['/usr/bin/pdftotext', '/usr/bin/pdfimages'].every((tool) => existsSync(tool))
const why = !chrome ? 'no Chromium to print with' : !poppler ? 'poppler-utils (pdftotext) not installed' : ''
if (why) console.warn(`reportPrint.test.ts skipped: ${why}`)

const FILE = 'Agency_2026-0412_Briefing_to_the_Minister.pdf'
let dir = ''
let bytes: Uint8Array = new Uint8Array()

/** One page of prose with a black box over the middle of a line and its label beside it. */
async function briefing(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595, 842])
  for (let i = 0; i < 30; i++)
    page.drawText(`Line ${i + 1}: the officials advised the Minister on the housing package.`, {
      x: 72,
      y: 760 - i * 20,
      size: 11,
      font
    })
  page.drawRectangle({ x: 150, y: 737, width: 200, height: 14, color: rgb(0, 0, 0) })
  page.drawText('s9(2)(a)', { x: 470, y: 740, size: 9, font })
  return doc.save()
}

const box = (i: number): ScanRedaction => ({
  bbox: [72, 60 + i * 20, 300, 74 + i * 20],
  kind: 'black',
  source: 'vector',
  confidence: 0.99,
  // A label per row, to count the register's rows on each printed page.
  label: `ROW${String(i + 1).padStart(4, '0')}`,
  grounds: ['9(2)(a)'],
  leak: null,
  leakedText: null,
  evidence: ['label'],
  status: 'found',
  passage: null
})

function scanOf(rows: number): ScanResult {
  const pages = Array.from({ length: Math.ceil(rows / 30) }, (_, index): ScanPage => ({
    index,
    width: 595,
    height: 842,
    rotation: 0,
    scanned: false,
    hasTextLayer: true,
    withheldInFull: false,
    redactions: Array.from({ length: Math.min(30, rows - index * 30) }, (_, i) => box(i))
  }))
  return {
    schema: SCAN_SCHEMA,
    engine: ENGINE_VERSION,
    file: FILE,
    sha256: sha256Hex(bytes),
    pageCount: pages.length,
    producer: null,
    regime: 'nz-oia',
    pages,
    summary: summarise(pages)
  }
}

function reportOf(rows: number, thumbnails: boolean): Report {
  const input = reportInputFromScans(
    [scanOf(rows)],
    {
      name: 'DOIA 2526-0412',
      agency: 'Ministry of Housing',
      requestRef: '',
      requestDate: '',
      responseDate: '2026-04-14',
      regime: 'unknown',
      notes: ''
    },
    { includeLeakedText: false, scopeLabel: FILE, thumbnails },
    '2026-05-01T09:00:00.000Z'
  )
  return buildReport(input)
}

async function print(report: Report, name: string, pageImages?: Map<string, string>): Promise<string> {
  const out = join(dir, name)
  await printHtmlToPdf(
    chrome!,
    renderHtml(report, { paper: 'a4', ...(pageImages ? { pageImages } : {}) }),
    out
  )
  return out
}

/** The text of each printed page (pdftotext keeps page breaks as form feeds). */
function pageTexts(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  return text.split('\f').slice(0, -1)
}

const rowsOn = (text: string): number => text.match(/ROW\d{4}/g)?.length ?? 0

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'withheld-report-print-'))
  bytes = await briefing()
  await writeFile(join(dir, FILE), bytes)
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe.skipIf(why !== '')('the printed report', () => {
  it('carries the running header and "Page n of N" on every page', async () => {
    const pages = pageTexts(await print(reportOf(60, false), 'numbered.pdf'))
    expect(pages.length).toBeGreaterThan(2)
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`)
      expect(text).toContain('DOIA 2526-0412 · Ministry of Housing · 2026-04-14')
    })
  })

  it('never leaves the register’s last row alone on a page', async () => {
    // Find how many rows the register's pages hold, then print one row more than fills them.
    const probe = pageTexts(await print(reportOf(120, false), 'probe.pdf'))
    const counts = probe.map(rowsOn).filter((n) => n > 0)
    const [first = 0, second = 0] = counts
    expect(second).toBeGreaterThan(5)
    const rows = first + second + 1
    const pages = pageTexts(await print(reportOf(rows, false), 'orphan.pdf'))
    const perPage = pages.map(rowsOn).filter((n) => n > 0)
    expect(perPage.reduce((a, b) => a + b, 0)).toBe(rows)
    expect(Math.min(...perPage)).toBeGreaterThanOrEqual(2)
    // And no page holds nothing but the running header and page number (a stray footer).
    for (const text of pages)
      expect(text.replace(/DOIA.*|Redaction report|withheld.*|Page \d+ of \d+/g, '').trim()).not.toBe('')
  })

  it('draws the boxes over a picture of the real page (the CLI drew blank outlines)', async () => {
    const report = reportOf(1, true)
    const pictures = await reportPictures(report, [dir])
    expect(pictures.notes).toEqual([])
    expect([...pictures.images.values()]).toHaveLength(1)
    const pdf = await print(report, 'pictured.pdf', pictures.images)
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
    // One picture, 720 px wide: half a landscape sheet at ~170 dpi, its words readable.
    expect(images).toHaveLength(1)
    expect(images[0]?.trim().split(/\s+/)[3]).toBe('720')
  })

  it('leaves a file changed since its scan as an outline, and says so', async () => {
    const changed = join(dir, 'changed')
    await mkdir(changed)
    await writeFile(join(changed, FILE), new Uint8Array([...bytes, 10]))
    const pictures = await reportPictures(reportOf(1, true), [changed])
    expect(pictures.images.size).toBe(0)
    expect(pictures.notes).toEqual([
      `${FILE}: pages drawn as outlines (the file changed since it was scanned).`
    ])
  })
})
