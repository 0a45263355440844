/**
 * Pages withheld in full, compared through the page pairs (alignPages.ts): the paired page withheld
 * too is kept (or its ground changed); a paired page with text was released, and its words are the
 * revealed text of the page's box.
 */
import { placeBoxes, pairChange, side, type Placed } from './placedBoxes'
import type { ReadingStream } from './readingStream'
import type { Change, CompareDocument } from './types'

export /** Pages withheld in full: kept (or ground changed) when the paired page is withheld too, else released. */
function comparePages(
  older: CompareDocument,
  newer: CompareDocument,
  oldStream: ReadingStream,
  newStream: ReadingStream,
  pagePair: Int32Array,
  newPaired: Set<Placed>,
  changeOf: Map<Placed, Change>
): number[] {
  const released: number[] = []
  const newWhole = placeBoxes(newer, newStream, true)
  for (const placed of placeBoxes(older, oldStream, true)) {
    const q = pagePair[placed.pageIndex] ?? -1
    if (q < 0) continue
    const counterpart = newWhole.find((n) => n.pageIndex === q && !newPaired.has(n))
    if (counterpart) {
      newPaired.add(counterpart)
      changeOf.set(placed, pairChange(placed, counterpart))
      continue
    }
    if (newer.pages[q]?.withheldInFull) continue // withheld in both, its box not drawn as a page box
    const start = newStream.pageStart[q]!
    const end = newStream.pageStart[q + 1]!
    const text = newStream.words
      .slice(start, end)
      .map((w) => w.text)
      .join(' ')
    changeOf.set(placed, { status: 'lifted', old: side(placed), new: null, revealedText: text })
    if (!released.includes(placed.pageIndex)) released.push(placed.pageIndex)
  }
  return released.sort((p, q) => p - q)
}
