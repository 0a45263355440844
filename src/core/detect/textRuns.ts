/**
 * Glyphs grouped into runs (words and phrases drawn together, on one baseline) and the text they
 * spell, plus a y-bucket index so boxes find nearby glyphs without scanning the whole page: a
 * 5,000-glyph page against 300 fills stays ~O(fills × glyphs per band).
 */
import type { Glyph } from '../pdf/pageContent'
import type { Rect } from './geometry'

export interface TextRun {
  readonly glyphs: readonly Glyph[]
  readonly rect: Rect
  readonly text: string
  /** Median font size, points. */
  readonly sizePt: number
  readonly firstSeq: number
  readonly lastSeq: number
  readonly invisible: boolean
}

/**
 * A gap wider than this share of the font size is a word break when no space glyph was drawn (text
 * set word by word). pdf.js's own text layer uses ~0.1 em; letter-spacing rarely reaches it, while
 * tight word gaps in small type go down to 0.15 em.
 */
const WORD_GAP_EM = 0.1
/** A gap wider than this many em ends a run (column gutters, table cells, margin labels). */
const RUN_GAP_EM = 1.6

const median = (values: number[]): number => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]!
}

/** Gap from `a` to the next glyph `b` along `a`'s reading direction (negative when they overlap). */
export function gapAlong(a: Glyph, b: Glyph): number {
  switch (a.dir) {
    case 0:
      return b.rect[0] - a.rect[2]
    case 1:
      return b.rect[1] - a.rect[3]
    case 2:
      return a.rect[0] - b.rect[2]
    default:
      return a.rect[1] - b.rect[3]
  }
}

/** Distance between the centres of two glyphs across the reading direction (different lines). */
export function offsetAcross(a: Glyph, b: Glyph): number {
  return a.dir === 0 || a.dir === 2
    ? Math.abs((a.rect[1] + a.rect[3]) / 2 - (b.rect[1] + b.rect[3]) / 2)
    : Math.abs((a.rect[0] + a.rect[2]) / 2 - (b.rect[0] + b.rect[2]) / 2)
}

/** Joins glyphs (in drawing order) into text, adding a space where the gap says one was meant. */
export function glyphText(glyphs: readonly Glyph[]): string {
  let text = ''
  let previous: Glyph | null = null
  for (const g of glyphs) {
    if (previous) {
      const gap = gapAlong(previous, g)
      const lineBreak = g.dir !== previous.dir || offsetAcross(previous, g) > 0.5 * Math.max(g.sizePt, 1)
      const wordBreak = lineBreak || gap > WORD_GAP_EM * Math.max(g.sizePt, 1)
      if (wordBreak && !/\s$/.test(text) && !/^\s/.test(g.unicode)) text += ' '
    }
    text += g.unicode
    previous = g
  }
  return text.replace(/\s+/g, ' ').trim()
}

function makeRun(glyphs: Glyph[]): TextRun {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const g of glyphs) {
    x0 = Math.min(x0, g.rect[0])
    y0 = Math.min(y0, g.rect[1])
    x1 = Math.max(x1, g.rect[2])
    y1 = Math.max(y1, g.rect[3])
  }
  return {
    glyphs,
    rect: [x0, y0, x1, y1],
    text: glyphText(glyphs),
    sizePt: median(glyphs.map((g) => g.sizePt)),
    firstSeq: glyphs[0]!.seq,
    lastSeq: glyphs[glyphs.length - 1]!.seq,
    invisible: glyphs.every((g) => g.invisible)
  }
}

/** Consecutive glyphs (drawing order) on one baseline with no wide gap form a run. */
export function buildRuns(glyphs: readonly Glyph[]): TextRun[] {
  const runs: TextRun[] = []
  let current: Glyph[] = []
  let last: Glyph | null = null
  for (const g of glyphs) {
    if (last) {
      const size = Math.max(g.sizePt, last.sizePt, 1)
      const sameLine = g.dir === last.dir && offsetAcross(last, g) < 0.3 * size
      const gap = gapAlong(last, g)
      const near = gap > -0.5 * size && gap < RUN_GAP_EM * size
      if (!(sameLine && near && g.invisible === last.invisible)) {
        runs.push(makeRun(current))
        current = []
      }
    }
    current.push(g)
    last = g
  }
  if (current.length > 0) runs.push(makeRun(current))
  return runs.filter((r) => r.text !== '')
}

/** Items bucketed by vertical band so a box only looks at the bands it spans. */
export class BandIndex<T> {
  private readonly bands = new Map<number, T[]>()
  constructor(
    items: readonly T[],
    private readonly rectOf: (item: T) => Rect,
    private readonly bandPt = 24
  ) {
    for (const item of items) {
      const r = rectOf(item)
      const first = Math.floor(r[1] / bandPt)
      const last = Math.floor(r[3] / bandPt)
      for (let b = first; b <= last; b++) {
        let list = this.bands.get(b)
        if (!list) this.bands.set(b, (list = []))
        list.push(item)
      }
    }
  }

  /**
   * Items whose rectangle meets `rect` grown by `marginPt` sideways and `marginYPt` up and down
   * (each item once, in no particular order).
   */
  near(rect: Rect, marginPt = 0, marginYPt = marginPt): T[] {
    const first = Math.floor((rect[1] - marginYPt) / this.bandPt)
    const last = Math.floor((rect[3] + marginYPt) / this.bandPt)
    const out: T[] = []
    const seen = first === last ? null : new Set<T>()
    for (let b = first; b <= last; b++) {
      const band = this.bands.get(b)
      if (!band) continue
      for (const item of band) {
        const r = this.rectOf(item)
        if (
          r[2] >= rect[0] - marginPt &&
          r[0] <= rect[2] + marginPt &&
          r[3] >= rect[1] - marginYPt &&
          r[1] <= rect[3] + marginYPt &&
          (!seen || !seen.has(item))
        ) {
          seen?.add(item)
          out.push(item)
        }
      }
    }
    return out
  }
}

export { median }
