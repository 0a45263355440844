// The built analysis worker as a raw child process: what it does with bad requests and no parent.
import { execFile, fork } from 'node:child_process'
import { join } from 'node:path'
import { PDFDocument, rgb } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { cliWorkerEntry, ensureCliBuilt, repoRoot } from '../../tests/integration/cliSupport'

const ELECTRON_UTILITY_SHIM = join(repoRoot, 'tests', 'integration', 'electronUtilityShim.mjs')

beforeAll(async () => {
  await ensureCliBuilt()
}, 120_000)

function firstMessage(request: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = fork(cliWorkerEntry, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc']
    })
    child.once('message', (message) => {
      child.kill('SIGKILL')
      resolve(message)
    })
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before answering`)))
    child.send(request as object)
  })
}

describe('analysis worker process', () => {
  it.each([
    [
      'a wrong type',
      { type: 'render', bytes: new Uint8Array([1]), fileName: 'a.pdf', options: { revealLeaks: false } }
    ],
    [
      'bytes as an array',
      { type: 'analyse', bytes: [37, 80], fileName: 'a.pdf', options: { revealLeaks: false } }
    ],
    ['no options', { type: 'analyse', bytes: new Uint8Array([1]), fileName: 'a.pdf' }]
  ])('refuses a request with %s in one sentence', async (_label, request) => {
    expect(await firstMessage(request)).toEqual({
      type: 'failed',
      reason: 'crashed',
      message: 'The analysis worker received a malformed request.'
    })
  })

  it('says what it is for when started by hand, without a stack trace', async () => {
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [cliWorkerEntry], (error, _stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr })
      )
    })
    expect(run).toEqual({
      code: 2,
      stderr: 'withheld: the analysis worker must be started by the app or the withheld command.\n'
    })
  })

  it('analyses a PDF inside an Electron utility process, where pdf.js would take itself for a web page', async () => {
    const doc = await PDFDocument.create()
    doc.addPage([595, 842]).drawRectangle({ x: 72, y: 700, width: 300, height: 14, color: rgb(0, 0, 0) })
    const bytes = await doc.save()
    const types = await new Promise<string[]>((resolve, reject) => {
      const seen: string[] = []
      const child = fork(cliWorkerEntry, [], {
        serialization: 'advanced',
        execArgv: ['--import', ELECTRON_UTILITY_SHIM],
        stdio: ['ignore', 'ignore', 'ignore', 'ipc']
      })
      child.on('message', (message: { type: string; message?: string }) => {
        // Step ticks only feed the watchdog; the warm-worker test below looks at them.
        if (message.type === 'step') return
        seen.push(message.type === 'failed' ? `failed: ${message.message}` : message.type)
        if (message.type === 'done' || message.type === 'failed') {
          child.kill('SIGKILL')
          resolve(seen)
        }
      })
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${seen.join(', ')}`)))
      child.send({ type: 'analyse', bytes, fileName: 'box.pdf', options: { revealLeaks: false } })
    })
    expect(types).toEqual(['opened', 'meta', 'page', 'done'])
  })

  it('stays warm: one process analyses document after document', async () => {
    const doc = await PDFDocument.create()
    doc.addPage([595, 842]).drawRectangle({ x: 72, y: 700, width: 300, height: 14, color: rgb(0, 0, 0) })
    const bytes = await doc.save()
    const types = await new Promise<string[]>((resolve, reject) => {
      const seen: string[] = []
      const child = fork(cliWorkerEntry, [], {
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'ignore', 'ipc']
      })
      const analyse = (fileName: string): void =>
        void child.send({ type: 'analyse', bytes, fileName, options: { revealLeaks: false } })
      child.on('message', (message: { type: string }) => {
        seen.push(message.type)
        const ended = seen.filter((type) => type === 'done' || type === 'failed').length
        // The second document goes only after the first ended, as the pool sends them.
        if (ended === 1 && (message.type === 'done' || message.type === 'failed')) analyse('second.pdf')
        if (ended === 2) {
          child.kill('SIGKILL')
          resolve(seen)
        }
      })
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${seen.join(', ')}`)))
      analyse('first.pdf')
    })
    // Each document: its steps inside the page (text read, operator list read) tick the watchdog
    // before the page's own event, so a slow page is never taken for a stuck one.
    const withoutSteps = types.filter((type) => type !== 'step')
    expect(withoutSteps).toEqual(['opened', 'meta', 'page', 'done', 'opened', 'meta', 'page', 'done'])
    const first = types.slice(0, types.indexOf('done'))
    expect(first.slice(first.indexOf('opened'), first.indexOf('meta'))).toContain('step')
    expect(first.slice(first.indexOf('meta'), first.indexOf('page'))).toContain('step')
  })
})
