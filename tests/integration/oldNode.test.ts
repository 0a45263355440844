// Issue 10 point 13: the built CLI and its analysis worker run by a real Node 20 (the system's
// /usr/bin/node here) say in one sentence that Node 22 is needed and exit 2, instead of failing every
// PDF with "Promise.withResolvers is not a function". Skips where no Node older than 22 is installed.
import { execFile, execFileSync, fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEntry, cliWorkerEntry, ensureCliBuilt } from './cliSupport'

/** A Node older than 22 to run the build with: WITHHELD_OLD_NODE, else the system's. */
const OLD_NODE = process.env['WITHHELD_OLD_NODE'] ?? '/usr/bin/node'

function oldNodeVersion(): string | null {
  if (!existsSync(OLD_NODE)) return null
  const version = execFileSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).trim()
  return Number(/^v(\d+)\./.exec(version)?.[1]) < 22 ? version.replace(/^v/, '') : null
}

const version = oldNodeVersion()
const SENTENCE = new RegExp(
  `^withheld: Withheld needs Node\\.js 22\\.13 or newer and this is Node\\.js ${version?.replace(/\./g, '\\.')}: .+\\.\\n$`
)

let dir: string
let pdfPath: string

describe.skipIf(version === null)(`the built CLI on Node ${version ?? '(none older than 22 found)'}`, () => {
  beforeAll(async () => {
    await ensureCliBuilt()
    dir = await mkdtemp(join(tmpdir(), 'withheld-old-node-'))
    pdfPath = join(dir, 'one.pdf')
    const doc = await PDFDocument.create()
    doc.addPage([595, 842])
    await writeFile(pdfPath, await doc.save())
  })

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('withheld scan says Node 22 is needed, in one line, and exits 2', async () => {
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(OLD_NODE, [cliEntry, 'scan', pdfPath], (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
      })
    })
    expect(run.stderr).toMatch(SENTENCE)
    expect(run.stderr).not.toContain('withResolvers')
    expect(run.stdout).toBe('')
    expect(run.code).toBe(2)
  })

  it('the analysis worker answers its first request with that sentence and exits 2', async () => {
    const child = fork(cliWorkerEntry, [], {
      execPath: OLD_NODE,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc']
    })
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const answer = new Promise<unknown>((resolve) => child.once('message', resolve))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.send({
      type: 'analyse',
      bytes: new Uint8Array(8),
      fileName: 'one.pdf',
      options: { revealLeaks: false }
    })
    expect(await answer).toMatchObject({
      type: 'failed',
      message: expect.stringMatching(/^Withheld needs Node\.js 22\.13/)
    })
    expect(await exited).toBe(2)
    expect(stderr).toMatch(SENTENCE)
  })
})
