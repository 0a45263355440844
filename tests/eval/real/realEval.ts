/**
 * Scores the engine on real scanned releases labelled by hand (tests/eval/real/nl.truth.json), as a
 * check on the synthetic corpora: the PDFs stay in the shared corpus folder (never in the repo), the
 * truth names them by file and sha256. Every detection counts, whatever its source, because on a
 * page image a born-digital or raster hit are both claims that a box is there.
 *
 * - boxes: one-to-one greedy matching per page at IoU ≥ 0.5 (match.ts), overall and per truth kind;
 *   a false positive is attributed to no kind, so per-kind precision is not defined (only recall);
 * - false positives per 100 pages, and how many of them lie on a labelled look-alike (a photo,
 *   logo, table header… that the truth says is not a redaction);
 * - grounds: on matched truth boxes that carry a label, exact set equality after normalising;
 * - withheld in full: page-level precision and recall;
 * - seconds per page, the whole scan (OCR included) divided by the labelled pages of the file.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { scanPdfBytes } from '@node/scanPdf'
import type { ScanResult } from '@core/types'
import { intersection, area, matchBoxes } from '../match'
import type { Box } from '../summary'

export type RealSplit = 'tune' | 'holdout' | 'all'
export type TruthKind = 'black' | 'grey' | 'colour' | 'white' | 'page'
const KINDS: readonly TruthKind[] = ['black', 'grey', 'colour', 'white', 'page']

export interface RealTruthRedaction {
  readonly bbox: Box
  readonly kind: TruthKind
  readonly label: string | null
  readonly grounds: readonly string[]
}

export interface RealTruthPage {
  readonly index: number
  readonly width: number
  readonly height: number
  readonly withheldInFull: boolean
  readonly redactions: readonly RealTruthRedaction[]
  readonly lookalikes: readonly { readonly bbox: Box; readonly style: string }[]
}

export interface RealTruthFile {
  readonly file: string
  readonly sha256: string
  readonly split: 'tune' | 'holdout'
  readonly pages: readonly RealTruthPage[]
}

export interface RealTruth {
  readonly schema: 'withheld.realtruth/1'
  readonly corpus: string
  readonly note: string
  readonly files: readonly RealTruthFile[]
}

export interface Prf {
  readonly tp: number
  readonly fp: number
  readonly fn: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

export interface SplitScore {
  readonly files: number
  readonly pages: number
  readonly boxes: Prf
  /** Recall per truth kind: [found, total]. */
  readonly byKind: Readonly<Record<TruthKind, readonly [number, number]>>
  readonly falsePositivesPer100Pages: number
  /** False positives whose box overlaps a labelled look-alike by half its own area or more. */
  readonly falsePositivesOnLookalikes: number
  readonly grounds: { readonly labelled: number; readonly correct: number; readonly accuracy: number }
  readonly withheldInFull: Prf
  readonly secondsPerPage: number
  /** For debugging: what went wrong where, short lines. */
  readonly misses: readonly string[]
}

export type RealEvalResult =
  | { readonly corpus: string; readonly skipped: string }
  | {
      readonly corpus: string
      readonly split: RealSplit
      readonly tune: SplitScore | null
      readonly holdout: SplitScore | null
      readonly all: SplitScore
      /** Labelled files that were absent or whose bytes changed, never scored. */
      readonly missingFiles: readonly string[]
      readonly failures: readonly { readonly file: string; readonly message: string }[]
    }

const TRUTH_PATH = resolve(fileURLToPath(new URL('.', import.meta.url)), 'nl.truth.json')

/** The truth file lives next to this module in the repo; compiled copies look it up from cwd. */
function loadTruth(): RealTruth {
  const path = existsSync(TRUTH_PATH) ? TRUTH_PATH : resolve(process.cwd(), 'tests/eval/real/nl.truth.json')
  return JSON.parse(readFileSync(path, 'utf8')) as RealTruth
}

/**
 * Grounds compared as codes: case, spaces and a leading "art." or "s" do not matter, so "5.1.2 e",
 * "5.1.2e" and "art. 5.1.2e" are one ground.
 */
export function normaliseGround(ground: string): string {
  return ground
    .toLowerCase()
    .replace(/^(art(ikel)?\.?|section|s\.?)\s*/, '')
    .replace(/\s+/g, '')
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const x = new Set(a.map(normaliseGround))
  const y = new Set(b.map(normaliseGround))
  return x.size === y.size && [...x].every((g) => y.has(g))
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1
  const recall = tp + fn > 0 ? tp / (tp + fn) : 1
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return { tp, fp, fn, precision, recall, f1 }
}

/** What one labelled page contributes to a split's score. */
interface PageTally {
  tp: number
  fp: number
  fn: number
  fpOnLookalike: number
  byKind: Record<TruthKind, [number, number]>
  labelled: number
  groundsCorrect: number
  wTp: number
  wFp: number
  wFn: number
  misses: string[]
}

const emptyByKind = (): Record<TruthKind, [number, number]> => ({
  black: [0, 0],
  grey: [0, 0],
  colour: [0, 0],
  white: [0, 0],
  page: [0, 0]
})

function newTally(): PageTally {
  return {
    tp: 0,
    fp: 0,
    fn: 0,
    fpOnLookalike: 0,
    byKind: emptyByKind(),
    labelled: 0,
    groundsCorrect: 0,
    wTp: 0,
    wFp: 0,
    wFn: 0,
    misses: []
  }
}

const fmtBox = (b: Box): string => `[${b.map((v) => Math.round(v)).join(',')}]`

function scorePage(
  tally: PageTally,
  file: string,
  truth: RealTruthPage,
  page: ScanResult['pages'][number] | undefined
): void {
  const detected = page?.redactions ?? []
  const matches = matchBoxes(
    truth.redactions.map((r) => r.bbox),
    detected.map((r) => r.bbox)
  )
  const truthToDet = new Map(matches)
  const matchedDet = new Set(matches.map(([, d]) => d))
  const where = `${file} p${truth.index}`
  truth.redactions.forEach((box, t) => {
    const kind = tally.byKind[box.kind]
    kind[1]++
    const d = truthToDet.get(t)
    if (d === undefined) {
      tally.fn++
      tally.misses.push(`${where} missed ${box.kind} ${fmtBox(box.bbox)}`)
      return
    }
    tally.tp++
    kind[0]++
    if (box.grounds.length === 0) return
    tally.labelled++
    const found = detected[d]?.grounds ?? []
    if (sameSet(found, box.grounds)) tally.groundsCorrect++
    else tally.misses.push(`${where} ground "${box.label ?? ''}" read as [${found.join(', ')}]`)
  })
  detected.forEach((det, d) => {
    if (matchedDet.has(d)) return
    tally.fp++
    const own = area(det.bbox)
    const onLookalike = truth.lookalikes.some((l) => own > 0 && intersection(det.bbox, l.bbox) >= own / 2)
    if (onLookalike) tally.fpOnLookalike++
    tally.misses.push(`${where} false ${det.source} ${fmtBox(det.bbox)}${onLookalike ? ' (look-alike)' : ''}`)
  })
  const said = page?.withheldInFull ?? false
  if (truth.withheldInFull && said) tally.wTp++
  else if (said) tally.wFp++
  else if (truth.withheldInFull) tally.wFn++
}

interface FileRun {
  readonly truth: RealTruthFile
  readonly tally: PageTally
  readonly seconds: number
}

function summarise(runs: readonly FileRun[]): SplitScore {
  const sum = newTally()
  let pages = 0
  let seconds = 0
  for (const { truth, tally, seconds: s } of runs) {
    pages += truth.pages.length
    seconds += s
    sum.tp += tally.tp
    sum.fp += tally.fp
    sum.fn += tally.fn
    sum.fpOnLookalike += tally.fpOnLookalike
    sum.labelled += tally.labelled
    sum.groundsCorrect += tally.groundsCorrect
    sum.wTp += tally.wTp
    sum.wFp += tally.wFp
    sum.wFn += tally.wFn
    for (const kind of KINDS) {
      sum.byKind[kind][0] += tally.byKind[kind][0]
      sum.byKind[kind][1] += tally.byKind[kind][1]
    }
    sum.misses.push(...tally.misses)
  }
  return {
    files: runs.length,
    pages,
    boxes: prf(sum.tp, sum.fp, sum.fn),
    byKind: sum.byKind,
    falsePositivesPer100Pages: pages > 0 ? (sum.fp / pages) * 100 : 0,
    falsePositivesOnLookalikes: sum.fpOnLookalike,
    grounds: {
      labelled: sum.labelled,
      correct: sum.groundsCorrect,
      accuracy: sum.labelled > 0 ? sum.groundsCorrect / sum.labelled : 1
    },
    withheldInFull: prf(sum.wTp, sum.wFp, sum.wFn),
    secondsPerPage: pages > 0 ? seconds / pages : 0,
    misses: sum.misses
  }
}

/**
 * Scans every labelled file of `split` found under `<sharedDir>/corpus/real-nl/` and scores it.
 * The corpus is not part of the repo, so its absence is a skip, not a failure; a file whose bytes
 * differ from the labelled sha256 is left out (its labels would be for another document).
 */
export async function evaluateReal(
  sharedDir: string,
  split: RealSplit,
  onProgress?: (message: string) => void
): Promise<RealEvalResult> {
  const truth = loadTruth()
  const dir = join(sharedDir, 'corpus', truth.corpus)
  if (!existsSync(dir)) return { corpus: truth.corpus, skipped: `no corpus folder at ${dir}` }
  const wanted = truth.files.filter((f) => split === 'all' || f.split === split)
  const missingFiles: string[] = []
  const failures: { file: string; message: string }[] = []
  const runs: FileRun[] = []
  for (const fileTruth of wanted) {
    const path = join(dir, fileTruth.file)
    if (!existsSync(path)) {
      missingFiles.push(`${fileTruth.file} (absent)`)
      continue
    }
    const bytes = new Uint8Array(readFileSync(path))
    if (createHash('sha256').update(bytes).digest('hex') !== fileTruth.sha256) {
      missingFiles.push(`${fileTruth.file} (sha256 differs)`)
      continue
    }
    const tally = newTally()
    const started = performance.now()
    let result: ScanResult | null = null
    try {
      result = await scanPdfBytes(bytes, fileTruth.file, { revealLeaks: false })
    } catch (err) {
      // A crash is scored as every labelled box on the file missed, and reported, not thrown.
      failures.push({ file: fileTruth.file, message: err instanceof Error ? err.message : String(err) })
    }
    const seconds = (performance.now() - started) / 1000
    for (const page of fileTruth.pages) scorePage(tally, fileTruth.file, page, result?.pages[page.index])
    runs.push({ truth: fileTruth, tally, seconds })
    onProgress?.(`  scanned ${fileTruth.file} (${seconds.toFixed(1)} s)`)
  }
  const of = (s: 'tune' | 'holdout'): SplitScore | null => {
    const picked = runs.filter((r) => r.truth.split === s)
    return picked.length > 0 ? summarise(picked) : null
  }
  return {
    corpus: truth.corpus,
    split,
    tune: of('tune'),
    holdout: of('holdout'),
    all: summarise(runs),
    missingFiles,
    failures
  }
}

const f3 = (x: number): string => x.toFixed(3)

function formatSplit(name: string, s: SplitScore): string[] {
  const b = s.boxes
  const w = s.withheldInFull
  const kinds = KINDS.filter((k) => s.byKind[k][1] > 0)
    .map((k) => `${k} ${s.byKind[k][0]}/${s.byKind[k][1]} (${f3(s.byKind[k][0] / s.byKind[k][1])})`)
    .join(', ')
  return [
    `  ${name}: ${s.files} files, ${s.pages} pages`,
    `    boxes:             P ${f3(b.precision)}  R ${f3(b.recall)}  F1 ${f3(b.f1)}  (TP ${b.tp}, FP ${b.fp}, FN ${b.fn})`,
    `    recall by kind:    ${kinds}`,
    `    false positives:   ${s.falsePositivesPer100Pages.toFixed(1)} per 100 pages (${s.falsePositivesOnLookalikes} on look-alikes)`,
    `    grounds:           ${f3(s.grounds.accuracy)}  (${s.grounds.correct}/${s.grounds.labelled} labelled boxes)`,
    `    withheld in full:  P ${f3(w.precision)}  R ${f3(w.recall)}  F1 ${f3(w.f1)}  (TP ${w.tp}, FP ${w.fp}, FN ${w.fn})`,
    `    time:              ${s.secondsPerPage.toFixed(2)} s/page`
  ]
}

export function formatRealSummary(result: RealEvalResult, missLines = 0): string {
  if ('skipped' in result) return `Real scanned pages (${result.corpus}): skipped, ${result.skipped}`
  const lines = [`Real scanned pages (${result.corpus}, split ${result.split}, all detections, IoU ≥ 0.5)`]
  if (result.split === 'all') {
    if (result.tune) lines.push(...formatSplit('tune', result.tune))
    if (result.holdout) lines.push(...formatSplit('holdout', result.holdout))
  }
  lines.push(...formatSplit(result.split === 'all' ? 'all' : result.split, result.all))
  for (const m of result.missingFiles) lines.push(`  not scored: ${m}`)
  for (const f of result.failures) lines.push(`  FAILED ${f.file}: ${f.message}`)
  for (const m of result.all.misses.slice(0, missLines)) lines.push(`    ${m}`)
  return lines.join('\n')
}
