// Every hostile, broken and unusual PDF in ../shared/corpus/robustness through `withheld scan` as one
// batch (security.md P7, P9, P11; issue 7): each file ends in a result or one clear line within the
// watchdog, and the batch itself always finishes. Password files are then opened with their password
// through the main-process services. Skips when the corpus is absent.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisEvent } from '@shared/analysis'
import type { ScanResult } from '@core/types'
import { nodeSpawner } from '@node/analysisHost'
import { createMainServices } from '../../src/main/services'
import {
  cliEntry,
  cliWorkerEntry,
  ensureCliBuilt,
  readRobustnessManifest,
  robustnessDir,
  type ManifestEntry
} from './cliSupport'

const manifest = readRobustnessManifest()
/** Watchdog per step: roomy for a loaded 2-core CI machine; only the hanging files ever reach it. */
const STEP_TIMEOUT_S = 15
/** The whole batch, with two hanging files and two bombs among 66, stays far below this. */
const BATCH_LIMIT_MS = 300_000

interface Outcome {
  readonly entry: ManifestEntry
  /** The scan result written for it, or null. */
  readonly result: ScanResult | null
  /** Its `withheld: NAME: message` line on stderr, or null. */
  readonly message: string | null
}

const pdfName = (entry: ManifestEntry): string => entry.file.replace(/\.gz$/, '')
const jsonName = (entry: ManifestEntry): string => pdfName(entry).replace(/\.pdf$/i, '.json')

const PASSWORD_MESSAGE = 'This PDF is protected by a password.'
const INVALID_MESSAGE =
  /^(This file is not a PDF or is too damaged to open.*|The PDF is empty \(0 bytes\)|The file is (empty|not a PDF).*)\.$/
const CONTAINED_MESSAGE =
  /^The analysis (made no progress for .* and was stopped|used more than .* of memory and was stopped|ran out of memory .* and was stopped)\.$/

let work: string
let code: number
let stderr = ''
const outcomes = new Map<string, Outcome>()

describe.skipIf(manifest === null)('robustness corpus through withheld scan', () => {
  beforeAll(async () => {
    await ensureCliBuilt()
    work = await mkdtemp(join(tmpdir(), 'withheld-robustness-'))
    const inputs: string[] = []
    for (const entry of manifest!) {
      const source = join(robustnessDir, entry.file)
      if (entry.gzipped) {
        // 62 kB → 20.9 MB: inflated here, never stored in the repo.
        const target = join(work, pdfName(entry))
        await writeFile(target, gunzipSync(await readFile(source)))
        inputs.push(target)
      } else inputs.push(source)
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
    const written = new Set(existsSync(out) ? await readdir(out) : [])
    const messages = new Map<string, string>()
    for (const line of stderr.split('\n').filter(Boolean)) {
      const match = /^withheld: (.+?\.pdf): (.+)$/.exec(line)
      if (match) messages.set(match[1]!, match[2]!)
    }
    for (const entry of manifest!) {
      const result = written.has(jsonName(entry))
        ? (JSON.parse(await readFile(join(out, jsonName(entry)), 'utf8')) as ScanResult)
        : null
      outcomes.set(entry.file, { entry, result, message: messages.get(pdfName(entry)) ?? null })
    }
  }, BATCH_LIMIT_MS + 60_000)

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true })
  })

  it('finishes the batch with exit 2 (some files are meant to fail) and no stack trace', () => {
    expect(code).toBe(2)
    expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
    expect(stderr).not.toMatch(/internal error|stopped unexpectedly/)
    for (const line of stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^withheld: .+?\.pdf: .+\.$/)
  })

  it('gives every file exactly one outcome: a result or one line', () => {
    for (const outcome of outcomes.values()) {
      const { file } = outcome.entry
      expect(outcome.result !== null || outcome.message !== null, `${file} has no outcome`).toBe(true)
      expect(outcome.result !== null && outcome.message !== null, `${file} has two outcomes`).toBe(false)
    }
  })

  it.each((manifest ?? []).filter((entry) => entry.expect === 'opens').map((entry) => [entry.file]))(
    'opens %s (owner-password-only files without a prompt)',
    (file) => {
      const outcome = outcomes.get(file)!
      expect(outcome.message).toBeNull()
      expect(outcome.result?.schema).toBe('withheld.scan/1')
      expect(outcome.result!.pageCount).toBeGreaterThan(0)
      expect(outcome.result!.pages).toHaveLength(outcome.result!.pageCount)
    }
  )

  it.each((manifest ?? []).filter((entry) => entry.expect === 'password').map((entry) => [entry.file]))(
    'asks for the password of %s',
    (file) => {
      expect(outcomes.get(file)!.message).toBe(PASSWORD_MESSAGE)
    }
  )

  it.each((manifest ?? []).filter((entry) => entry.expect === 'invalid').map((entry) => [entry.file]))(
    'refuses %s with a clear message',
    (file) => {
      expect(outcomes.get(file)!.message).toMatch(INVALID_MESSAGE)
    }
  )

  it.each((manifest ?? []).filter((entry) => entry.expect === 'either').map((entry) => [entry.file]))(
    'contains %s: a result, a clear refusal, or a watchdog/memory stop',
    (file) => {
      const { result, message } = outcomes.get(file)!
      if (result) expect(result.pages.length).toBe(result.pageCount)
      else
        expect(message).toMatch(
          new RegExp(`${INVALID_MESSAGE.source}|${CONTAINED_MESSAGE.source}|^${PASSWORD_MESSAGE}$`)
        )
    }
  )
})

const withPassword = (manifest ?? []).filter((entry) => entry.expect === 'password' && entry.password)

describe.skipIf(withPassword.length === 0)('password files through the main services', () => {
  const services = createMainServices({
    spawner: nodeSpawner(),
    workerEntry: cliWorkerEntry,
    limits: { stepTimeoutMs: STEP_TIMEOUT_S * 1000, concurrency: 2 }
  })
  afterAll(() => services.dispose())

  async function analyse(entry: ManifestEntry, password: string): Promise<AnalysisEvent[]> {
    const events: AnalysisEvent[] = []
    const bytes = new Uint8Array(await readFile(join(robustnessDir, entry.file)))
    const { finished } = await services.startAnalysis(
      {
        jobId: `${entry.file}:${password}`,
        bytes,
        fileName: entry.file,
        password,
        options: { revealLeaks: false }
      },
      (event) => events.push(event)
    )
    await finished
    return events
  }

  it.each(withPassword.map((entry) => [entry.file, entry]))(
    'opens %s with its password and refuses a wrong one',
    async (_file, entry) => {
      await ensureCliBuilt()
      const [right, wrong] = await Promise.all([
        analyse(entry, entry.password!),
        analyse(entry, 'not-the-password')
      ])
      expect(right[0]?.type).toBe('meta')
      expect(right.at(-1)?.type).toBe('done')
      expect(wrong).toEqual([
        {
          type: 'failed',
          reason: 'password',
          message: 'The password for this PDF is incorrect.',
          passwordReason: 2
        }
      ])
    }
  )
})
