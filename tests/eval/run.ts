/**
 * `npm run eval`: every fixture family through the engine, each scored against its own truth:
 *  1. family 1, the pdf-lib generator (full corpus, ~480 pages born-digital) and its scanned pages;
 *  2. family 2, Chromium-printed releases and their print-and-scan copies (tests/fixtures/family2),
 *     its `tune` split and its `holdout` split (never tuned on) apart;
 *  3. real scanned pages labelled by eye (tests/eval/real), `tune` and `holdout` apart (skipped
 *     with a message when ../shared is absent);
 *  4. pairs of releases of the same papers (tests/fixtures/compare), `withheld diff` per status;
 *  5. the leak audit's generated fixtures (tests/fixtures/audit), precision and recall per leak kind.
 * Writes `.eval/results.json` (family 1's details). `npm run eval -- quick|holdout` scores family 1's
 * CI corpus or its held-out seeds alone; `-- family2`, `-- real`, `-- compare` or `-- audit` one family alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { evaluate } from './evaluate'
import { formatSummary } from './report'
import { evaluateScans, formatScanSummary } from './scans'
import { SPLITS } from '../fixtures/family2/corpus'
import { evaluateFamily2 } from './family2/evaluateFamily2'
import { formatFamily2 } from './family2/format'
import { evaluateReal, formatRealSummary } from './real/realEval'
import { evaluateCompare, formatCompareEval } from './compare/evaluateCompare'
import { evaluateAudit, formatAudit } from './audit/auditEval'

const repoRoot = process.cwd()
const evalDir = resolve(repoRoot, '.eval')
mkdirSync(evalDir, { recursive: true })
// `npm run eval -- quick` scores the CI corpus instead (to reproduce a floor failure);
// `npm run eval -- holdout` 20 files from seeds the full corpus never uses.
const arg = process.argv[2]
if (arg === 'audit') {
  console.log(formatAudit(await evaluateAudit()))
  process.exit(0)
}
if (arg === 'compare') {
  console.log(
    formatCompareEval(await evaluateCompare(repoRoot, undefined, (m) => process.stderr.write(`${m}\n`)))
  )
  process.exit(0)
}
if (arg === 'family2' || arg === 'real') {
  await otherFamilies(arg)
  process.exit(0)
}
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
if (corpus === 'full') {
  await otherFamilies('both')
  console.log(
    `\n${formatCompareEval(await evaluateCompare(repoRoot, undefined, (m) => process.stderr.write(`${m}\n`)))}`
  )
  console.log(formatAudit(await evaluateAudit()))
}

/** Family 2 (both splits) and the real labelled pages (both splits). */
async function otherFamilies(which: 'family2' | 'real' | 'both'): Promise<void> {
  const progress = (message: string): boolean => process.stderr.write(`${message}\n`)
  if (which !== 'real')
    for (const split of SPLITS) console.log(formatFamily2(await evaluateFamily2(split, repoRoot, progress)))
  if (which !== 'family2') {
    const sharedDir = process.env['WITHHELD_SHARED'] ?? resolve(repoRoot, '..', 'shared')
    console.log(`\n${formatRealSummary(await evaluateReal(sharedDir, 'all', progress))}`)
  }
}
