/**
 * Within one group (old boxes between the same aligned words, and the new boxes there): which new box
 * each old box became, and which words a lifted run of boxes gave way to.
 */
import type { PageRect } from '../types'
import { pairChange, side, type Placed } from './placedBoxes'
import type { StreamWord } from './readingStream'
import { shareByWidth } from './revealedText'
import type { Change } from './types'

/**
 * Every bar of a passage withheld in both copies is kept (or its ground changed), against the new bar
 * nearest its place; a bar printed without a label takes its passage's grounds.
 */
export function keepPassage(
  olds: readonly Placed[],
  news: readonly Placed[],
  newPaired: Set<Placed>,
  changeOf: Map<Placed, Change>
): void {
  const oldGrounds = passageGrounds(olds)
  const newGrounds = passageGrounds(news)
  for (const n of news) newPaired.add(n)
  const pairs = pairInGroup(olds, news)
  const pairedNew = new Map(pairs)
  for (const o of olds) {
    const n = pairedNew.get(o) ?? nearest(o, news)
    const older = o.box.grounds.length > 0 ? o : { ...o, box: { ...o.box, grounds: oldGrounds } }
    const newer = n.box.grounds.length > 0 ? n : { ...n, box: { ...n.box, grounds: newGrounds } }
    changeOf.set(o, pairChange(older, newer))
  }
}

/** The grounds the labelled bars of a passage agree on, or none. */
function passageGrounds(bars: readonly Placed[]): readonly string[] {
  const labelled = [
    ...new Set(bars.filter((b) => b.box.grounds.length > 0).map((b) => [...b.box.grounds].sort().join('|')))
  ]
  return labelled.length === 1 ? labelled[0]!.split('|') : []
}

function nearest(o: Placed, news: readonly Placed[]): Placed {
  const distance = (n: Placed): number =>
    Math.hypot(o.unitRect[0] - n.unitRect[0], o.unitRect[1] - n.unitRect[1])
  return news.reduce((best, n) => (distance(n) < distance(best) ? n : best))
}

/** In order when both copies have as many boxes there; otherwise nearest place on the page first. */
export function pairInGroup(olds: readonly Placed[], news: readonly Placed[]): Array<[Placed, Placed]> {
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
export function liftRuns(
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
