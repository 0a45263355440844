/**
 * Finds the rectangles in a pdf.js path. pdf.js 6 hands a path over as one Float32Array of DrawOPS
 * codes each followed by its coordinates; `re` arrives as moveTo + three lineTo + closePath, exactly
 * like the closed four-line paths many redaction tools write, so one test covers both.
 */
import type { Matrix } from '../types'
import { DRAW_OPS } from './ops'
import { applyPoint } from './matrix'

export type Box = [x0: number, y0: number, x1: number, y1: number]

export interface PathRect {
  readonly box: Box
  /** Sign of the winding (shoelace area): opposite signs cut holes under the nonzero rule. */
  readonly clockwise: boolean
}

export interface PathShapes {
  readonly rects: PathRect[]
  /** Every sub-path that is not a rectangle (curves, polygons, open lines): bounds and winding. */
  readonly others: PathRect[]
}

/** Points closer than this (device points) are the same corner; producers round differently. */
const SAME_POINT_PT = 0.05
/** An edge counts as axis-aligned when it leans less than this (points) across its length. */
const ALIGN_TOLERANCE_PT = 0.5

function polygonRect(points: Array<[number, number]>): PathRect | null {
  const clean: Array<[number, number]> = []
  for (const p of points) {
    const last = clean[clean.length - 1]
    if (!last || Math.abs(last[0] - p[0]) > SAME_POINT_PT || Math.abs(last[1] - p[1]) > SAME_POINT_PT) {
      clean.push(p)
    }
  }
  const first = clean[0]
  const last = clean[clean.length - 1]
  if (
    clean.length > 1 &&
    first &&
    last &&
    Math.abs(first[0] - last[0]) <= SAME_POINT_PT &&
    Math.abs(first[1] - last[1]) <= SAME_POINT_PT
  ) {
    clean.pop()
  }
  if (clean.length < 4) return null
  // Drop collinear midpoints so a rectangle drawn with extra vertices still counts.
  const corners: Array<[number, number]> = []
  for (let i = 0; i < clean.length; i++) {
    const prev = clean[(i + clean.length - 1) % clean.length]!
    const cur = clean[i]!
    const next = clean[(i + 1) % clean.length]!
    const cross = (cur[0] - prev[0]) * (next[1] - cur[1]) - (cur[1] - prev[1]) * (next[0] - cur[0])
    const scale =
      Math.hypot(cur[0] - prev[0], cur[1] - prev[1]) * Math.hypot(next[0] - cur[0], next[1] - cur[1])
    if (Math.abs(cross) > 1e-6 * Math.max(scale, 1e-9)) corners.push(cur)
  }
  if (corners.length !== 4) return null
  let area2 = 0
  for (let i = 0; i < 4; i++) {
    const a = corners[i]!
    const b = corners[(i + 1) % 4]!
    const dx = Math.abs(a[0] - b[0])
    const dy = Math.abs(a[1] - b[1])
    if (Math.min(dx, dy) > ALIGN_TOLERANCE_PT) return null
    area2 += a[0] * b[1] - b[0] * a[1]
  }
  const xs = corners.map((p) => p[0])
  const ys = corners.map((p) => p[1])
  return {
    box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
    clockwise: area2 > 0
  }
}

/** Winding of a polygon by the shoelace formula (curve control points stand in for the curve). */
function isClockwise(points: Array<[number, number]>): boolean {
  let area2 = 0
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!
    const b = points[(i + 1) % points.length]!
    area2 += a[0] * b[1] - b[0] * a[1]
  }
  return area2 > 0
}

function boundsOf(points: Array<[number, number]>): Box {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const [x, y] of points) {
    if (x < x0) x0 = x
    if (y < y0) y0 = y
    if (x > x1) x1 = x
    if (y > y1) y1 = y
  }
  return [x0, y0, x1, y1]
}

/** Splits a DrawOPS path into sub-paths, transforms them by `ctm` and sorts rectangles from the rest. */
export function pathShapes(data: ArrayLike<number>, ctm: Matrix): PathShapes {
  const rects: PathRect[] = []
  const others: PathRect[] = []
  let points: Array<[number, number]> = []
  let curved = false
  const flush = (): void => {
    if (points.length === 0) return
    const rect = curved ? null : polygonRect(points)
    if (rect) rects.push(rect)
    else if (points.length > 1) others.push({ box: boundsOf(points), clockwise: isClockwise(points) })
    points = []
    curved = false
  }
  let i = 0
  while (i < data.length) {
    const op = data[i]!
    if (op === DRAW_OPS.moveTo) {
      flush()
      points.push(applyPoint(ctm, data[i + 1]!, data[i + 2]!))
      i += 3
    } else if (op === DRAW_OPS.lineTo) {
      points.push(applyPoint(ctm, data[i + 1]!, data[i + 2]!))
      i += 3
    } else if (op === DRAW_OPS.curveTo) {
      curved = true
      for (let k = 0; k < 3; k++) points.push(applyPoint(ctm, data[i + 1 + 2 * k]!, data[i + 2 + 2 * k]!))
      i += 7
    } else if (op === DRAW_OPS.quadraticCurveTo) {
      curved = true
      for (let k = 0; k < 2; k++) points.push(applyPoint(ctm, data[i + 1 + 2 * k]!, data[i + 2 + 2 * k]!))
      i += 5
    } else if (op === DRAW_OPS.closePath) {
      // A closed sub-path ends here; a following lineTo would start from its first point.
      const start = points[0]
      flush()
      if (start) points.push(start)
      i += 1
    } else {
      break // unknown code: stop rather than misread the rest as coordinates
    }
  }
  if (points.length > 1) flush()
  return { rects, others }
}

const contains = (outer: Box, inner: Box): boolean =>
  inner[0] >= outer[0] - SAME_POINT_PT &&
  inner[1] >= outer[1] - SAME_POINT_PT &&
  inner[2] <= outer[2] + SAME_POINT_PT &&
  inner[3] <= outer[3] + SAME_POINT_PT

/**
 * The solid rectangles a fill paints. A rectangle with another inside it is a frame when the inner
 * one cuts a hole (even-odd rule, or opposite winding under nonzero): neither is a solid box then.
 */
export function solidRects(
  rects: readonly PathRect[],
  evenOdd: boolean,
  others: readonly PathRect[] = []
): Box[] {
  if (rects.length === 1 && others.length === 0) return [rects[0]!.box]
  const inFrame = new Set<number>()
  // Any other shape inside a rectangle that cuts a hole (a bevelled frame, a glyph outline, a tick)
  // means the rectangle is not one solid area.
  rects.forEach((outer, i) => {
    if (others.some((o) => contains(outer.box, o.box) && (evenOdd || o.clockwise !== outer.clockwise))) {
      inFrame.add(i)
    }
  })
  for (let i = 0; i < rects.length; i++) {
    for (let j = 0; j < rects.length; j++) {
      if (i === j) continue
      const outer = rects[i]!
      const inner = rects[j]!
      if (contains(outer.box, inner.box) && (evenOdd || outer.clockwise !== inner.clockwise)) {
        inFrame.add(i)
        inFrame.add(j)
      }
    }
  }
  return rects.filter((_, k) => !inFrame.has(k)).map((r) => r.box)
}
