/** Rectangle arithmetic on pageRects ([x0, y0, x1, y1], points, displayed page, y down). */
import type { PageRect } from '../types'

export type Rect = PageRect

export const width = (r: Rect): number => Math.max(0, r[2] - r[0])
export const height = (r: Rect): number => Math.max(0, r[3] - r[1])
export const area = (r: Rect): number => width(r) * height(r)

export function intersection(a: Rect, b: Rect): Rect | null {
  const x0 = Math.max(a[0], b[0])
  const y0 = Math.max(a[1], b[1])
  const x1 = Math.min(a[2], b[2])
  const y1 = Math.min(a[3], b[3])
  return x1 > x0 && y1 > y0 ? [x0, y0, x1, y1] : null
}

export function intersectionArea(a: Rect, b: Rect): number {
  const r = intersection(a, b)
  return r ? area(r) : 0
}

export function union(a: Rect, b: Rect): Rect {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]
}

export function iou(a: Rect, b: Rect): number {
  const inter = intersectionArea(a, b)
  const total = area(a) + area(b) - inter
  return total > 0 ? inter / total : 0
}

/** Share of `inner`'s area that lies inside `outer`. */
export function coverage(inner: Rect, outer: Rect): number {
  const a = area(inner)
  return a > 0 ? intersectionArea(inner, outer) / a : 0
}

/** Overlap of the two vertical extents as a share of the smaller one (same text line test). */
export function verticalOverlap(a: Rect, b: Rect): number {
  const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  const smaller = Math.min(height(a), height(b))
  return smaller > 0 ? Math.max(0, overlap) / smaller : 0
}

export function horizontalOverlap(a: Rect, b: Rect): number {
  const overlap = Math.min(a[2], b[2]) - Math.max(a[0], b[0])
  const smaller = Math.min(width(a), width(b))
  return smaller > 0 ? Math.max(0, overlap) / smaller : 0
}

/** Gap between two rectangles (0 when they touch or overlap), along each axis. */
export function gaps(a: Rect, b: Rect): { dx: number; dy: number } {
  return {
    dx: Math.max(0, Math.max(a[0], b[0]) - Math.min(a[2], b[2])),
    dy: Math.max(0, Math.max(a[1], b[1]) - Math.min(a[3], b[3]))
  }
}

export function distance(a: Rect, b: Rect): number {
  const { dx, dy } = gaps(a, b)
  return Math.hypot(dx, dy)
}

export const centre = (r: Rect): [number, number] => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2]

export const contains = (r: Rect, x: number, y: number): boolean =>
  x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3]

export const round2 = (n: number): number => Math.round(n * 100) / 100

export const roundRect = (r: Rect): Rect => [round2(r[0]), round2(r[1]), round2(r[2]), round2(r[3])]
