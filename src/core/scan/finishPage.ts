/**
 * The last step of every page's analysis, shared by the app, the CLI and the eval: each redaction's
 * status from its confidence, its `label` evidence, and the passages its bars belong to.
 *
 * A passage is what a register lists as one withheld item while the page shows one bar per line: bars
 * on adjacent lines (the gap between them under one bar's height), overlapping left to right, citing
 * the same grounds. The bars stay separate redactions; `passage` only groups them.
 */
import type { ScanPage, ScanRedaction } from '../types'

/**
 * Below this confidence a candidate is `possible`: the detectors give 0.5–0.6 to what only a reader
 * can settle (an outlined white box, a light band with print across it, a marker stroke) and ≥ 0.7 to
 * boxes with a redaction's own evidence (a label, flat fill on a text line, covered text).
 */
export const POSSIBLE_BELOW = 0.65

const sameGrounds = (a: ScanRedaction, b: ScanRedaction): boolean =>
  a.grounds.length === b.grounds.length && a.grounds.every((g) => b.grounds.includes(g))

function adjacentLines(a: ScanRedaction, b: ScanRedaction): boolean {
  const [upper, lower] = a.bbox[1] <= b.bbox[1] ? [a, b] : [b, a]
  const gap = lower.bbox[1] - upper.bbox[3]
  const barHeight = Math.min(upper.bbox[3] - upper.bbox[1], lower.bbox[3] - lower.bbox[1])
  const overlapX = Math.min(upper.bbox[2], lower.bbox[2]) - Math.max(upper.bbox[0], lower.bbox[0])
  return gap >= -1 && gap <= barHeight && overlapX > 0
}

const groupable = (r: ScanRedaction): boolean => r.kind !== 'page' && r.kind !== 'annotation'

export function finishPage(page: ScanPage): ScanPage {
  const rs = page.redactions
  const parent = rs.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  for (let i = 0; i < rs.length; i++)
    for (let j = i + 1; j < rs.length; j++) {
      const a = rs[i]!
      const b = rs[j]!
      if (groupable(a) && groupable(b) && sameGrounds(a, b) && adjacentLines(a, b)) parent[find(j)] = find(i)
    }
  const size = new Map<number, number>()
  rs.forEach((_, i) => size.set(find(i), (size.get(find(i)) ?? 0) + 1))
  // Passages numbered in reading order of their first bar, per page: "p3-2" is page 3's second.
  const ids = new Map<number, string>()
  const redactions = rs.map((r, i): ScanRedaction => {
    const root = find(i)
    let passage: string | null = null
    if ((size.get(root) ?? 0) > 1) {
      if (!ids.has(root)) ids.set(root, `p${page.index + 1}-${ids.size + 1}`)
      passage = ids.get(root) ?? null
    }
    const evidence = r.label && !r.evidence.includes('label') ? [...r.evidence, 'label'] : r.evidence
    // A ground read off the page settles it: a reader would call it a redaction too.
    const possible = r.confidence < POSSIBLE_BELOW && r.grounds.length === 0
    return { ...r, evidence, status: possible ? 'possible' : 'found', passage }
  })
  return { ...page, redactions }
}
