/**
 * Finding a ground by what a reviewer types: a code in any spelling ("9 2 a", "s9(2)(a)", "9(2)a",
 * "b6", "(b)(7)(C)") or words ("privacy", "free frank"). Searches the shipped catalogues plus the
 * user's custom grounds; the regime in use ranks first, so "7(2)(a)" under LGOIMA is not buried
 * under OIA codes.
 */
import { CATALOGUES, OUT_OF_SCOPE, type Ground } from '../grounds/catalogue'
import type { Regime } from '../types'

export interface SearchableGround extends Ground {
  /** Which catalogue it came from, or "custom". */
  readonly regime: Exclude<Regime, 'unknown'> | 'custom'
}

export interface GroundHit {
  readonly ground: SearchableGround
  /** Higher is better; hits come back sorted by it. */
  readonly score: number
}

/** Every catalogued ground once per regime, plus custom ones (custom codes shadow nothing). */
export function allGrounds(custom: readonly Ground[] = []): SearchableGround[] {
  const shipped = CATALOGUES.flatMap((c) => c.grounds.map((g) => ({ ...g, regime: c.regime })))
  return [...shipped, ...custom.map((g) => ({ ...g, regime: 'custom' as const }))]
}

/** "9(2)(g)(i)" → "92gi"; "(b)(7)(C)" → "b7c"; "s 9 2 a" → "92a" (a leading s/section dropped). */
export function codeKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\s*(?:sections?|secs?\.?|ss?\.?)\s*(?=\d)/u, '')
    .replace(/^\s*(?:ex\.?|exemptions?)\s*(?=\d)/u, 'b')
    .replace(/[^0-9a-z]/gu, '')
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

/** Query text that is a code, not words: it has a digit ("9 2 a", "b6") or is a bracketed letter. */
const looksLikeCode = (query: string): boolean => /\d/u.test(query)

// Scores: an exact code beats a code prefix beats a label word beats a word of the meaning.
const EXACT_CODE = 100
const CODE_PREFIX = 60
const LABEL_WORDS = 40
const MEANING_WORDS = 15
const REGIME_BONUS = 5

function scoreGround(
  ground: SearchableGround,
  query: string,
  queryKey: string,
  queryWords: string[]
): number {
  if (looksLikeCode(query)) {
    const key = codeKey(ground.code)
    if (key === queryKey) return EXACT_CODE
    // "92" finds 9(2)(a)…; shorter codes first so the parent ranks above its sub-paragraphs.
    if (key.startsWith(queryKey)) return CODE_PREFIX - Math.min(20, key.length - queryKey.length)
    return 0
  }
  const label = words(ground.label)
  const everyWordIn = (pool: string[]): boolean => queryWords.every((q) => pool.some((w) => w.startsWith(q)))
  if (everyWordIn(label)) return LABEL_WORDS
  if (everyWordIn([...label, ...words(ground.meaning), ...words(ground.note ?? '')])) return MEANING_WORDS
  if (ground.code === OUT_OF_SCOPE && 'out of scope'.startsWith(query.toLowerCase())) return LABEL_WORDS
  return 0
}

/**
 * Ranked hits for `query`. An empty query lists the preferred regime's catalogue in its own order
 * (the order of the Act). Ties keep catalogue order.
 */
export function searchGrounds(
  query: string,
  grounds: readonly SearchableGround[],
  preferred: Regime = 'unknown',
  limit = 50
): GroundHit[] {
  const trimmed = query.trim()
  const bonus = (g: SearchableGround): number =>
    g.regime === preferred || g.regime === 'custom' ? REGIME_BONUS : 0
  if (trimmed === '') {
    const pool =
      preferred === 'unknown'
        ? grounds
        : grounds.filter((g) => g.regime === preferred || g.regime === 'custom')
    return pool.slice(0, limit).map((ground) => ({ ground, score: 0 }))
  }
  const queryKey = codeKey(trimmed)
  const queryWords = words(trimmed)
  const hits: GroundHit[] = []
  for (const ground of grounds) {
    const score = scoreGround(ground, trimmed, queryKey, queryWords)
    if (score > 0) hits.push({ ground, score: score + bonus(ground) })
  }
  // Array.prototype.sort is stable: equal scores stay in catalogue order.
  hits.sort((a, b) => b.score - a.score)
  // One row per code: the same code in OIA and LGOIMA (6(a), 18(d)) shows once, the preferred one.
  const seen = new Set<string>()
  return hits.filter((hit) => !seen.has(hit.ground.code) && seen.add(hit.ground.code)).slice(0, limit)
}
