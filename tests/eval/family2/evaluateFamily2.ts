/**
 * Scores the engine on a family-2 split (tests/fixtures/family2: Chromium-printed releases, and the
 * same releases printed and scanned). Born-digital and scanned files are scored apart with the
 * repo's scorer, since one engine path (vector) serves the first and another (raster + OCR) the second.
 * Hybrids (a born-digital cover page, then scans) count with the scanned files.
 */
import { readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { scanPdfBytes } from '@node/scanPdf'
import type { ScanResult } from '@core/types'
import { type Entry, type Split, writeSplit } from '../../fixtures/family2/corpus'
import type { Family2File } from '../../fixtures/family2/truth'
import { type Summary, score } from '../score'

export type Group = 'born-digital' | 'scanned'

export interface GroupRun {
  readonly summary: Summary
  readonly scanMs: number
  readonly files: number
  readonly pages: number
}

export interface Family2Run {
  readonly split: Split
  readonly version: string
  readonly groups: Readonly<Record<Group, GroupRun>>
  readonly failures: readonly { file: string; message: string }[]
}

export const groupOf = (entry: Pick<Entry, 'family'>): Group =>
  entry.family === 'born-digital' ? 'born-digital' : 'scanned'

/** Where a split is cached, under the repo's gitignored `.eval/`. */
export const splitDir = (repoRoot: string, split: Split): string => resolve(repoRoot, '.eval/family2', split)

export async function evaluateFamily2(
  split: Split,
  repoRoot: string,
  onProgress?: (message: string) => void
): Promise<Family2Run> {
  const outDir = splitDir(repoRoot, split)
  const { entries, version, cached } = await writeSplit(split, outDir, repoRoot, onProgress)
  onProgress?.(`${entries.length} files ${cached ? '(cached)' : 'generated'} in ${outDir}`)
  const failures: { file: string; message: string }[] = []
  const groups = {} as Record<Group, GroupRun>
  // FAMILY2_GROUPS=born-digital scores one group alone (the scanned group takes minutes).
  const only = process.env['FAMILY2_GROUPS']?.split(',')
  for (const group of (['born-digital', 'scanned'] as const).filter((g) => !only || only.includes(g))) {
    const truths: Family2File[] = []
    const results: ScanResult[] = []
    const started = performance.now()
    for (const entry of entries.filter((e) => groupOf(e) === group)) {
      const truth = JSON.parse(readFileSync(entry.truthPath, 'utf8')) as Family2File
      truths.push(truth)
      try {
        const bytes = new Uint8Array(readFileSync(entry.pdfPath))
        results.push(await scanPdfBytes(bytes, basename(entry.pdfPath), { revealLeaks: true }))
        onProgress?.(`  scanned ${entry.name}`)
      } catch (err) {
        // Scored as every box missed (the scorer lists it), and reported.
        failures.push({ file: truth.file, message: err instanceof Error ? err.message : String(err) })
      }
    }
    groups[group] = {
      summary: score(truths, results),
      scanMs: performance.now() - started,
      files: truths.length,
      pages: truths.reduce((n, t) => n + t.pages.length, 0)
    }
  }
  return { split, version, groups, failures }
}
