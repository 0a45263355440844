/**
 * Compares two releases of the same papers (issue 14). The two documents' visible words are aligned
 * as whole streams (alignTokens.ts), pages are paired from the words they share (alignPages.ts), and
 * each box of the older copy is placed through the aligned words just before and after it: where the
 * newer copy has a box between the same words the redaction was kept (or its ground changed), where
 * it prints words instead it was lifted and those words are the revealed text. Boxes with no aligned
 * words around them (a page with no text in either copy) fall back to the box's place on the paired
 * page. Coordinates alone never pair anything: the page pair itself comes from the text.
 */
import { alignPages } from './alignPages'
import { alignTokens } from './alignTokens'
import { buildStream } from './readingStream'
import { pairChange, placeBoxes, side, unitIou, type Placed } from './placedBoxes'
import { comparePages } from './wholePages'
import { trimMisreadContext } from './revealedText'
import { keepPassage, liftRuns, pairInGroup } from './groupPairing'
import { DIFF_FORMAT, type Change, type CompareDocument, type DiffResult } from './types'

export type CompareOutcome =
  { readonly ok: true; readonly result: DiffResult } | { readonly ok: false; readonly message: string }

/** Fewer aligned words (in runs) than this and the two files are not releases of the same papers. */
const MIN_SHARED_WORDS = 8
/** An old page with fewer words than this is paired by its place (a page withheld in full, a blank). */
const TEXTLESS_PAGE_WORDS = 10
/** Aligned words count towards a page pair only inside a run of this many aligned in a row. */
const MIN_PAGE_RUN_WORDS = 4
/** A page pair shares at least this share of the smaller page's words. */
const MIN_PAGE_SHARE = 0.35
/** Boxes a geometric fallback pairs must overlap this much, as shares of their pages (IoU). */
const MIN_FALLBACK_IOU = 0.3

/** True when old word i is aligned inside a run of at least `length` consecutive aligned pairs. */
function inRun(match: Int32Array, i: number, length: number): boolean {
  let from = i
  while (from > 0 && match[from - 1]! >= 0 && match[from - 1] === match[from]! - 1 && i - from < length)
    from--
  let to = i
  while (to + 1 < match.length && match[to + 1] === match[to]! + 1 && to - from + 1 < length) to++
  return to - from + 1 >= length
}

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
    // Pages pair on runs of words, not on a "the" or an "and" the alignment matched between
    // unrelated pages (a page taken out of the newer copy shares those with its neighbours).
    if (!inRun(match, i, MIN_PAGE_RUN_WORDS)) return
    shared[oldWords[i]!.pageIndex]![newWords[j]!.pageIndex]!++
    sharedCount++
  })
  const wordsOnPage = (p: number): number => (oldStream.pageStart[p + 1] ?? 0) - (oldStream.pageStart[p] ?? 0)
  const wordsOnNewPage = (q: number): number =>
    (newStream.pageStart[q + 1] ?? 0) - (newStream.pageStart[q] ?? 0)
  // A page pair shares a good part of the smaller page's words, not a stock sentence or two.
  shared.forEach((row, p) =>
    row.forEach((count, q) => {
      if (count < MIN_PAGE_SHARE * Math.min(wordsOnPage(p), wordsOnNewPage(q))) row[q] = 0
    })
  )
  // Two releases of the same papers have at least one page in common, not only stock phrases.
  const pagesInCommon = shared.some((row) => row.some((count) => count > 0))
  if (sharedCount < MIN_SHARED_WORDS || !pagesInCommon)
    return {
      ok: false,
      message:
        'the two files share no pages (no text in common), so they are not releases of the same papers.'
    }
  const pagePair = alignPages(
    shared,
    newer.pages.length,
    older.pages.map((page) => wordsOnPage(page.index) < TEXTLESS_PAGE_WORDS)
  )
  const { before, after } = nearestMatched(match)

  const spanOf = (placed: Placed): Span | null => {
    // Context words must be near the box in the older copy and, aligned, near its page's pair.
    const newPage = pagePair[placed.pageIndex]!
    const near = (k: number): boolean =>
      k >= 0 &&
      Math.abs(oldWords[k]!.pageIndex - placed.pageIndex) <= 1 &&
      Math.abs(newWords[match[k]!]!.pageIndex - newPage) <= 1
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

  // Unsure candidates of either copy may answer for a sure box of the other; reported alone (lifted,
  // added, or paired with another unsure one) they are left out.
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
    const trimmed = trimMisreadContext(
      newWords.slice(span.lo + 1, span.hi),
      oldWords.slice(span.oldFrom, olds[0]!.gap),
      oldWords.slice(olds[olds.length - 1]!.gap, span.oldTo)
    )
    if (news.length > 0 && trimmed.length === 0) {
      // Nothing printed between the words around them in the newer copy: one withheld passage in
      // both, however many bars each copy drew it with (reflow cuts lines elsewhere).
      keepPassage(olds, news, newPaired, changeOf)
      continue
    }
    const pairs = pairInGroup(olds, news)
    for (const [o, n] of pairs) {
      newPaired.add(n)
      changeOf.set(o, pairChange(o, n))
    }
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
  const unsureNew = new Set(newBoxes.filter((n) => !n.box.sure).map((n) => n.box.bbox))
  const changes: Change[] = [...changeOf.entries()]
    .filter(
      ([o, change]) =>
        o.box.sure || (change.status !== 'lifted' && change.new !== null && !unsureNew.has(change.new.bbox))
    )
    .sort(
      ([p], [q]) =>
        p.pageIndex - q.pageIndex || p.box.bbox[1] - q.box.bbox[1] || p.box.bbox[0] - q.box.bbox[0]
    )
    .map(([, change]) => change)
  const allNew = [...placeBoxes(newer, newStream, true), ...newBoxes].sort(
    (p, q) => p.pageIndex - q.pageIndex || p.box.bbox[1] - q.box.bbox[1] || p.box.bbox[0] - q.box.bbox[0]
  )
  // Boxes left on a page the older copy withheld in full were withheld then too: part of that page's
  // release (its change), not added.
  const releasedInto = new Set(pagesReleased.map((p) => pagePair[p]!))
  for (const n of allNew)
    if (n.box.sure && !newPaired.has(n) && !releasedInto.has(n.pageIndex))
      changes.push({ status: 'added', old: null, new: side(n) })
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
