// Generated extremes through `withheld scan` (security.md P8, P9, R4; issue 7): 5,000 pages, a
// 14,400 pt page, a 20,000 × 20,000 image, forms nested 150 deep, arrays and dictionaries nested
// 20,000 deep. Generated once into a temp folder (tests/fixtures/extremePdfs.ts), scanned as one
// batch: each file ends in a complete result or one clear line within the watchdog, and the
// 400 MB image is analysed inside a worker capped far below what decoding it would take.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisEvent } from '@shared/analysis'
import type { ScanResult } from '@core/types'
import { nodeSpawner } from '@node/analysisHost'
import { createMainServices } from '../../src/main/services'
import { extremePdfs, GIANT_PAGE_PT, LETTER_PT } from '../fixtures/extremePdfs'
import { cliEntry, cliWorkerEntry, ensureCliBuilt } from './cliSupport'

/** Per-step watchdog, as robustness.test.ts uses on a loaded 2-core machine. */
const STEP_TIMEOUT_S = 15
/** The batch takes ~10 s here (the 5,000 pages most of it); anything near this is a hang. */
const BATCH_LIMIT_MS = 120_000
/** Decoding the image would need 400 MB grey (1.6 GB RGBA); the worker idles near 100 MB. */
const IMAGE_WORKER_RSS_CAP_BYTES = 384 * 1024 * 1024

let work: string
let code: number
let stderr = ''
const results = new Map<string, ScanResult>()
const messages = new Map<string, string>()
let bytesOf: Record<string, Buffer> = {}

beforeAll(async () => {
  await ensureCliBuilt()
  work = await mkdtemp(join(tmpdir(), 'withheld-extremes-'))
  bytesOf = await extremePdfs()
  const inputs: string[] = []
  for (const [name, bytes] of Object.entries(bytesOf)) {
    inputs.push(join(work, name))
    await writeFile(join(work, name), bytes)
  }
  const out = join(work, 'out')
  const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [cliEntry, 'scan', ...inputs, '--out', out, '--jobs', '2', '--timeout', String(STEP_TIMEOUT_S)],
      { timeout: BATCH_LIMIT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr })
    )
  })
  code = run.code
  stderr = run.stderr
  for (const file of existsSync(out) ? await readdir(out) : []) {
    const result = JSON.parse(await readFile(join(out, file), 'utf8')) as ScanResult
    results.set(result.file, result)
  }
  for (const line of stderr.split('\n').filter(Boolean)) {
    const match = /^withheld: (.+?\.pdf): (.+)$/.exec(line)
    if (match) messages.set(match[1]!, match[2]!)
  }
}, BATCH_LIMIT_MS + 30_000)

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

describe('generated extremes through withheld scan', () => {
  it('finishes the batch with one outcome per file and no stack trace', () => {
    expect([0, 2]).toContain(code)
    expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
    expect(stderr).not.toMatch(/internal error|stopped unexpectedly/)
    for (const name of Object.keys(bytesOf)) {
      expect(results.has(name) !== messages.has(name), `${name}: exactly one outcome`).toBe(true)
    }
  })

  it('reads all 5,000 pages', () => {
    const result = results.get('extreme-5000-pages.pdf')!
    expect(result.pageCount).toBe(5_000)
    expect(result.pages).toHaveLength(5_000)
    expect(result.pages.at(-1)).toMatchObject({
      index: 4_999,
      width: LETTER_PT.width,
      height: LETTER_PT.height
    })
    // A rule under the text is not a box.
    expect(result.summary.redactions).toBe(0)
  })

  it('finds the black box on a 14,400 pt page, in page points', () => {
    const result = results.get('extreme-giant-page.pdf')!
    const [page] = result.pages
    expect(page).toMatchObject({ width: GIANT_PAGE_PT, height: GIANT_PAGE_PT })
    expect(page!.redactions).toHaveLength(1)
    // Drawn at x 1,000–9,000, y 6,000–7,200 from the bottom: top-left origin puts it at 7,200–8,400.
    const [x0, y0, x1, y1] = page!.redactions[0]!.bbox
    expect([x0, y0, x1, y1].map(Math.round)).toEqual([1_000, 7_200, 9_000, 8_400])
  })

  it('follows forms nested 150 deep to the box at the bottom', () => {
    const [page] = results.get('extreme-forms-150-deep.pdf')!.pages
    expect(page!.redactions).toHaveLength(1)
    expect(page!.redactions[0]!.kind).toBe('black')
  })

  it('scans the page holding a 20,000 × 20,000 image', () => {
    const result = results.get('extreme-huge-image.pdf')!
    expect(result.pages).toHaveLength(1)
    expect(result.pages[0]).toMatchObject({ width: LETTER_PT.width, height: LETTER_PT.height })
  })

  it.each(['extreme-arrays-20000-deep.pdf', 'extreme-dicts-20000-deep.pdf'])(
    'contains %s: the page fails on its own with a reason, or the file gets one clear line',
    (name) => {
      const result = results.get(name)
      if (!result) {
        expect(messages.get(name)).toMatch(
          /^(This file is not a PDF or is too damaged to open|The analysis ).+\.$/
        )
        return
      }
      expect(result.pages).toHaveLength(result.pageCount)
      for (const page of result.pages) {
        const error = (page as { error?: string }).error
        // Either read properly or marked with why not; never a silent blank page.
        if (page.width === 0) expect(error).toMatch(/\S/)
      }
    }
  )
})

describe('memory cap', () => {
  it('analyses the 20,000 × 20,000 image in a worker capped at 384 MB', async () => {
    const services = createMainServices({
      spawner: nodeSpawner(),
      workerEntry: cliWorkerEntry,
      limits: {
        stepTimeoutMs: STEP_TIMEOUT_S * 1000,
        maxRssBytes: IMAGE_WORKER_RSS_CAP_BYTES,
        concurrency: 1
      }
    })
    try {
      const events: AnalysisEvent[] = []
      const { finished } = await services.startAnalysis(
        {
          jobId: 'huge-image',
          bytes: new Uint8Array(bytesOf['extreme-huge-image.pdf']!),
          fileName: 'extreme-huge-image.pdf',
          options: { revealLeaks: false }
        },
        (event) => events.push(event)
      )
      await finished
      expect(events.at(-1)?.type).toBe('done')
      expect(events.filter((event) => event.type === 'failed')).toEqual([])
    } finally {
      services.dispose()
    }
  })
})
