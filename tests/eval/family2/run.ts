/**
 * Family-2 eval: `node bench/compile.mjs out/eval tests/eval/family2/run.ts && node out/eval/run.js
 * [tune|holdout]` (Node 22). Prints the scorer's table for born-digital and scanned files apart, and
 * writes `.eval/family2/<split>-results.json` with the details (misses, false positives, …).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { SPLITS, type Split } from '../../fixtures/family2/corpus'
import { evaluateFamily2 } from './evaluateFamily2'
import { formatFamily2 } from './format'

const arg = process.argv[2] ?? 'tune'
if (!SPLITS.includes(arg as Split)) {
  console.error(`usage: run.js [${SPLITS.join('|')}]`)
  process.exit(2)
}
const repoRoot = process.cwd()
const run = await evaluateFamily2(arg as Split, repoRoot, (m) => process.stderr.write(`${m}\n`))
console.log(formatFamily2(run))
const dir = resolve(repoRoot, '.eval/family2')
mkdirSync(dir, { recursive: true })
const out = resolve(dir, `${run.split}-results.json`)
writeFileSync(out, `${JSON.stringify(run, null, 1)}\n`)
console.log(`  written: ${out}`)
