// OCR of scanned pages with the real tesseract.js:
// - quality on a small labelled scan (labels printed inline, in the margin and inside boxes, and a
//   placeholder page), against the scan floors in tests/eval/floors.json (raise them, never lower);
// - a scanned response letter (no text layer) read for the grounds it cites;
// - offline: the built analysis worker, run with every network call refused in the process and in
//   its worker threads (blockNetwork.cjs), still reads the labels and never tries the network.
import { fork } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { PDFDocument } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisRequest } from '@shared/analysis'
import type { ScanPage } from '@core/types'
import { scanPdfBytes } from '@node/scanPdf'
import { generateScanCorpus, type ScanCorpus } from '../fixtures/scans/generateScans'
import { formatScanSummary, scoreScanResult, type ScanEvalSummary } from '../eval/scans'
import { readLetterGrounds } from '../../src/cli/reportLetter'
import { cliWorkerEntry, ensureCliBuilt, repoRoot } from './cliSupport'

interface ScanFloors {
  readonly scanBoxF1: number
  readonly scanGroundAccuracy: number
  readonly scanWithheldInFullF1: number
}

const floors = JSON.parse(readFileSync(resolve(repoRoot, 'tests/eval/floors.json'), 'utf8')) as ScanFloors
/** The quick scan corpus of `npm run eval -- quick`: 6 pages (~30 boxes, ~14 labels, a placeholder page). */
const PAGES = 6
const SEED = 5

describe('OCR on a small generated scan', () => {
  let corpus: ScanCorpus
  let summary: ScanEvalSummary

  beforeAll(async () => {
    corpus = await generateScanCorpus(PAGES, SEED, { labels: true, placeholders: true })
    const started = performance.now()
    const result = await scanPdfBytes(corpus.pdf, 'scans.pdf', { revealLeaks: false })
    summary = scoreScanResult(corpus, result, performance.now() - started)
    console.log(formatScanSummary(summary))
  }, 180_000)

  it('reads ground labels and placeholder pages at or above the scan floors', () => {
    expect(summary.grounds.labelled).toBeGreaterThanOrEqual(10)
    expect(summary.boxes.f1).toBeGreaterThanOrEqual(floors.scanBoxF1)
    expect(summary.grounds.accuracy).toBeGreaterThanOrEqual(floors.scanGroundAccuracy)
    expect(summary.grounds.falseGrounds).toBe(0)
    expect(summary.withheldInFull.truePositives).toBeGreaterThanOrEqual(1)
    expect(summary.withheldInFull.f1).toBeGreaterThanOrEqual(floors.scanWithheldInFullF1)
  })
})

describe('OCR in the analysis worker, offline', () => {
  beforeAll(async () => {
    await ensureCliBuilt()
  }, 180_000)

  it('reads labels with every network call refused, in the process and its threads', async () => {
    const corpus = await generateScanCorpus(4, SEED, { labels: true, placeholders: true })
    const child = fork(cliWorkerEntry, [], {
      execArgv: ['--require', join(repoRoot, 'tests', 'integration', 'blockNetwork.cjs')],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc']
    })
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const pages: ScanPage[] = []
    const end = await new Promise<unknown>((done, fail) => {
      child.on('message', (message: { type?: string; page?: ScanPage }) => {
        if (message.type === 'page' && message.page) pages.push(message.page)
        if (message.type === 'done' || message.type === 'failed') done(message)
      })
      child.once('exit', (code) => fail(new Error(`worker exited with ${code}: ${stderr}`)))
      const request: AnalysisRequest = {
        type: 'analyse',
        bytes: corpus.pdf,
        fileName: 'scan.pdf',
        options: { revealLeaks: false }
      }
      child.send(request)
    })
    child.kill('SIGKILL')
    expect(end).toMatchObject({ type: 'done' })
    // The blocker ran inside tesseract.js's worker thread, and nothing tried the network.
    expect(stderr).toContain('network blocker active in a worker thread')
    expect(stderr).not.toContain('network attempt')
    const labelled = pages
      .flatMap((p) => p.redactions)
      .filter((r) => r.source === 'raster' && r.grounds.length > 0)
    expect(labelled.length).toBeGreaterThanOrEqual(3)
    expect(pages[3]).toMatchObject({ withheldInFull: true })
  }, 120_000)
})

describe('a scanned response letter', () => {
  it('is read with OCR for the grounds it cites', async () => {
    // An A4 letter printed and scanned at 200 dpi: one page image, no text layer.
    const k = 200 / 72
    const canvas = createCanvas(Math.round(595 * k), Math.round(842 * k))
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = '#f4f4f2'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.scale(k, k)
    ctx.fillStyle = '#111'
    ctx.font = '11px DejaVu Serif'
    const letter = [
      'Dear Ms Citizen,',
      'Some information is withheld under sections 9(2)(a) and (g)(i) of the Official',
      'Information Act 1982, and a document is refused under section 18(d).',
      'Yours sincerely,'
    ]
    letter.forEach((line, i) => ctx.fillText(line, 72, 120 + i * 18))
    const doc = await PDFDocument.create()
    const page = doc.addPage([595, 842])
    page.drawImage(await doc.embedJpg(await canvas.encode('jpeg', 80)), {
      x: 0,
      y: 0,
      width: 595,
      height: 842
    })
    const dir = mkdtempSync(join(tmpdir(), 'withheld-ocr-letter-'))
    try {
      writeFileSync(join(dir, 'letter.pdf'), await doc.save())
      expect(await readLetterGrounds(join(dir, 'letter.pdf'))).toMatchObject({
        ok: true,
        codes: ['9(2)(a)', '9(2)(g)(i)', '18(d)']
      })
      expect(await readLetterGrounds(join(dir, 'letter.pdf'), 60_000, false)).toMatchObject({
        ok: true,
        codes: []
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
