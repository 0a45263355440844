/**
 * Aligns two token sequences (the words of two releases, whole documents at once) as a longest
 * common subsequence, so a cover letter put in front, pages taken out, reflowed lines and a few
 * misread OCR words all leave the rest matched. Large spans are cut at tokens that occur once in
 * each side and in the same order (patience diff); spans small enough are solved exactly by dynamic
 * programming. A 20,000-word release with a few hundred changed words aligns in well under a second.
 */

/** Spans up to this many cells (old × new tokens) are solved exactly: ~5 MB of Uint16 at most. */
const MAX_DP_CELLS = 2_500_000

/** Longest increasing subsequence of `values`, as indexes into it (patience sorting). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = []
  const previous = new Int32Array(values.length).fill(-1)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (values[tails[mid]!]! < v) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) previous[i] = tails[lo - 1]!
    tails[lo] = i
  }
  const out: number[] = []
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) out.push(i)
  return out.reverse()
}

function solveExactly(
  a: readonly string[],
  b: readonly string[],
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  match: Int32Array
): void {
  const n = a1 - a0
  const m = b1 - b0
  const width = m + 1
  // lengths[i][j]: LCS of a[a0+i..a1) and b[b0+j..b1), filled from the end so the walk goes forward.
  const lengths = new Uint16Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[a0 + i] === b[b0 + j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!)
    }
  }
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      match[a0 + i] = b0 + j
      i++
      j++
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++
    else j++
  }
}

/** Pairs of positions of tokens that occur exactly once in each span, in an order both sides share. */
function uniqueAnchors(
  a: readonly string[],
  b: readonly string[],
  a0: number,
  a1: number,
  b0: number,
  b1: number
): Array<[number, number]> {
  const inA = new Map<string, number>()
  for (let i = a0; i < a1; i++) inA.set(a[i]!, inA.has(a[i]!) ? -1 : i)
  const inB = new Map<string, number>()
  for (let j = b0; j < b1; j++) inB.set(b[j]!, inB.has(b[j]!) ? -1 : j)
  const pairs: Array<[number, number]> = []
  for (const [token, i] of inA) {
    const j = inB.get(token)
    if (i >= 0 && j !== undefined && j >= 0) pairs.push([i, j])
  }
  pairs.sort((p, q) => p[0] - q[0])
  return longestIncreasing(pairs.map((p) => p[1])).map((k) => pairs[k]!)
}

/** For each token of `a`, the index of the token of `b` it is aligned with, or -1. */
export function alignTokens(a: readonly string[], b: readonly string[]): Int32Array {
  const match = new Int32Array(a.length).fill(-1)
  const spans: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]]
  while (spans.length > 0) {
    let [a0, a1, b0, b1] = spans.pop()!
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) match[a0++] = b0++
    while (a0 < a1 && b0 < b1 && a[a1 - 1] === b[b1 - 1]) match[--a1] = --b1
    if (a0 >= a1 || b0 >= b1) continue
    if ((a1 - a0) * (b1 - b0) <= MAX_DP_CELLS) {
      solveExactly(a, b, a0, a1, b0, b1, match)
      continue
    }
    const anchors = uniqueAnchors(a, b, a0, a1, b0, b1)
    // No token unique on both sides in a span this large: left unmatched rather than guessed.
    let ai = a0
    let bi = b0
    for (const [i, j] of anchors) {
      match[i] = j
      spans.push([ai, i, bi, j])
      ai = i + 1
      bi = j + 1
    }
    if (anchors.length > 0) spans.push([ai, a1, bi, b1])
  }
  return match
}
