/**
 * Scores the engine on the hand-labelled real scanned pages and prints the table.
 *   node bench/compile.mjs out/eval-real tests/eval/real/run.ts && node out/eval-real/run.js [tune|holdout|all] [misses]
 * Its own output folder: compile.mjs names the output after the entry (run.js), the name the main
 * eval runner already uses in out/eval.
 * The shared corpus folder is `../shared` from the repo root unless WITHHELD_SHARED says otherwise.
 */
import { resolve } from 'node:path'
import { type RealSplit, evaluateReal, formatRealSummary } from './realEval'

const arg = process.argv[2] ?? 'all'
if (arg !== 'tune' && arg !== 'holdout' && arg !== 'all') {
  console.error('usage: run.js [tune|holdout|all] [number of miss lines to print]')
  process.exit(2)
}
const split: RealSplit = arg
const missLines = Number(process.argv[3] ?? 0)
const sharedDir = process.env['WITHHELD_SHARED'] ?? resolve(process.cwd(), '..', 'shared')
const result = await evaluateReal(sharedDir, split, (message) => process.stderr.write(`${message}\n`))
console.log(formatRealSummary(result, Number.isFinite(missLines) ? missLines : 0))
