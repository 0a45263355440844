// CI gate on detection quality: the quick synthetic corpus (6 files, 60 pages, every style, leak
// and look-alike) through the engine, scored against truth, must stay at or above the floors in
// tests/eval/floors.json. Floors only ever rise (the look-alike rate is a ceiling and only falls).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EvalRun, evaluate } from '../eval/evaluate'
import { formatSummary } from '../eval/report'

interface Floors {
  readonly boxPrecision: number
  readonly boxRecall: number
  readonly boxF1: number
  readonly maxLookalikesPer100Pages: number
  readonly groundAccuracy: number
  readonly leakPrecision: number
  readonly leakRecall: number
  readonly withheldInFullF1: number
}

const repoRoot = resolve(__dirname, '../..')
const floors = JSON.parse(readFileSync(resolve(repoRoot, 'tests/eval/floors.json'), 'utf8')) as Floors

describe('detection quality on the quick synthetic corpus', () => {
  let dir = ''
  let run: EvalRun

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'withheld-eval-'))
    run = await evaluate('quick', dir, repoRoot)
    // The table shows in the test log, so a floor failure comes with the whole picture.
    console.log(formatSummary(run.summary))
  }, 120_000)

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('scans every file without a crash', () => {
    expect(run.failures).toEqual([])
    expect(run.summary.pages).toBe(60)
  })

  it('finds redactions at or above the box floors', () => {
    expect(run.summary.boxes.precision).toBeGreaterThanOrEqual(floors.boxPrecision)
    expect(run.summary.boxes.recall).toBeGreaterThanOrEqual(floors.boxRecall)
    expect(run.summary.boxes.f1).toBeGreaterThanOrEqual(floors.boxF1)
  })

  it('reports look-alikes no more often than the ceiling', () => {
    expect(run.summary.lookalikes.per100Pages).toBeLessThanOrEqual(floors.maxLookalikesPer100Pages)
  })

  it('reads grounds, finds leaks and withheld pages at or above the floors', () => {
    expect(run.summary.grounds.accuracy).toBeGreaterThanOrEqual(floors.groundAccuracy)
    expect(run.summary.leaks.precision).toBeGreaterThanOrEqual(floors.leakPrecision)
    expect(run.summary.leaks.recall).toBeGreaterThanOrEqual(floors.leakRecall)
    expect(run.summary.withheldInFull.f1).toBeGreaterThanOrEqual(floors.withheldInFullF1)
  })
})
