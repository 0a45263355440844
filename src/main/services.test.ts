// The main-process services end to end in Node: real files, the built analysis worker in real child
// processes, the robustness corpus's password and hanging files where ../shared is present.
// eslint-disable-next-line no-restricted-imports -- only spied on, to prove nothing resolves a host
import dns from 'node:dns'
import { existsSync } from 'node:fs'
// eslint-disable-next-line no-restricted-imports -- only spied on, to prove nothing connects
import net from 'node:net'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AnalysisEvent } from '@shared/analysis'
import type { AnalysisStart } from '@shared/ipc'
import { nodeSpawner } from '@node/analysisHost'
import { cliWorkerEntry, ensureCliBuilt, robustnessDir } from '../../tests/integration/cliSupport'
import { createMainServices, type MainServices } from './services'

let dir: string
let services: MainServices

async function twoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let pageNumber = 1; pageNumber <= 2; pageNumber++) {
    const page = doc.addPage([595, 842])
    page.drawText(`Briefing page ${pageNumber}: the minister was advised on 3 March.`, {
      x: 72,
      y: 760,
      size: 11,
      font
    })
    page.drawRectangle({ x: 72, y: 700, width: 300, height: 14, color: rgb(0, 0, 0) })
    page.drawText('s9(2)(a)', { x: 380, y: 703, size: 9, font })
  }
  return doc.save()
}

/** Runs one analysis to its end and returns every event it emitted, in order. */
async function analyse(
  start: Omit<AnalysisStart, 'jobId' | 'options'>,
  jobId: string
): Promise<AnalysisEvent[]> {
  const events: AnalysisEvent[] = []
  const { finished } = await services.startAnalysis(
    { jobId, options: { revealLeaks: false }, ...start },
    (event) => events.push(event)
  )
  await finished
  return events
}

beforeAll(async () => {
  await ensureCliBuilt()
  dir = await mkdtemp(join(tmpdir(), 'withheld-services-'))
  await writeFile(join(dir, 'briefing.pdf'), await twoPagePdf())
  await writeFile(join(dir, 'empty.pdf'), new Uint8Array(0))
  await writeFile(join(dir, 'notes.pdf'), 'Minutes of the meeting, plain text.')
  services = createMainServices({
    spawner: nodeSpawner(),
    workerEntry: cliWorkerEntry,
    maxPdfBytes: 64 * 1024,
    // The default 20 s watchdog: generous even on a loaded CI machine; the hang test uses its own.
    limits: {}
  })
}, 120_000)

afterAll(async () => {
  services?.dispose()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('main services', () => {
  it('imports good files and refuses bad ones with one sentence each', async () => {
    await writeFile(
      join(dir, 'large.pdf'),
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(65 * 1024)])
    )
    const result = await services.importPaths(
      ['briefing.pdf', 'empty.pdf', 'notes.pdf', 'large.pdf', 'gone.pdf'].map((name) => join(dir, name))
    )
    expect(result.files.map((file) => file.name)).toEqual(['briefing.pdf'])
    expect(result.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(result.rejected.map((rejection) => rejection.name)).toEqual([
      'empty.pdf',
      'notes.pdf',
      'large.pdf',
      'gone.pdf'
    ])
    expect(result.rejected.map((rejection) => rejection.message).join('\n')).not.toContain(dir)
  })

  it('streams meta, one event per page, then done for a real PDF', async () => {
    const bytes = new Uint8Array(await readFile(join(dir, 'briefing.pdf')))
    const events = await analyse({ bytes, fileName: 'briefing.pdf' }, 'ok')
    expect(events.map((event) => event.type)).toEqual(['meta', 'page', 'page', 'done'])
    const meta = events[0] as Extract<AnalysisEvent, { type: 'meta' }>
    expect(meta.meta.pageCount).toBe(2)
    expect(meta.meta.pages[0]).toMatchObject({
      index: 0,
      width: 595,
      height: 842,
      rotation: 0,
      hasTextLayer: true
    })
    const pages = events.filter((event) => event.type === 'page').map((event) => event.page)
    expect(pages.map((page) => page.index)).toEqual([0, 1])
    expect(pages[0]!.redactions.length).toBeGreaterThan(0)
  })

  it('analyses a file it imported by its hash alone, and asks for bytes it never held', async () => {
    const [imported] = (await services.importPaths([join(dir, 'briefing.pdf')])).files
    const events = await analyse({ sha256: imported!.sha256, fileName: 'briefing.pdf' }, 'by-hash')
    expect(events.map((event) => event.type)).toEqual(['meta', 'page', 'page', 'done'])
    const unknown = await services.startAnalysis(
      { jobId: 'unknown', sha256: 'ab'.repeat(32), fileName: 'x.pdf', options: { revealLeaks: false } },
      () => expect.fail('no events for a start that did not happen')
    )
    expect(unknown.status).toBe('bytes-needed')
    expect(await unknown.finished).toEqual({ type: 'cancelled' })
  })

  it('stops after meta when only metadata is asked for', async () => {
    const bytes = new Uint8Array(await readFile(join(dir, 'briefing.pdf')))
    const events: AnalysisEvent[] = []
    const { finished } = await services.startAnalysis(
      {
        jobId: 'meta-only',
        bytes,
        fileName: 'briefing.pdf',
        options: { revealLeaks: false, metadataOnly: true }
      },
      (event) => events.push(event)
    )
    await finished
    expect(events.map((event) => event.type)).toEqual(['meta', 'done'])
  })

  it('reports a file pdf.js cannot read as invalid, in one sentence', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not really a PDF\n')
    const events = await analyse({ bytes, fileName: 'fake.pdf' }, 'invalid')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ type: 'failed', reason: 'invalid' })
    expect((events[0] as { message: string }).message).not.toMatch(/\n|at .*\(/)
  })

  const passwordPdf = join(robustnessDir, 'pdfjs__pr6531_1.pdf')
  it.skipIf(!existsSync(passwordPdf))(
    'asks for a password, refuses a wrong one and opens with the right one',
    async () => {
      const bytes = new Uint8Array(await readFile(passwordPdf))
      expect(await analyse({ bytes, fileName: 'p.pdf' }, 'pw-none')).toEqual([
        {
          type: 'failed',
          reason: 'password',
          message: 'This PDF is protected by a password.',
          passwordReason: 1
        }
      ])
      expect(await analyse({ bytes, fileName: 'p.pdf', password: 'wrong' }, 'pw-wrong')).toEqual([
        {
          type: 'failed',
          reason: 'password',
          message: 'The password for this PDF is incorrect.',
          passwordReason: 2
        }
      ])
      const events = await analyse({ bytes, fileName: 'p.pdf', password: 'asdfasdf' }, 'pw-right')
      expect(events[0]?.type).toBe('meta')
      expect(events.at(-1)?.type).toBe('done')
    }
  )

  const hangingPdf = join(robustnessDir, 'pdf101__D1-copy-stack-exhaustion.pdf')
  it.skipIf(!existsSync(hangingPdf))('kills the worker of a PDF that hangs pdf.js and says so', async () => {
    // 3 s per step: this file never finishes page 1, however long it is given.
    const quick = createMainServices({
      spawner: nodeSpawner(),
      workerEntry: cliWorkerEntry,
      limits: { stepTimeoutMs: 3000 }
    })
    try {
      const events: AnalysisEvent[] = []
      const bytes = new Uint8Array(await readFile(hangingPdf))
      const { finished } = await quick.startAnalysis(
        { jobId: 'hang', bytes, fileName: 'd1.pdf', options: { revealLeaks: false } },
        (event) => events.push(event)
      )
      expect(await finished).toMatchObject({ type: 'failed', reason: 'timeout' })
      expect(events.at(-1)).toEqual({
        type: 'failed',
        reason: 'timeout',
        message: 'The analysis made no progress for 3 s and was stopped.'
      })
      expect(events.filter((event) => event.type === 'done' || event.type === 'failed')).toHaveLength(1)
    } finally {
      quick.dispose()
    }
  })

  const bombPdf = join(robustnessDir, 'pdf101__deflate-bomb-10GB.pdf')
  it.skipIf(!existsSync(bombPdf))(
    'kills a decompression bomb at the memory cap, not the watchdog',
    async () => {
      // A long watchdog and a 400 MB cap: the 10 GB Flate bomb passes 400 MB resident in a few seconds.
      const capped = createMainServices({
        spawner: nodeSpawner(),
        workerEntry: cliWorkerEntry,
        limits: { stepTimeoutMs: 120_000, maxRssBytes: 400 * 1024 * 1024 }
      })
      try {
        const events: AnalysisEvent[] = []
        const bytes = new Uint8Array(await readFile(bombPdf))
        const { finished } = await capped.startAnalysis(
          { jobId: 'bomb', bytes, fileName: 'bomb.pdf', options: { revealLeaks: false } },
          (event) => events.push(event)
        )
        expect(await finished).toMatchObject({ type: 'failed', reason: 'memory' })
        expect(events.at(-1)).toEqual({
          type: 'failed',
          reason: 'memory',
          message: 'The analysis used more than 400 MB of memory and was stopped.'
        })
      } finally {
        capped.dispose()
      }
    }
  )

  it('opens no socket and resolves no host name while importing and analysing (security.md V5)', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect')
    const lookup = vi.spyOn(dns, 'lookup')
    try {
      const result = await services.importPaths([join(dir, 'briefing.pdf')])
      const events = await analyse({ bytes: result.files[0]!.bytes, fileName: 'briefing.pdf' }, 'offline')
      expect(events.at(-1)?.type).toBe('done')
      expect(connect).not.toHaveBeenCalled()
      expect(lookup).not.toHaveBeenCalled()
    } finally {
      connect.mockRestore()
      lookup.mockRestore()
    }
  })

  it('cancels a running analysis without further events', async () => {
    const bytes = new Uint8Array(await readFile(join(dir, 'briefing.pdf')))
    const events: AnalysisEvent[] = []
    const { finished } = await services.startAnalysis(
      { jobId: 'cancel-me', bytes, fileName: 'briefing.pdf', options: { revealLeaks: false } },
      (event) => events.push(event)
    )
    services.cancelAnalysis('cancel-me')
    expect(await finished).toEqual({ type: 'cancelled' })
    expect(events).toEqual([])
  })
})
