/**
 * `npm run eval`: the full synthetic corpus (~480 pages) through the engine, scored against truth.
 * Prints the table and writes `.eval/results.json` (summary, generator version, scan time, and every
 * miss, false positive, wrong ground and leak error under `summary.details`).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { evaluate } from './evaluate'
import { formatSummary } from './report'
import { evaluateScans, formatScanSummary } from './scans'

const repoRoot = process.cwd()
const evalDir = resolve(repoRoot, '.eval')
mkdirSync(evalDir, { recursive: true })
// `npm run eval -- quick` scores the CI corpus instead (to reproduce a floor failure);
// `npm run eval -- holdout` 20 files from seeds the full corpus never uses.
const arg = process.argv[2]
const corpus = arg === 'quick' || arg === 'holdout' ? arg : 'full'
const run = await evaluate(
  corpus,
  resolve(evalDir, corpus === 'full' ? 'corpus' : `${corpus}-corpus`),
  repoRoot,
  (message) => process.stderr.write(`${message}\n`)
)
console.log(formatSummary(run.summary))
console.log(
  `  scan time:             ${(run.scanMs / 1000).toFixed(1)} s (${((run.summary.pages / run.scanMs) * 1000).toFixed(1)} pages/s)`
)
for (const failure of run.failures) console.log(`  FAILED ${failure.file}: ${failure.message}`)
// Scanned releases, scored apart (tests/eval/scans.ts): page images with labels and placeholder
// pages in pixels, read by the raster pass and OCR. Seeds differ per corpus like the files above.
const SCAN_CORPORA = { full: [30, 11], quick: [6, 5], holdout: [30, 23] } as const
const [scanPages, scanSeed] = SCAN_CORPORA[corpus]
process.stderr.write(`scanning ${scanPages} synthetic scanned pages (seed ${scanSeed}) with OCR\n`)
const scans = await evaluateScans(scanPages, scanSeed)
console.log(formatScanSummary(scans))
writeFileSync(
  resolve(evalDir, 'results.json'),
  `${JSON.stringify({ corpus, generator: run.version, scanMs: Math.round(run.scanMs), failures: run.failures, summary: run.summary, scans }, null, 1)}\n`
)
console.log(`  written: ${resolve(evalDir, 'results.json')}`)
