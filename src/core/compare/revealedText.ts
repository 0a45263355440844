/**
 * The words the newer copy prints where the older copy had boxes: the run of new words between the
 * aligned words around the boxes, less the misread copies of old words that did not align (an OCR
 * "Minlster" for "Minister" beside the box), shared between the boxes of one run by their widths.
 */
import type { PageRect } from '../types'
import type { StreamWord } from './readingStream'

/** Edit distance, for telling a misread word from a different one. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
    }
    previous = current
  }
  return previous[b.length]!
}

/** Up to a third of the letters differ: the same word, misread (OCR) or hyphenated differently. */
export function sameWordMisread(a: string, b: string): boolean {
  if (a.length < 3 || b.length < 3) return a === b
  return editDistance(a, b) <= Math.floor(Math.max(a.length, b.length) / 3)
}

/**
 * Drops from the front of `span` the words that are misread copies of `oldBefore` (the old words
 * between the aligned word and the box, in order), and from its back those of `oldAfter`.
 */
export function trimMisreadContext(
  span: readonly StreamWord[],
  oldBefore: readonly StreamWord[],
  oldAfter: readonly StreamWord[]
): StreamWord[] {
  let start = 0
  for (const word of oldBefore) {
    if (start < span.length && sameWordMisread(word.token, span[start]!.token)) start++
  }
  let end = span.length
  for (let k = oldAfter.length - 1; k >= 0; k--) {
    if (end > start && sameWordMisread(oldAfter[k]!.token, span[end - 1]!.token)) end--
  }
  return span.slice(start, end)
}

const widthOf = (r: PageRect): number => Math.max(1, r[2] - r[0])

/**
 * Shares `words` (in reading order) between boxes in reading order by their widths: the bars of a
 * withheld paragraph, one per line, each get the words whose printed length fits its share of the
 * total width (characters, spaces counted, stand in for the printed width: one font sets both).
 */
export function shareByWidth(words: readonly StreamWord[], boxes: readonly PageRect[]): string[] {
  const totalWidth = boxes.reduce((sum, box) => sum + widthOf(box), 0)
  const ends: number[] = []
  let chars = 0
  for (const word of words) {
    chars += (ends.length > 0 ? 1 : 0) + word.text.length
    ends.push(chars)
  }
  const out: string[] = []
  let taken = 0
  let widthSoFar = 0
  for (const box of boxes) {
    widthSoFar += widthOf(box)
    const targetChars = (chars * widthSoFar) / totalWidth
    // The word boundary nearest the bar's end.
    let upTo = taken
    while (
      upTo < words.length &&
      Math.abs(ends[upTo]! - targetChars) < Math.abs((ends[upTo - 1] ?? 0) - targetChars)
    )
      upTo++
    if (box === boxes[boxes.length - 1]) upTo = words.length
    out.push(
      words
        .slice(taken, upTo)
        .map((w) => w.text)
        .join(' ')
    )
    taken = upTo
  }
  return out
}
