/**
 * Reads the ground label printed beside a box: on the same line (right after it, before it, or out in
 * the margin), or just above or below it. Each printed label goes to the box it is nearest to, and a
 * label serves a stack of bars only when they form one block (touching lines, same left edge).
 */
import { parseGrounds } from '../grounds/parseGrounds'
import { gaps, height, horizontalOverlap, verticalOverlap, type Rect } from './geometry'
import { isOnlyLabel } from './leaks'
import { glyphText, type BandIndex, type TextRun } from './textRuns'
import { foreignCode } from '../grounds/foreignCode'

export interface LabelTarget {
  readonly rect: Rect
  readonly lineHeightPt: number
  /** Already labelled from inside: not searched. */
  readonly insideLabel: string | null
}

export interface FoundLabel {
  readonly label: string
  readonly grounds: readonly string[]
}

/** Same-line labels within 6 lines' height count as "beside"; margin labels anywhere on the line. */
const BESIDE_REACH_LINES = 6
/** An inline label (the sentence goes on after it) must start within 2 line heights of the box. */
const INLINE_REACH_LINES = 2
/** Above/below: within 1.6 line heights of the box edge. */
const ABOVE_BELOW_REACH_LINES = 1.6

interface Pair {
  target: number
  run: TextRun
  label: FoundLabel
  score: number
}

/** Between two cited grounds only separators may stand: ", ", " and ", "; ", " / ". */
const SEPARATOR = /^[\s,;&/]*(?:and|or)?[\s,;&/]*$/iu

/**
 * The ground label at the start (`end: false`) or end (`end: true`) of a run of text, as printed
 * inline next to a box: "[box] s9(2)(a), s9(2)(j) for the review" gives "s9(2)(a), s9(2)(j)". Words
 * before a leading label must be marker words ("Withheld under"); brackets around it are allowed.
 */
export function edgeLabel(text: string, end: boolean): FoundLabel | null {
  const parsed = parseGrounds(text)
  const matches = end ? [...parsed.matches].reverse() : [...parsed.matches]
  const first = matches[0]
  if (!first) return null
  if (end) {
    if (!/^[\s.,;:)\]]*$/u.test(text.slice(first.end))) return null
  } else {
    const before = text.slice(0, first.start)
    if (before.replace(/[\s[(]/gu, '') !== '' && !isOnlyLabel(before)) return null
  }
  const taken = [first]
  for (const m of matches.slice(1)) {
    const prev = taken[taken.length - 1]!
    const between = end ? text.slice(m.end, prev.start) : text.slice(prev.end, m.start)
    if (!SEPARATOR.test(between)) break
    taken.push(m)
  }
  if (end) taken.reverse()
  const lo = taken[0]!.start
  const hi = taken[taken.length - 1]!.end
  return { label: text.slice(lo, hi).trim(), grounds: [...new Set(taken.map((m) => m.code))] }
}

export function labelFor(text: string): FoundLabel | null {
  const parsed = parseGrounds(text)
  return parsed.codes.length > 0 ? { label: parsed.label ?? text, grounds: parsed.codes } : null
}

/**
 * Beside a box, an uncatalogued code counts only when it carries a letter or a word ("5.1.2e",
 * "s47F", "Section 40(2)"): digits and dots alone ("6.2") are a section number.
 */
function foreignBeside(text: string): FoundLabel | null {
  const code = /\p{L}/u.test(text) ? foreignCode(text) : null
  return code ? { label: text.trim(), grounds: [code] } : null
}

/** The label printed on a box: as labelFor, or a code of a regime with no catalogue here ("5.1.2e", "s47F", "Reg 12(4)(d)"), shown as printed. */
export function labelOnBox(text: string): FoundLabel | null {
  const found = labelFor(text)
  if (found) return found
  const code = foreignCode(text)
  return code ? { label: text.trim(), grounds: [code] } : null
}

export function assignBesideLabels(
  targets: readonly LabelTarget[],
  runIndex: BandIndex<TextRun>,
  pageWidthPt: number
): Array<FoundLabel | null> {
  // Text printed on a box is that box's own label; it cannot also be a neighbour's.
  const onBoxCache = new Map<TextRun, boolean>()
  const onABox = (run: TextRun): boolean => {
    let on = onBoxCache.get(run)
    if (on === undefined) {
      // Most of its glyphs on one box: a run that merely passes under a box (hidden text) is not.
      on = targets.some((t) => {
        let inside = 0
        for (const g of run.glyphs) {
          const cx = (g.rect[0] + g.rect[2]) / 2
          const cy = (g.rect[1] + g.rect[3]) / 2
          if (cx >= t.rect[0] && cx <= t.rect[2] && cy >= t.rect[1] && cy <= t.rect[3]) inside++
        }
        return inside >= 0.8 * run.glyphs.length
      })
      onBoxCache.set(run, on)
    }
    return on
  }
  const pairs: Pair[] = []
  const labelRuns = new Map<TextRun, FoundLabel | null>()
  targets.forEach((t, index) => {
    if (t.insideLabel) return
    const lh = Math.max(t.lineHeightPt, 4)
    for (const run of runIndex.near(t.rect, pageWidthPt, ABOVE_BELOW_REACH_LINES * lh)) {
      if (run.invisible || onABox(run)) continue
      const { dx, dy } = gaps(run.rect, t.rect)
      const sameLine = verticalOverlap(run.rect, t.rect) >= 0.5 || (dy === 0 && height(t.rect) > 2 * lh)
      let found = labelRuns.get(run)
      if (found === undefined) {
        found = isOnlyLabel(run.text) ? labelFor(run.text) : foreignBeside(run.text)
        labelRuns.set(run, found)
      }
      if (!found && sameLine) {
        // Printed inline, right after the box or just before it, with the sentence going on. The run may
        // also hold the text the box hides (drawn first, one run with its line): read only the glyphs
        // clear of the box on either side.
        const right = run.glyphs.filter((g) => g.rect[0] >= t.rect[2] - 1)
        const left = run.glyphs.filter((g) => g.rect[2] <= t.rect[0] + 1)
        const rightGap = right.length > 0 ? right[0]!.rect[0] - t.rect[2] : Infinity
        const leftGap = left.length > 0 ? t.rect[0] - left[left.length - 1]!.rect[2] : Infinity
        const reach = INLINE_REACH_LINES * lh
        const inline =
          (rightGap <= reach ? edgeLabel(glyphText(right), false) : null) ??
          (leftGap <= reach ? edgeLabel(glyphText(left), true) : null)
        if (inline) pairs.push({ target: index, run, label: inline, score: Math.min(rightGap, leftGap) })
        continue
      }
      if (!found) continue
      if (sameLine) {
        // Beside: near wins; out in the margin still counts, at a cost.
        const score = dx <= BESIDE_REACH_LINES * lh ? dx : dx + 10 * lh
        pairs.push({ target: index, run, label: found, score })
      } else if (dy <= ABOVE_BELOW_REACH_LINES * lh) {
        const aligned = horizontalOverlap(run.rect, t.rect) > 0 || Math.abs(run.rect[0] - t.rect[0]) <= 3 * lh
        if (aligned && dx <= 3 * lh) pairs.push({ target: index, run, label: found, score: dy + lh + dx })
      }
    }
  })
  pairs.sort((a, b) => a.score - b.score)
  const result: Array<FoundLabel | null> = targets.map(() => null)
  const usedRuns = new Set<TextRun>()
  for (const pair of pairs) {
    if (result[pair.target] || usedRuns.has(pair.run)) continue
    result[pair.target] = pair.label
    usedRuns.add(pair.run)
  }
  // One block drawn as stacked bars: a label beside one bar covers the bars touching it above/below.
  let changed = true
  while (changed) {
    changed = false
    targets.forEach((t, i) => {
      if (result[i] || t.insideLabel) return
      for (let j = 0; j < targets.length; j++) {
        const other = targets[j]!
        const label = result[j]
        if (!label || j === i) continue
        const { dx, dy } = gaps(t.rect, other.rect)
        const lh = Math.max(t.lineHeightPt, 4)
        if (dx === 0 && dy <= 0.8 * lh && Math.abs(t.rect[0] - other.rect[0]) <= 2) {
          result[i] = label
          changed = true
          return
        }
      }
    })
  }
  return result
}
