/**
 * The outline of one component in its own deskewed frame (rotated by the angle of its minimum-area
 * rectangle), for two questions the axis-aligned outline cannot answer on a skewed scan:
 * - is it a stack of rectangles (a block of bars whose first or last line is short)? The row
 *   profile is cut into bands wherever an edge steps by more than STEP_PX;
 * - are its long edges straight (a drawn box) or wavy (a felt-pen marker)? The column profile's top
 *   and bottom edges are compared with their medians.
 */
import type { Component, RunTable } from './components'

export interface DeskewedShape {
  /** Profile area ÷ the areas of its bands' rectangles: ~1 for a box or a stack of bars. */
  readonly fillStepped: number
  readonly bands: number
  /** Rows in the thinnest band (eroded px). */
  readonly minBandPx: number
  /** Median absolute deviation (px) of the top and bottom edges from their medians, central 80%. */
  readonly edgeRaggedPx: number
}

/** An edge moving by more than this between deskewed rows starts a new band (a new bar). */
const STEP_PX = 3
/** Bands thinner than this (eroded px) are edge jitter, not bars. */
const MIN_BAND_ROWS = 4

const DEG = Math.PI / 180

let rowLo = new Float64Array(0)
let rowHi = new Float64Array(0)
let colTop = new Float64Array(0)
let colBottom = new Float64Array(0)

function ensure(rows: number, cols: number): void {
  if (rowLo.length < rows) {
    rowLo = new Float64Array(rows * 2)
    rowHi = new Float64Array(rows * 2)
  }
  if (colTop.length < cols) {
    colTop = new Float64Array(cols * 2)
    colBottom = new Float64Array(cols * 2)
  }
}

function median(values: number[]): number {
  values.sort((a, b) => a - b)
  return values[values.length >> 1] ?? 0
}

export function deskewedShape(comp: Component, runs: RunTable, angleDeg: number): DeskewedShape {
  const c = Math.cos(angleDeg * DEG)
  const s = Math.sin(angleDeg * DEG)
  const w = comp.x1 - comp.x0 + 2
  const h = comp.y1 - comp.y0 + 2
  const v0 = Math.min(-comp.x0 * s, -(comp.x1 + 1) * s) + comp.y0 * c - 1
  const u0 = Math.min(comp.y0 * s, (comp.y1 + 1) * s) + comp.x0 * c - 1
  const rowBins = Math.ceil(h + w * Math.abs(s)) + 3
  const colBins = Math.ceil(w + h * Math.abs(s)) + 3
  ensure(rowBins, colBins)
  rowLo.fill(Infinity, 0, rowBins)
  rowHi.fill(-Infinity, 0, rowBins)
  colTop.fill(Infinity, 0, colBins)
  colBottom.fill(-Infinity, 0, colBins)
  for (const i of comp.runs) {
    const y = (runs.y[i] as number) + 0.5
    for (let x = runs.x0[i] as number, end = runs.x1[i] as number; x <= end; x++) {
      const u = (x + 0.5) * c + y * s
      const v = -(x + 0.5) * s + y * c
      const r = Math.max(0, Math.min(rowBins - 1, Math.floor(v - v0)))
      const k = Math.max(0, Math.min(colBins - 1, Math.floor(u - u0)))
      if (u < (rowLo[r] as number)) rowLo[r] = u
      if (u > (rowHi[r] as number)) rowHi[r] = u
      if (v < (colTop[k] as number)) colTop[k] = v
      if (v > (colBottom[k] as number)) colBottom[k] = v
    }
  }

  // Cut into bands at edge steps, then fold bands under MIN_BAND_ROWS (pixel jitter at a skewed
  // edge, the rounded ends of the erosion) into their neighbour.
  const bandList: { rows: number; lo: number; hi: number }[] = []
  let profileArea = 0
  let prevLo = NaN
  let prevHi = NaN
  for (let r = 0; r < rowBins; r++) {
    const lo = rowLo[r] as number
    const hi = rowHi[r] as number
    if (hi < lo) continue
    profileArea += hi - lo + 1
    const last = bandList[bandList.length - 1]
    if (last && Math.abs(lo - prevLo) <= STEP_PX && Math.abs(hi - prevHi) <= STEP_PX) {
      last.rows++
      last.lo = Math.min(last.lo, lo)
      last.hi = Math.max(last.hi, hi)
    } else bandList.push({ rows: 1, lo, hi })
    prevLo = lo
    prevHi = hi
  }
  for (let k = 0; k < bandList.length && bandList.length > 1;) {
    const band = bandList[k] as (typeof bandList)[number]
    if (band.rows >= MIN_BAND_ROWS) {
      k++
      continue
    }
    const into = (k > 0 ? bandList[k - 1] : bandList[k + 1]) as (typeof bandList)[number]
    into.rows += band.rows
    into.lo = Math.min(into.lo, band.lo)
    into.hi = Math.max(into.hi, band.hi)
    bandList.splice(k, 1)
  }
  let steppedArea = 0
  let minBandPx = Infinity
  for (const band of bandList) {
    steppedArea += band.rows * (band.hi - band.lo + 1)
    minBandPx = Math.min(minBandPx, band.rows)
  }

  // Edge wobble over the central 80% of columns (the ends of a stroke taper by design).
  const tops: number[] = []
  const bottoms: number[] = []
  for (let k = 0; k < colBins; k++) {
    const t = colTop[k] as number
    const b = colBottom[k] as number
    if (b >= t) {
      tops.push(t)
      bottoms.push(b)
    }
  }
  const from = Math.floor(tops.length * 0.1)
  const to = Math.ceil(tops.length * 0.9)
  const topC = tops.slice(from, to)
  const bottomC = bottoms.slice(from, to)
  let ragged = 0
  if (topC.length > 0) {
    // Median, not mean, of the deviations: a block whose first bar is short has one big step over
    // a minority of columns; a felt pen wobbles everywhere.
    const mt = median(topC.slice())
    const mb = median(bottomC.slice())
    const dev = topC.map((t, k) => (Math.abs(t - mt) + Math.abs((bottomC[k] as number) - mb)) / 2)
    ragged = median(dev)
  }

  return {
    fillStepped: steppedArea > 0 ? Math.min(1, profileArea / steppedArea) : 0,
    bands: bandList.length,
    minBandPx: bandList.length > 0 ? minBandPx : 0,
    edgeRaggedPx: ragged
  }
}
