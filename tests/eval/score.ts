/**
 * Scores scan results against generator truth (issue 3's measures). Pure: plain data in, a summary
 * out. Per page, detections and truth boxes are matched one-to-one greedily by IoU (highest first,
 * IoU ≥ 0.5). From the matches: box precision/recall/F1 overall and broken down by the truth box's
 * kind, style, drawing method and label placement (an unmatched detection counts against the
 * attribute of the truth box it overlaps most, else "(no truth box)"); look-alikes reported as
 * redactions per 100 pages (an unmatched detection covering ≥ 50 % of a known look-alike or of itself);
 * ground accuracy on matched boxes (exact set equality); leak precision and recall; and
 * withheld-in-full page precision and recall.
 */
import type { TruthFile, TruthLookalike, TruthRedaction } from '../fixtures/generator/truth'
import { intersection, iou, matchBoxes, area } from './match'
import type { Box, Details, DetectedFile, Prf, Summary } from './summary'
import { foreignCode } from '@core/grounds/foreignCode'

/**
 * The grounds a box should be reported with. A code of a regime with no catalogue ("Section 40(2)",
 * "s47F", "5.1.2e") is shown verbatim as an unrecognised ground (issue 11); truth written before
 * that names such a code in its label only.
 */
function expectedGrounds(t: TruthRedaction): readonly string[] {
  if (t.grounds.length > 0 || !t.label) return t.grounds
  const code = foreignCode(t.label.replace(/^\[|\]$/gu, ''))
  return code ? [code] : t.grounds
}

export { MATCH_IOU, iou, matchBoxes } from './match'
export type { DetectedFile, Prf, Summary } from './summary'

/** Breakdown bucket for detections that match no truth box and overlap none. */
export const NO_TRUTH = '(no truth box)'
/** Share of the smaller box that must overlap a look-alike for a false positive to be blamed on it. */
export const LOOKALIKE_OVERLAP = 0.5

export function prf(tp: number, fp: number, fn: number): Prf {
  // With nothing to find and nothing reported, the detector made no mistake: 1, not 0/0.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { tp, fp, fn, precision, recall, f1 }
}

type Counts = Record<string, { tp: number; fp: number; fn: number }>

function bump(counts: Counts, key: string, field: 'tp' | 'fp' | 'fn'): void {
  counts[key] ??= { tp: 0, fp: 0, fn: 0 }
  counts[key][field]++
}

function finish(counts: Counts): Record<string, Prf> {
  return Object.fromEntries(
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, c]) => [key, prf(c.tp, c.fp, c.fn)])
  )
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const sa = [...new Set(a)].sort()
  const sb = [...new Set(b)].sort()
  return sa.length === sb.length && sa.every((v, i) => v === sb[i])
}

const BREAKDOWNS = ['kind', 'style', 'drawnAs', 'labelPlacement'] as const

export function score(truths: readonly TruthFile[], detections: readonly DetectedFile[]): Summary {
  const byFile = new Map(detections.map((d) => [d.file, d]))
  const breakdown: Record<(typeof BREAKDOWNS)[number], Counts> = {
    kind: {},
    style: {},
    drawnAs: {},
    labelPlacement: {}
  }
  let tp = 0
  let fp = 0
  let fn = 0
  let pages = 0
  let lookalikeTotal = 0
  let lookalikeReported = 0
  const lookalikeByStyle: Record<string, number> = {}
  const grounds = { matched: 0, correct: 0, labelled: 0, labelledCorrect: 0 }
  const groundsByPlacement: Record<string, { matched: number; correct: number }> = {}
  const leaks = {
    tp: 0,
    fp: 0,
    fn: 0,
    kindCorrect: 0,
    charsExact: 0,
    charsClose: 0,
    textChecked: 0,
    textExact: 0
  }
  const kinds = { matched: 0, correct: 0, confusions: {} as Record<string, number> }
  const withheld = { tp: 0, fp: 0, fn: 0 }
  const missingFiles: string[] = []
  const details: Details = {
    missed: [],
    falsePositives: [],
    wrongGrounds: [],
    missedLeaks: [],
    falseLeaks: [],
    withheldErrors: [],
    leakLengths: [],
    leakTexts: []
  }

  const perFile: Counts = {}
  for (const truth of truths) {
    const detected = byFile.get(truth.file)
    const before = { tp, fp, fn }
    if (!detected) missingFiles.push(truth.file)
    for (const page of truth.pages) {
      pages++
      lookalikeTotal += page.lookalikes.length
      const dPage = detected?.pages.find((p) => p.index === page.index)
      const dets = dPage?.redactions ?? []
      const matches = matchBoxes(
        page.redactions.map((r) => r.bbox),
        dets.map((d) => d.bbox)
      )
      const matchedT = new Map(matches.map(([ti, di]) => [ti, di]))
      const matchedD = new Set(matches.map(([, di]) => di))
      page.redactions.forEach((t, ti) => {
        const di = matchedT.get(ti)
        const hit = di !== undefined
        if (hit) tp++
        else {
          fn++
          const bestIou = Math.max(0, ...dets.map((d) => iou(t.bbox, d.bbox)))
          details.missed.push({
            file: truth.file,
            page: page.index,
            bbox: t.bbox,
            kind: t.kind,
            style: t.style,
            drawnAs: t.drawnAs,
            labelPlacement: t.labelPlacement,
            bestIou: Math.round(bestIou * 100) / 100
          })
        }
        for (const key of BREAKDOWNS) bump(breakdown[key], t[key], hit ? 'tp' : 'fn')
        if (t.leak !== null) {
          const dLeak = hit ? dets[di]!.leak : null
          if (dLeak) {
            leaks.tp++
            if (dLeak.kind === t.leak) leaks.kindCorrect++
            const revealed = dets[di!]!.leakedText
            if (t.leakText !== undefined && typeof revealed === 'string') {
              // Whitespace-blind: pdf.js decides where spaces fall between runs.
              leaks.textChecked++
              if (revealed.replace(/\s/g, '') === t.leakText.replace(/\s/g, '')) leaks.textExact++
              else
                details.leakTexts.push({
                  file: truth.file,
                  page: page.index,
                  bbox: t.bbox,
                  truth: t.leakText,
                  detected: revealed
                })
            }
            if (t.leakChars !== undefined && dLeak.chars !== undefined) {
              if (dLeak.chars === t.leakChars) leaks.charsExact++
              if (Math.abs(dLeak.chars - t.leakChars) <= 0.1 * t.leakChars) leaks.charsClose++
              else
                details.leakLengths.push({
                  file: truth.file,
                  page: page.index,
                  bbox: t.bbox,
                  truth: t.leakChars,
                  detected: dLeak.chars
                })
            }
          } else {
            leaks.fn++
            details.missedLeaks.push({
              file: truth.file,
              page: page.index,
              bbox: t.bbox,
              leak: t.leak,
              matched: hit
            })
          }
        }
        if (hit) {
          const d = dets[di]!
          if (t.leak === null && d.leak) {
            leaks.fp++
            details.falseLeaks.push({ file: truth.file, page: page.index, bbox: d.bbox, kind: d.leak.kind })
          }
          kinds.matched++
          if (d.kind === t.kind) kinds.correct++
          else kinds.confusions[`${t.kind}→${d.kind}`] = (kinds.confusions[`${t.kind}→${d.kind}`] ?? 0) + 1
          grounds.matched++
          const expected = expectedGrounds(t)
          const correct = sameSet(expected, d.grounds)
          const place = (groundsByPlacement[t.labelPlacement] ??= { matched: 0, correct: 0 })
          place.matched++
          if (correct) place.correct++
          if (correct) grounds.correct++
          else
            details.wrongGrounds.push({
              file: truth.file,
              page: page.index,
              bbox: t.bbox,
              label: t.label,
              truth: expected,
              detected: d.grounds
            })
          if (expected.length > 0) {
            grounds.labelled++
            if (correct) grounds.labelledCorrect++
          }
        }
      })
      dets.forEach((d, di) => {
        if (matchedD.has(di)) return
        fp++
        if (d.leak) {
          leaks.fp++
          details.falseLeaks.push({ file: truth.file, page: page.index, bbox: d.bbox, kind: d.leak.kind })
        }
        const blame = mostOverlapping(d.bbox, page.redactions)
        for (const key of BREAKDOWNS) bump(breakdown[key], blame ? blame[key] : NO_TRUTH, 'fp')
        const lookalike = blamedLookalike(d.bbox, page.lookalikes)
        details.falsePositives.push({
          file: truth.file,
          page: page.index,
          bbox: d.bbox,
          kind: d.kind,
          lookalike: lookalike?.style ?? null,
          overlapsTruth: blame ? blame.style : null
        })
        if (lookalike) {
          lookalikeReported++
          lookalikeByStyle[lookalike.style] = (lookalikeByStyle[lookalike.style] ?? 0) + 1
        }
      })
      const dWithheld = dPage?.withheldInFull ?? false
      if (page.withheldInFull && dWithheld) withheld.tp++
      else if (page.withheldInFull) withheld.fn++
      else if (dWithheld) withheld.fp++
      if (page.withheldInFull !== dWithheld)
        details.withheldErrors.push({
          file: truth.file,
          page: page.index,
          truth: page.withheldInFull,
          detected: dWithheld
        })
    }
    perFile[truth.file] = { tp: tp - before.tp, fp: fp - before.fp, fn: fn - before.fn }
  }
  const per100 = (n: number): number => (pages === 0 ? 0 : (100 * n) / pages)
  return {
    files: truths.length,
    pages,
    boxes: prf(tp, fp, fn),
    byKind: finish(breakdown.kind),
    byStyle: finish(breakdown.style),
    byDrawnAs: finish(breakdown.drawnAs),
    byLabelPlacement: finish(breakdown.labelPlacement),
    byFile: finish(perFile),
    falsePositives: { count: fp, per100Pages: per100(fp) },
    lookalikes: {
      total: lookalikeTotal,
      reported: lookalikeReported,
      per100Pages: per100(lookalikeReported),
      byStyle: lookalikeByStyle
    },
    grounds: {
      ...grounds,
      accuracy: grounds.matched === 0 ? 1 : grounds.correct / grounds.matched,
      labelledAccuracy: grounds.labelled === 0 ? 1 : grounds.labelledCorrect / grounds.labelled,
      byPlacement: Object.fromEntries(
        Object.entries(groundsByPlacement).sort(([a], [b]) => a.localeCompare(b))
      )
    },
    leaks: {
      ...prf(leaks.tp, leaks.fp, leaks.fn),
      kindCorrect: leaks.kindCorrect,
      charsExact: leaks.charsExact,
      charsClose: leaks.charsClose,
      textChecked: leaks.textChecked,
      textExact: leaks.textExact
    },
    kinds: { ...kinds, accuracy: kinds.matched === 0 ? 1 : kinds.correct / kinds.matched },
    withheldInFull: prf(withheld.tp, withheld.fp, withheld.fn),
    missingFiles,
    details
  }
}

function mostOverlapping(box: Box, truth: readonly TruthRedaction[]): TruthRedaction | null {
  let best: TruthRedaction | null = null
  let bestArea = 0
  for (const t of truth) {
    const overlap = intersection(box, t.bbox)
    if (overlap > bestArea) {
      bestArea = overlap
      best = t
    }
  }
  return best
}

function blamedLookalike(box: Box, lookalikes: readonly TruthLookalike[]): TruthLookalike | null {
  let best: TruthLookalike | null = null
  let bestShare = 0
  for (const l of lookalikes) {
    const smaller = Math.min(area(box), area(l.bbox))
    const share = smaller > 0 ? intersection(box, l.bbox) / smaller : 0
    if (share >= LOOKALIKE_OVERLAP && share > bestShare) {
      bestShare = share
      best = l
    }
  }
  return best
}
