/**
 * Box geometry for scoring: areas, intersection over union, and the one-to-one greedy matching of
 * truth to detections (highest IoU first, IoU ≥ 0.5, issue 3's rule).
 */
import type { Box } from './summary'

export const MATCH_IOU = 0.5

export function area([x0, y0, x1, y1]: Box): number {
  return Math.max(0, x1 - x0) * Math.max(0, y1 - y0)
}

export function intersection(a: Box, b: Box): number {
  return area([Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])])
}

export function iou(a: Box, b: Box): number {
  const inter = intersection(a, b)
  const union = area(a) + area(b) - inter
  return union > 0 ? inter / union : 0
}

/** One-to-one greedy matching by IoU, highest first; returns [truthIndex, detectionIndex] pairs. */
export function matchBoxes(
  truth: readonly Box[],
  detected: readonly Box[],
  minIou = MATCH_IOU
): [number, number][] {
  const pairs: [number, number, number][] = []
  truth.forEach((t, ti) =>
    detected.forEach((d, di) => {
      const value = iou(t, d)
      if (value >= minIou) pairs.push([value, ti, di])
    })
  )
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
  const usedT = new Set<number>()
  const usedD = new Set<number>()
  const matches: [number, number][] = []
  for (const [, ti, di] of pairs) {
    if (usedT.has(ti) || usedD.has(di)) continue
    usedT.add(ti)
    usedD.add(di)
    matches.push([ti, di])
  }
  return matches
}
