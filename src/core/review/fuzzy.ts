/**
 * The command palette's filter: the query's letters must appear in the label in order ("acg" finds
 * "Accept the grounds"); a label scores higher when they start words and run together, and higher
 * still when the query is a substring of it. Higher score = better match.
 */

export interface FuzzyMatch {
  readonly score: number
  /** Indexes into the label of the matched characters, for bold text in the list. */
  readonly positions: readonly number[]
}

const WORD_START_BONUS = 8
const RUN_BONUS = 5
const FIRST_CHAR_BONUS = 4
/** Each skipped character costs a little, so shorter spreads win ties. */
const GAP_COST = 0.1

const isWordStart = (text: string, i: number): boolean => i === 0 || /[\s./(+-]/u.test(text[i - 1]!)

/** Null when the letters of `query` (spaces ignored) do not all appear in `label` in order. */
export function fuzzyMatch(query: string, label: string): FuzzyMatch | null {
  const q = query.toLowerCase().replace(/\s+/gu, '')
  if (q.length === 0) return { score: 0, positions: [] }
  const text = label.toLowerCase()
  // Leftmost subsequence: each letter at its first place after the previous one.
  const positions: number[] = []
  let at = 0
  for (const ch of q) {
    const found = text.indexOf(ch, at)
    if (found === -1) return null
    positions.push(found)
    at = found + 1
  }
  let score = 0
  positions.forEach((p, i) => {
    if (isWordStart(label, p)) score += WORD_START_BONUS
    if (i > 0 && p === positions[i - 1]! + 1) score += RUN_BONUS
    if (i > 0) score -= GAP_COST * (p - positions[i - 1]! - 1)
  })
  if (positions[0] === 0) score += FIRST_CHAR_BONUS
  // A substring hit beats the same letters scattered.
  if (text.includes(q)) score += RUN_BONUS * q.length
  return { score, positions }
}

/** The items whose label matches, best first; ties keep the given order. */
export function fuzzyFilter<T>(items: readonly T[], query: string, labelOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, match: fuzzyMatch(query, labelOf(item)) }))
    .filter((x): x is { item: T; index: number; match: FuzzyMatch } => x.match !== null)
    .sort((a, b) => b.match.score - a.match.score || a.index - b.index)
    .map((x) => x.item)
}
