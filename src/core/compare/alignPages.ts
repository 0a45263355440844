/**
 * Pairs the pages of two releases from the words they share (the word alignment of the whole
 * documents), one to one and in order, so a cover letter put in front or pages taken out shift the
 * pairs instead of breaking them. Pages with no words in common (withheld in full, blank) are then
 * paired by position between the pairs around them: a page withheld in full in the older copy and
 * released in the newer one sits between the same neighbours in both.
 */

/**
 * For each old page, its new page or -1. `sharedWords[p][q]`: words of old page p aligned with words
 * of new page q. `textless[p]`: old page p has (almost) no words of its own (withheld in full, blank),
 * so only its place can pair it; an old page with text that aligned with nothing was taken out.
 */
export function alignPages(
  sharedWords: readonly (readonly number[])[],
  newPageCount: number,
  textless: readonly boolean[]
): Int32Array {
  const oldPageCount = sharedWords.length
  const width = newPageCount + 1
  // best[p][q]: most shared words pairing pages before old p and new q, in order, one to one.
  const best = new Float64Array((oldPageCount + 1) * width)
  for (let p = 1; p <= oldPageCount; p++) {
    for (let q = 1; q <= newPageCount; q++) {
      const shared = sharedWords[p - 1]![q - 1] ?? 0
      best[p * width + q] = Math.max(
        best[(p - 1) * width + q]!,
        best[p * width + q - 1]!,
        shared > 0 ? best[(p - 1) * width + q - 1]! + shared : -Infinity
      )
    }
  }
  const pairOf = new Int32Array(oldPageCount).fill(-1)
  let p = oldPageCount
  let q = newPageCount
  while (p > 0 && q > 0) {
    const here = best[p * width + q]!
    if (here === best[(p - 1) * width + q]) p--
    else if (here === best[p * width + q - 1]) q--
    else {
      pairOf[p - 1] = q - 1
      p--
      q--
    }
  }
  fillByPosition(pairOf, newPageCount, textless)
  return pairOf
}

/**
 * Unpaired textless old pages between two pairs take the unpaired new pages between the same pairs, in
 * order; before the first pair they are counted back from it (a cover letter put in front is left
 * unpaired).
 */
function fillByPosition(pairOf: Int32Array, newPageCount: number, textless: readonly boolean[]): void {
  const anchors: Array<[number, number]> = [[-1, -1]]
  pairOf.forEach((q, p) => {
    if (q >= 0) anchors.push([p, q])
  })
  anchors.push([pairOf.length, newPageCount])
  for (let k = 0; k + 1 < anchors.length; k++) {
    const [p0, q0] = anchors[k]!
    const [p1, q1] = anchors[k + 1]!
    const oldRun: number[] = []
    for (let p = p0 + 1; p < p1; p++) if (textless[p]) oldRun.push(p)
    const newRun = q1 - q0 - 1
    const n = Math.min(oldRun.length, newRun)
    const leading = k === 0 && anchors.length > 2
    for (let i = 0; i < n; i++) {
      if (leading) pairOf[oldRun[oldRun.length - 1 - i]!] = q1 - 1 - i
      else pairOf[oldRun[i]!] = q0 + 1 + i
    }
  }
}
