/**
 * Scores `withheld diff` results against the generated pairs' truth. A predicted change and a truth
 * change are the same box when they sit on the same page of the same side with IoU ≥ 0.5 (the older
 * copy's box; the newer copy's for added boxes). Per status: precision = predicted changes of that
 * status that are a truth change of that status; recall = truth changes of that status found with it.
 * Revealed text: over truth lifts found as lifts, the share whose words match exactly (case and
 * punctuation aside) and the mean word-level F1. Pages released: exact page indexes.
 */
import type { Change, ChangeStatus, DiffResult } from '@core/compare/types'
import type { PairTruth, TruthChange } from '../../fixtures/compare/pairs'

export const STATUSES: readonly ChangeStatus[] = ['lifted', 'kept', 'ground-changed', 'added']

export interface Tally {
  truePositives: number
  predicted: number
  truth: number
}

export interface CompareScore {
  readonly byStatus: Record<ChangeStatus, Tally>
  readonly revealed: { compared: number; exact: number; f1Sum: number }
  readonly pagesReleased: Tally
}

export const emptyScore = (): CompareScore => ({
  byStatus: Object.fromEntries(
    STATUSES.map((s) => [s, { truePositives: 0, predicted: 0, truth: 0 }])
  ) as Record<ChangeStatus, Tally>,
  revealed: { compared: 0, exact: 0, f1Sum: 0 },
  pagesReleased: { truePositives: 0, predicted: 0, truth: 0 }
})

function iou(a: readonly number[], b: readonly number[]): number {
  const w = Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!)
  const h = Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!)
  if (w <= 0 || h <= 0) return 0
  const inter = w * h
  return inter / ((a[2]! - a[0]!) * (a[3]! - a[1]!) + (b[2]! - b[0]!) * (b[3]! - b[1]!) - inter)
}

const tokens = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)

export function wordF1(predicted: string, truth: string): number {
  const p = tokens(predicted)
  const t = tokens(truth)
  if (p.length === 0 && t.length === 0) return 1
  const left = [...t]
  let common = 0
  for (const w of p) {
    const k = left.indexOf(w)
    if (k >= 0) {
      common++
      left.splice(k, 1)
    }
  }
  return common === 0 ? 0 : (2 * common) / (p.length + t.length)
}

function sameBox(change: Change, truth: TruthChange): boolean {
  const side = truth.old ? 'old' : 'new'
  const a = change[side]
  const b = truth[side]
  return a !== null && b !== null && a.page === b.page && iou(a.bbox, b.bbox) >= 0.5
}

/** Adds one pair's result to `score` (in place) and returns it. */
export function scorePair(
  result: DiffResult,
  truth: PairTruth,
  score: CompareScore = emptyScore()
): CompareScore {
  const used = new Set<Change>()
  for (const t of truth.changes) {
    score.byStatus[t.status].truth++
    const found = result.changes.find((c) => !used.has(c) && sameBox(c, t))
    if (!found) continue
    used.add(found)
    if (found.status !== t.status) continue
    score.byStatus[t.status].truePositives++
    if (t.status === 'lifted' && t.revealedText !== undefined) {
      const f1 = wordF1(found.revealedText ?? '', t.revealedText)
      score.revealed.compared++
      score.revealed.f1Sum += f1
      if (f1 === 1) score.revealed.exact++
    }
  }
  for (const c of result.changes) score.byStatus[c.status].predicted++
  const truthPages = new Set(truth.pagesReleased)
  score.pagesReleased.truth += truthPages.size
  score.pagesReleased.predicted += result.pagesReleased.length
  score.pagesReleased.truePositives += result.pagesReleased.filter((p) => truthPages.has(p)).length
  return score
}

const share = (n: number, d: number): string => (d === 0 ? '  —  ' : (n / d).toFixed(3))

export function formatCompareScore(title: string, score: CompareScore): string {
  const lines = [title, '  status          precision  recall   (truth, predicted)']
  for (const status of STATUSES) {
    const t = score.byStatus[status]
    lines.push(
      `  ${status.padEnd(15)} ${share(t.truePositives, t.predicted).padStart(9)}  ${share(t.truePositives, t.truth).padStart(6)}   (${t.truth}, ${t.predicted})`
    )
  }
  const p = score.pagesReleased
  lines.push(
    `  pages released  ${share(p.truePositives, p.predicted).padStart(9)}  ${share(p.truePositives, p.truth).padStart(6)}   (${p.truth}, ${p.predicted})`
  )
  const r = score.revealed
  lines.push(
    `  revealed text: ${r.compared} lifts found, exact ${share(r.exact, r.compared)}, mean word F1 ${share(r.f1Sum, r.compared)}`
  )
  return lines.join('\n')
}
