/**
 * Generates a corpus (cached by generator hash), scans every file with the engine and scores the
 * results. Shared by `npm run eval` (full corpus) and the CI test (quick corpus).
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { scanPdfBytes } from '@node/scanPdf'
import type { ScanResult } from '@core/types'
import type { CorpusName } from '../fixtures/generator/corpus'
import type { TruthFile } from '../fixtures/generator/truth'
import { writeCorpus } from '../fixtures/generator/write'
import { type Summary, score } from './score'

export interface EvalRun {
  readonly summary: Summary
  readonly version: string
  readonly scanMs: number
  readonly results: readonly ScanResult[]
  readonly failures: readonly { file: string; message: string }[]
}

export async function evaluate(
  corpus: CorpusName,
  outDir: string,
  repoRoot: string,
  onProgress?: (message: string) => void
): Promise<EvalRun> {
  const { entries, version, cached } = await writeCorpus(outDir, corpus, repoRoot)
  onProgress?.(`${entries.length} files ${cached ? '(cached)' : 'generated'} in ${outDir}`)
  const truths: TruthFile[] = []
  const results: ScanResult[] = []
  const failures: { file: string; message: string }[] = []
  const started = performance.now()
  for (const entry of entries) {
    const truth = JSON.parse(readFileSync(entry.truthPath, 'utf8')) as TruthFile
    truths.push(truth)
    try {
      const bytes = new Uint8Array(readFileSync(entry.pdfPath))
      // Revealed so the scorer can compare the recovered text with what the generator hid.
      results.push(await scanPdfBytes(bytes, basename(entry.pdfPath), { revealLeaks: true }))
      onProgress?.(`  scanned ${entry.name}`)
    } catch (err) {
      // A crash on one file is scored as every box on it missed, and reported, not thrown.
      failures.push({ file: truth.file, message: err instanceof Error ? err.message : String(err) })
    }
  }
  const scanMs = performance.now() - started
  return { summary: score(truths, results), version, scanMs, results, failures }
}
