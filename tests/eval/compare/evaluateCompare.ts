/**
 * The comparison family of `npm run eval`: the generated pairs (tests/fixtures/compare) through the
 * same path as `withheld diff` (the scan engine with scanned pages' whole-page OCR, the text layer,
 * core's comparison), in process (the fixtures are our own), scored per pair case and overall.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { compareDocuments } from '@core/compare/compareDocuments'
import { compareDocumentFromScan } from '@core/compare/fromScan'
import type { DiffResult } from '@core/compare/types'
import { scanPdfBytes } from '@node/scanPdf'
import { textLayerWordsOf } from '@node/textLayerWords'
import { writePairs } from '../../fixtures/compare/writePairs'
import { emptyScore, formatCompareScore, scorePair, type CompareScore } from './scoreCompare'

async function compareFiles(oldPath: string, newPath: string): Promise<DiffResult | string> {
  const sides = []
  for (const path of [oldPath, newPath]) {
    const bytes = new Uint8Array(readFileSync(path))
    const scan = await scanPdfBytes(bytes, path.split('/').pop()!, { revealLeaks: false, pageText: true })
    sides.push(compareDocumentFromScan(scan, await textLayerWordsOf(bytes)))
  }
  const outcome = compareDocuments(sides[0]!, sides[1]!)
  return outcome.ok ? outcome.result : outcome.message
}

export interface CompareEval {
  readonly overall: CompareScore
  readonly byCase: ReadonlyMap<string, CompareScore>
  readonly failures: readonly string[]
}

export async function evaluateCompare(
  repoRoot: string,
  seeds: readonly string[] = ['c1', 'c2'],
  progress: (message: string) => void = () => undefined
): Promise<CompareEval> {
  const overall = emptyScore()
  const byCase = new Map<string, CompareScore>()
  const failures: string[] = []
  for (const seed of seeds) {
    const pairs = await writePairs(resolve(repoRoot, '.eval', 'compare', seed), seed)
    for (const pair of pairs) {
      progress(`comparing ${pair.name}`)
      const result = await compareFiles(pair.oldPath, pair.newPath)
      if (typeof result === 'string') {
        failures.push(`${pair.name}: ${result}`)
        continue
      }
      scorePair(result, pair.truth, overall)
      const caseScore = byCase.get(pair.truth.pairCase) ?? emptyScore()
      byCase.set(pair.truth.pairCase, scorePair(result, pair.truth, caseScore))
    }
  }
  return { overall, byCase, failures }
}

export function formatCompareEval(run: CompareEval): string {
  const parts = [formatCompareScore('Comparison of releases (generated pairs, all cases)', run.overall)]
  for (const [pairCase, score] of run.byCase) parts.push(formatCompareScore(`  case ${pairCase}`, score))
  for (const failure of run.failures) parts.push(`  FAILED ${failure}`)
  return parts.join('\n')
}

if (process.argv[1]?.endsWith('evaluateCompare.js')) {
  const run = await evaluateCompare(
    process.cwd(),
    process.argv.slice(2).length > 0 ? process.argv.slice(2) : undefined,
    (m) => process.stderr.write(`${m}\n`)
  )
  console.log(formatCompareEval(run))
}
