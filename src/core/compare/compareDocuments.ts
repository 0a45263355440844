/**
 * Compares two releases of the same papers (issue 14). The two documents' visible words are aligned
 * as whole streams (alignTokens.ts), pages are paired from the words they share (alignPages.ts), and
 * each box of the older copy is placed through the aligned words just before and after it: where the
 * newer copy has a box between the same words the redaction was kept (or its ground changed), where
 * it prints words instead it was lifted and those words are the revealed text. Boxes with no aligned
 * words around them (a page with no text in either copy) fall back to the box's place on the paired
 * page. Coordinates alone never pair anything: the page pair itself comes from the text.
 */
import type { PageRect } from '../types'
import { alignPages } from './alignPages'
import { alignTokens } from './alignTokens'
import { buildStream, type StreamWord } from './readingStream'
import { pairChange, placeBoxes, side, unitIou, type Placed } from './placedBoxes'
import { comparePages } from './wholePages'
import { shareByWidth, trimMisreadContext } from './revealedText'
import { DIFF_FORMAT, type Change, type CompareDocument, type DiffResult } from './types'

export type CompareOutcome =
  { readonly ok: true; readonly result: DiffResult } | { readonly ok: false; readonly message: string }

/** Fewer aligned words than this and the two files are not releases of the same papers. */
const MIN_SHARED_WORDS = 8
/** Boxes a geometric fallback pairs must overlap this much, as shares of their pages (IoU). */
const MIN_FALLBACK_IOU = 0.3

/** The aligned neighbours of stream positions: nearest matched index at or before / at or after. */
function nearestMatched(match: Int32Array): { before: Int32Array; after: Int32Array } {
  const before = new Int32Array(match.length)
  const after = new Int32Array(match.length)
  let last = -1
  for (let k = 0; k < match.length; k++) before[k] = last = match[k]! >= 0 ? k : last
  last = -1
  for (let k = match.length - 1; k >= 0; k--) after[k] = last = match[k]! >= 0 ? k : last
  return { before, after }
}

/** A run of new words between aligned words: new stream indexes lo < k < hi, and the old context. */
interface Span {
  readonly lo: number
  readonly hi: number
  readonly oldFrom: number
  readonly oldTo: number
}

export function compareDocuments(older: CompareDocument, newer: CompareDocument): CompareOutcome {
  const oldStream = buildStream(older)
  const newStream = buildStream(newer)
  const oldWords = oldStream.words
  const newWords = newStream.words
  const match = alignTokens(
    oldWords.map((w) => w.token),
    newWords.map((w) => w.token)
  )
  const newMatched = new Uint8Array(newWords.length)
  const shared = older.pages.map(() => new Array<number>(newer.pages.length).fill(0))
  let sharedCount = 0
  match.forEach((j, i) => {
    if (j < 0) return
    newMatched[j] = 1
    sharedCount++
    shared[oldWords[i]!.pageIndex]![newWords[j]!.pageIndex]!++
  })
  if (sharedCount < MIN_SHARED_WORDS)
    return {
      ok: false,
      message:
        'the two files share no pages (no text in common), so they are not releases of the same papers.'
    }
  const pagePair = alignPages(shared, newer.pages.length)
  const { before, after } = nearestMatched(match)

  const spanOf = (placed: Placed): Span | null => {
    const near = (k: number): boolean => k >= 0 && Math.abs(oldWords[k]!.pageIndex - placed.pageIndex) <= 1
    const i = placed.gap > 0 ? before[placed.gap - 1]! : -1
    const j = placed.gap < oldWords.length ? after[placed.gap]! : -1
    const hasI = near(i)
    const hasJ = near(j)
    if (!hasI && !hasJ) return null
    // One aligned side only: the new words run on from it while unaligned and on the same page.
    const runs = (from: number, step: number): number => {
      let k = from + step
      const page = newWords[from]!.pageIndex
      while (k >= 0 && k < newWords.length && !newMatched[k] && newWords[k]!.pageIndex === page) k += step
      return k
    }
    const lo = hasI ? match[i]! : runs(match[j]!, -1)
    const hi = hasJ ? match[j]! : runs(match[i]!, 1)
    return { lo, hi, oldFrom: hasI ? i + 1 : placed.gap, oldTo: hasJ ? j : placed.gap }
  }

  const oldBoxes = placeBoxes(older, oldStream, false)
  const newBoxes = placeBoxes(newer, newStream, false)
  const newPaired = new Set<Placed>()
  const changeOf = new Map<Placed, Change>()

  // Old boxes that share the same aligned words around them form one group, answered together.
  const groups = new Map<string, { span: Span; olds: Placed[] }>()
  const fallback: Placed[] = []
  for (const placed of oldBoxes) {
    if ((pagePair[placed.pageIndex] ?? -1) < 0) continue // the page is not in the newer copy
    const span = spanOf(placed)
    if (!span) {
      fallback.push(placed)
      continue
    }
    const key = `${span.lo}:${span.hi}`
    const group = groups.get(key) ?? { span, olds: [] }
    group.olds.push(placed)
    groups.set(key, group)
  }
  for (const { span, olds } of groups.values()) {
    const news = newBoxes.filter((b) => !newPaired.has(b) && b.gap > span.lo && b.gap <= span.hi)
    const pairs = pairInGroup(olds, news)
    for (const [o, n] of pairs) {
      newPaired.add(n)
      changeOf.set(o, pairChange(o, n))
    }
    const trimmed = trimMisreadContext(
      newWords.slice(span.lo + 1, span.hi),
      oldWords.slice(span.oldFrom, olds[0]!.gap),
      oldWords.slice(olds[olds.length - 1]!.gap, span.oldTo)
    )
    liftRuns(olds, pairs, trimmed, changeOf)
  }

  // Boxes with no aligned words near them, and boxes the text said were lifted with nothing printed in
  // their place (a box the newer copy's scan did not find): matched by place on the paired page.
  const emptyLifts = oldBoxes.filter((o) => changeOf.get(o)?.revealedText === '')
  for (const placed of [...fallback, ...emptyLifts]) {
    const newPage = pagePair[placed.pageIndex]!
    let best: Placed | null = null
    let bestIou = MIN_FALLBACK_IOU
    for (const n of newBoxes) {
      if (n.pageIndex !== newPage || newPaired.has(n)) continue
      const iou = unitIou(placed.unitRect, n.unitRect)
      if (iou >= bestIou) [best, bestIou] = [n, iou]
    }
    if (best) {
      newPaired.add(best)
      changeOf.set(placed, pairChange(placed, best))
    } else if (!changeOf.has(placed)) {
      changeOf.set(placed, { status: 'lifted', old: side(placed), new: null, revealedText: '' })
    }
  }

  const pagesReleased = comparePages(older, newer, oldStream, newStream, pagePair, newPaired, changeOf)
  const changes: Change[] = [...changeOf.entries()]
    .sort(
      ([p], [q]) =>
        p.pageIndex - q.pageIndex || p.box.bbox[1] - q.box.bbox[1] || p.box.bbox[0] - q.box.bbox[0]
    )
    .map(([, change]) => change)
  const allNew = [...placeBoxes(newer, newStream, true), ...newBoxes].sort(
    (p, q) => p.pageIndex - q.pageIndex || p.box.bbox[1] - q.box.bbox[1] || p.box.bbox[0] - q.box.bbox[0]
  )
  for (const n of allNew) if (!newPaired.has(n)) changes.push({ status: 'added', old: null, new: side(n) })
  return {
    ok: true,
    result: {
      format: DIFF_FORMAT,
      old: { file: older.file, sha256: older.sha256 },
      new: { file: newer.file, sha256: newer.sha256 },
      changes,
      pagesReleased
    }
  }
}

/** In order when both copies have as many boxes there; otherwise nearest place on the page first. */
function pairInGroup(olds: readonly Placed[], news: readonly Placed[]): Array<[Placed, Placed]> {
  if (olds.length === news.length) return olds.map((o, k) => [o, news[k]!])
  const centre = (r: PageRect): [number, number] => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2]
  const candidates = olds.flatMap((o) =>
    news.map((n) => {
      const [ox, oy] = centre(o.unitRect)
      const [nx, ny] = centre(n.unitRect)
      return { o, n, distance: Math.hypot(ox - nx, oy - ny) }
    })
  )
  candidates.sort((p, q) => p.distance - q.distance)
  const pairs: Array<[Placed, Placed]> = []
  const used = new Set<Placed>()
  for (const { o, n } of candidates) {
    if (used.has(o) || used.has(n)) continue
    used.add(o).add(n)
    pairs.push([o, n])
  }
  return pairs
}

/** Each run of unpaired old boxes gets the new words between the paired boxes around it. */
function liftRuns(
  olds: readonly Placed[],
  pairs: ReadonlyArray<[Placed, Placed]>,
  words: readonly StreamWord[],
  changeOf: Map<Placed, Change>
): void {
  const pairedNew = new Map(pairs)
  // Words before a paired new box belong to the lifted boxes before its old box.
  const cutAt = (n: Placed): number => words.filter((w) => wordBefore(w, n)).length
  let run: Placed[] = []
  let from = 0
  const flush = (to: number): void => {
    if (run.length === 0) return
    const texts = shareByWidth(
      words.slice(from, to),
      run.map((o) => o.box.bbox)
    )
    run.forEach((o, k) =>
      changeOf.set(o, { status: 'lifted', old: side(o), new: null, revealedText: texts[k]! })
    )
    run = []
  }
  for (const o of olds) {
    const n = pairedNew.get(o)
    if (!n) {
      run.push(o)
      continue
    }
    const cut = Math.max(from, cutAt(n))
    flush(cut)
    from = cut
  }
  flush(words.length)
}

const wordBefore = (w: StreamWord, n: Placed): boolean =>
  w.pageIndex < n.pageIndex ||
  (w.pageIndex === n.pageIndex &&
    (w.pageRect[3] <= n.box.bbox[1] || (w.pageRect[1] < n.box.bbox[3] && w.pageRect[2] <= n.box.bbox[0])))
