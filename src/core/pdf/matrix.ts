/** Affine transforms as PDF writes them: [a b c d e f] maps (x, y) to (ax + cy + e, bx + dy + f). */
import type { Matrix } from '../types'

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

/** `m1 × m2` in PDF order: apply m2 first, then m1 (so `multiply(ctm, cm)` is what `cm` does). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m1
  const [a2, b2, c2, d2, e2, f2] = m2
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1
  ]
}

export function applyPoint(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}

/** Axis-aligned bounds of a rectangle after the transform. */
export function transformRect(
  m: Matrix,
  x0: number,
  y0: number,
  x1: number,
  y1: number
): [number, number, number, number] {
  const [ax, ay] = applyPoint(m, x0, y0)
  const [bx, by] = applyPoint(m, x1, y0)
  const [cx, cy] = applyPoint(m, x0, y1)
  const [dx, dy] = applyPoint(m, x1, y1)
  return [
    Math.min(ax, bx, cx, dx),
    Math.min(ay, by, cy, dy),
    Math.max(ax, bx, cx, dx),
    Math.max(ay, by, cy, dy)
  ]
}

/** True when the transform keeps axis-aligned rectangles axis-aligned (no skew, multiples of 90°). */
export function isAxisAligned(m: Matrix, tolerance = 1e-3): boolean {
  const scale = Math.max(Math.abs(m[0]), Math.abs(m[1]), Math.abs(m[2]), Math.abs(m[3]), 1e-9)
  const bc = (Math.abs(m[1]) + Math.abs(m[2])) / scale
  const ad = (Math.abs(m[0]) + Math.abs(m[3])) / scale
  return bc < tolerance || ad < tolerance
}

/** How much the transform scales lengths, on average (geometric mean of the axes). */
export function meanScale(m: Matrix): number {
  return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]))
}
