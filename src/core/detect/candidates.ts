/**
 * From filled rectangles to candidate boxes: opaque, solid-coloured, visible fills, with the bars of
 * one shape merged (a box drawn twice, a block drawn as stacked line bars, halves of one word).
 */
import { classifyColour, type ColourClass, type Rgb } from '../pdf/colour'
import type { FillBox } from '../pdf/pageContent'
import { area, type Rect } from './geometry'
import { mergeGroups } from './mergeGroups'

export interface Candidate {
  readonly rect: Rect
  readonly colour: Rgb
  readonly colourClass: ColourClass
  /** Drawing order of the first and last bar: text before `firstSeq` is under the box. */
  readonly firstSeq: number
  readonly lastSeq: number
  readonly stroked: boolean
  readonly inAnnotation: boolean
  readonly parts: number
  /** The fills merged into this box, each with its place in the drawing order. */
  readonly bars: ReadonlyArray<{ readonly rect: Rect; readonly seq: number; readonly group: number }>
}

/** Below 90% fill alpha, text under a box shows through: a tint, not a redaction. */
const MIN_OPAQUE_ALPHA = 0.9
/** Smaller than a 1.5 × 1.5 pt speck: no word fits under it. */
const MIN_AREA_PT2 = 2.25
/** Bars within 1 pt of each other belong together (producers leave hairline seams). */
const TOUCH_PT = 1
/** Merged bars must fill 90% of their joint bounds, else the union would claim uncovered area. */
const MIN_MERGE_FILL = 0.9

export function findCandidates(fills: readonly FillBox[]): Candidate[] {
  const usable = fills.filter(
    (f): f is FillBox & { colour: Rgb } =>
      f.colour !== null && f.alpha >= MIN_OPAQUE_ALPHA && !f.blended && area(f.rect) >= MIN_AREA_PT2
  )
  // Only fills of one colour merge: a white cell beside a 95%-grey table band are two things even
  // though both read as "white". Channels are bucketed by 16/255 so producers' rounding still matches.
  const byColour = new Map<string, Array<FillBox & { colour: Rgb }>>()
  for (const f of usable) {
    // All near-blacks are one ink to the eye (#000 and #2c2e35 bars of one block); other colours
    // must match within a bucket.
    const key =
      classifyColour(f.colour) === 'black' ? 'black' : f.colour.map((c) => Math.round(c / 16)).join(',')
    let list = byColour.get(key)
    if (!list) byColour.set(key, (list = []))
    list.push(f)
  }
  const out: Candidate[] = []
  for (const list of byColour.values()) {
    const colourClass = classifyColour(list[0]!.colour)
    for (const group of mergeGroups(
      list.map((f) => f.rect),
      TOUCH_PT,
      MIN_MERGE_FILL
    )) {
      const members = group.map((i) => list[i]!)
      const first = members[0]!
      let rect: Rect = first.rect
      for (const m of members) {
        rect = [
          Math.min(rect[0], m.rect[0]),
          Math.min(rect[1], m.rect[1]),
          Math.max(rect[2], m.rect[2]),
          Math.max(rect[3], m.rect[3])
        ]
      }
      // Loops, not Math.min(...seqs): a map's merged blob can hold more members than a call takes
      // arguments (~120,000 in V8).
      let firstSeq = Infinity
      let lastSeq = -Infinity
      for (const m of members) {
        firstSeq = Math.min(firstSeq, m.seq)
        lastSeq = Math.max(lastSeq, m.seq)
      }
      out.push({
        rect,
        colour: first.colour,
        colourClass,
        firstSeq,
        lastSeq,
        stroked: members.some((m) => m.stroked),
        inAnnotation: members.every((m) => m.inAnnotation),
        parts: members.length,
        bars: members.map((m) => ({ rect: m.rect, seq: m.seq, group: m.group }))
      })
    }
  }
  return out.sort((a, b) => a.firstSeq - b.firstSeq)
}
