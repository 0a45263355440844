/**
 * Finding words in a release's page text and the reviewer's notes: case-blind, and blind to how
 * the PDF broke the words into lines (pdf.js gives "free and\nfrank" for a line break), so a query
 * matches across line ends. Plain data in, offsets and snippets out; the renderer supplies the text.
 */

/** Characters of context either side of a hit in a result's snippet: about eight words. */
export const SNIPPET_CONTEXT_CHARS = 48

export interface TextMatch {
  /** Offsets into the searched text, end exclusive. */
  readonly start: number
  readonly end: number
}

export interface Snippet {
  /** Text before the hit, with "…" when cut; line breaks shown as spaces. */
  readonly before: string
  readonly match: string
  readonly after: string
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')

/** The query as a pattern: words in order, any run of white space between them; null when blank. */
export function queryPattern(query: string): RegExp | null {
  const words = query.trim().split(/\s+/u).filter(Boolean)
  if (words.length === 0) return null
  return new RegExp(words.map(escapeRegExp).join(String.raw`\s+`), 'giu')
}

/** Up to `limit` non-overlapping matches, in order. */
export function findMatches(text: string, query: string | RegExp | null, limit = Infinity): TextMatch[] {
  const pattern = typeof query === 'string' ? queryPattern(query) : query
  if (!pattern || limit <= 0) return []
  const found: TextMatch[] = []
  for (const m of text.matchAll(new RegExp(pattern.source, 'giu'))) {
    found.push({ start: m.index, end: m.index + m[0].length })
    if (found.length >= limit) break
  }
  return found
}

const flat = (text: string): string => text.replace(/\s+/gu, ' ')

/** The hit with some words either side, cut at word boundaries where it can be. */
export function snippetAround(text: string, match: TextMatch, context = SNIPPET_CONTEXT_CHARS): Snippet {
  let from = Math.max(0, match.start - context)
  let to = Math.min(text.length, match.end + context)
  if (from > 0) {
    const space = text.indexOf(' ', from)
    if (space !== -1 && space < match.start) from = space + 1
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to)
    if (space > match.end) to = space
  }
  return {
    before: (from > 0 ? '…' : '') + flat(text.slice(from, match.start)).trimStart(),
    match: flat(text.slice(match.start, match.end)),
    after: flat(text.slice(match.end, to)).trimEnd() + (to < text.length ? '…' : '')
  }
}
