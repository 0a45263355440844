/**
 * Scores the engine on synthetic scanned releases (tests/fixtures/scans, with ground labels printed
 * as pixels beside and inside boxes, and placeholder pages), apart from the born-digital corpus:
 * - boxes: raster redactions against truth boxes, one-to-one at IoU ≥ 0.5 (scoreScans.ts);
 * - grounds: on matched truth boxes that carry a label, exact set equality of the grounds read by
 *   OCR; a matched unlabelled box that gets grounds is counted as a false ground;
 * - withheld in full: page-level precision and recall of `withheldInFull` (placeholder pages, and
 *   mostly blank pages that are not placeholders).
 */
import { scanPdfBytes } from '@node/scanPdf'
import type { ScanResult } from '@core/types'
import { type ScanCorpus, generateScanCorpus } from '../fixtures/scans/generateScans'
import { type PageMatch, type ScanScore, matchPage, summarise } from '../fixtures/scans/scoreScans'

export interface ScanGroundScore {
  readonly labelled: number
  readonly correct: number
  readonly accuracy: number
  /** Matched boxes without a label in truth that were given grounds. */
  readonly falseGrounds: number
  /** Labelled truth boxes by placement: [correct, total]. */
  readonly byPlacement: Readonly<Record<string, readonly [number, number]>>
  /** Wrong readings, for debugging: truth label → grounds read. */
  readonly misses: readonly string[]
}

export interface PageScore {
  readonly truePositives: number
  readonly falsePositives: number
  readonly falseNegatives: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

export interface ScanEvalSummary {
  readonly pages: number
  readonly boxes: ScanScore
  readonly grounds: ScanGroundScore
  readonly withheldInFull: PageScore
  readonly scanMs: number
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  new Set(a).size === new Set(b).size && a.every((x) => b.includes(x))

function prf(tp: number, fp: number, fn: number): PageScore {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1
  const recall = tp + fn > 0 ? tp / (tp + fn) : 1
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 }
}

export function scoreScanResult(corpus: ScanCorpus, result: ScanResult, scanMs: number): ScanEvalSummary {
  const perPage: { match: PageMatch; truthCount: number }[] = []
  let labelled = 0
  let correct = 0
  let falseGrounds = 0
  const byPlacement: Record<string, [number, number]> = {}
  const misses: string[] = []
  let wTp = 0
  let wFp = 0
  let wFn = 0
  corpus.pages.forEach((truth, i) => {
    const page = result.pages[i]
    const raster = page?.redactions.filter((r) => r.source === 'raster') ?? []
    const match = matchPage(
      raster.map((r) => r.bbox),
      truth.boxes.map((b) => b.pageRect),
      truth.lookalikes.map((l) => l.pageRect)
    )
    perPage.push({ match, truthCount: truth.boxes.length })
    truth.boxes.forEach((box, t) => {
      if (match.detectionToTruth.includes(t)) return
      const kind = box.white ? 'white' : box.marker ? 'marker' : 'box'
      misses.push(
        `p${i} missed ${kind} [${box.pageRect.map(Math.round).join(', ')}] label ${box.labelPlacement}`
      )
    })
    match.detectionToTruth.forEach((t, d) => {
      if (t === -1) return
      const box = truth.boxes[t]!
      const found = raster[d]!.grounds
      if (box.grounds.length === 0) {
        if (found.length > 0) falseGrounds++
        return
      }
      labelled++
      const tally = (byPlacement[box.labelPlacement] ??= [0, 0])
      tally[1]++
      if (sameSet(found, box.grounds)) {
        correct++
        tally[0]++
      } else misses.push(`p${i} ${box.labelPlacement} "${box.label}" → [${found.join(', ')}]`)
    })
    const said = page?.withheldInFull ?? false
    if (truth.withheldInFull && said) {
      wTp++
      const got = page?.redactions[0]?.grounds ?? []
      if (!sameSet(got, truth.pageGrounds)) misses.push(`p${i} placeholder → [${got.join(', ')}]`)
    } else if (said) wFp++
    else if (truth.withheldInFull) wFn++
  })
  return {
    pages: corpus.pages.length,
    boxes: summarise(perPage),
    grounds: {
      labelled,
      correct,
      accuracy: labelled > 0 ? correct / labelled : 1,
      falseGrounds,
      byPlacement,
      misses
    },
    withheldInFull: prf(wTp, wFp, wFn),
    scanMs
  }
}

/** Generates `pageCount` labelled scanned pages (seeded), scans them with OCR and scores them. */
export async function evaluateScans(pageCount: number, seed: number): Promise<ScanEvalSummary> {
  const corpus = await generateScanCorpus(pageCount, seed, { labels: true, placeholders: true })
  const started = performance.now()
  const result = await scanPdfBytes(corpus.pdf, `scans-${seed}.pdf`, { revealLeaks: false })
  return scoreScanResult(corpus, result, performance.now() - started)
}

const pct = (x: number): string => x.toFixed(3)

export function formatScanSummary(s: ScanEvalSummary): string {
  const b = s.boxes
  const w = s.withheldInFull
  const placements = Object.entries(s.grounds.byPlacement)
    .map(([k, [ok, n]]) => `${k} ${ok}/${n}`)
    .join(', ')
  return [
    `Scanned pages (${s.pages}, OCR on)`,
    `  boxes:                 P ${pct(b.precision)}  R ${pct(b.recall)}  F1 ${pct(b.f1)}  (TP ${b.truePositives}, FP ${b.falsePositives}, FN ${b.falseNegatives}, look-alikes ${b.lookalikesReported})`,
    `  grounds (labelled):    ${pct(s.grounds.accuracy)}  (${s.grounds.correct}/${s.grounds.labelled}; ${placements}; false grounds ${s.grounds.falseGrounds})`,
    `  withheld in full:      P ${pct(w.precision)}  R ${pct(w.recall)}  F1 ${pct(w.f1)}  (TP ${w.truePositives}, FP ${w.falsePositives}, FN ${w.falseNegatives})`,
    `  scan time:             ${(s.scanMs / 1000).toFixed(1)} s (${(s.scanMs / 1000 / s.pages).toFixed(2)} s/page with OCR)`,
    ...s.grounds.misses.slice(0, 12).map((m) => `    miss: ${m}`)
  ].join('\n')
}
