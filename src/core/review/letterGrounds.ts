/**
 * The grounds a response letter cites, read from its text. Labels on pages are parsed by the one
 * ground grammar (grounds/parseGrounds.ts); a letter writes grounds the way prose does, so this adds
 * only what prose adds on top of it:
 * - continuation lists that drop the section number: "sections 9(2)(a) and (g)(i)" (= 9(2)(a) and
 *   9(2)(g)(i)), "9(2)(b)(i) and (ii)", "9(2)(a), (b)(ii) and (h)";
 * - ranges: "9(2)(f)(i)–(iv)", "6(a) to (c)";
 * - US exemptions listed without their "(b)": "(b)(6) and (7)(C)";
 * - the US statute citation "5 U.S.C. § 552(b)(6)", whose "552(b)" the label grammar refuses
 *   (a "(b)" glued to a word is no FOIA label on a page, but is one in a letter).
 * Codes come back in catalogue form; parents are kept as cited ("9(2)(g)"): the reconciliation
 * decides how a parent meets a sub-paragraph.
 */
import { NZ_CODES, US_CODES } from '../grounds/catalogue'
import { parseGrounds, type GroundMatch } from '../grounds/parseGrounds'
import { findMatches } from './textSearch'

export interface LetterGrounds {
  /** Distinct codes in order of first citation. */
  readonly codes: readonly string[]
  /** Every citation, with the letter's own words for it. */
  readonly citations: readonly GroundMatch[]
}

const PART_RE = /\(\s?([0-9a-z]{1,4})\s?\)/giu
/** A connector then bare bracket groups: ", (b)(ii)", " and (g)(i)", " – (iv)", " to (c)". */
const CONTINUATION_RE =
  /^\s*(,\s*(?:and|or)?|and\/or|and|or|&|to|through|-|–|—)\s*((?:\(\s?[0-9a-z]{1,4}\s?\)){1,3})(?![\w(])/iu
const RANGE_WORDS = new Set(['to', 'through', '-', '–', '—'])
const US_STATUTE_RE = /§+\s*552\s?\(b\)\s?\((\d)\)(?:\s?\(([a-f])\))?/giu

const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'] as const
const isRoman = (part: string): boolean => (ROMANS as readonly string[]).includes(part)

/** A known code, or the parent of one (a letter may cite "9(2)(g)" as a whole paragraph). */
function isNzCode(code: string): boolean {
  if (NZ_CODES.has(code)) return true
  for (const known of NZ_CODES) if (known.startsWith(`${code}(`)) return true
  return false
}

const partsOf = (code: string): { section: string; parts: string[] } => {
  const section = /^\d+/u.exec(code)?.[0] ?? ''
  const parts = [...code.slice(section.length).matchAll(PART_RE)].map((p) => p[1]!.toLowerCase())
  return { section, parts }
}
const join = (section: string, parts: readonly string[]): string =>
  `${section}${parts.map((p) => `(${p})`).join('')}`

/**
 * Where a bare "(g)(i)" attaches to the previous code "9(2)(a)": its first part replaces the part of
 * the same kind, counted from the end (a roman numeral replaces the sub-paragraph, a letter the
 * paragraph, a number the subsection). Returns the candidates, likelier first: "(i)" after
 * 9(2)(b)(ii) is sub-paragraph (i), after 9(2)(h) paragraph (i).
 */
function attach(previous: string, continuation: readonly string[]): string[] {
  const { section, parts } = partsOf(previous)
  const head = continuation[0]!
  const levels: number[] = []
  const kindAt = (i: number): 'digit' | 'roman' | 'letter' =>
    /^\d/u.test(parts[i]!) ? 'digit' : i >= 2 && isRoman(parts[i]!) ? 'roman' : 'letter'
  for (let i = parts.length - 1; i >= 0; i--) {
    const kind = kindAt(i)
    if (/^\d/u.test(head) ? kind === 'digit' : isRoman(head) ? kind !== 'digit' : kind === 'letter') {
      levels.push(i)
    }
  }
  return levels.map((level) => join(section, [...parts.slice(0, level), ...continuation]))
}

/** "(a)" to "(c)" → a, b, c; "(i)" to "(iv)" → i…iv; null when the ends are of different kinds. */
function spanBetween(from: string, to: string): string[] | null {
  if (isRoman(from) && isRoman(to)) {
    const a = ROMANS.indexOf(from as (typeof ROMANS)[number])
    const b = ROMANS.indexOf(to as (typeof ROMANS)[number])
    // "(h) to (i)" are paragraphs h and i, not numerals: a numeral range starts at a numeral below it.
    if (a < b) return ROMANS.slice(a, b + 1)
  }
  if (/^[a-z]$/u.test(from) && /^[a-z]$/u.test(to) && from < to) {
    const out: string[] = []
    for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(String.fromCharCode(c))
    return out
  }
  return null
}

/** Expands continuations after one NZ citation; returns the extra matches in order. */
function continuationsAfter(text: string, first: GroundMatch): GroundMatch[] {
  const found: GroundMatch[] = []
  let previous = first.code
  let at = first.end
  for (;;) {
    const m = CONTINUATION_RE.exec(text.slice(at))
    if (!m) return found
    const connector = m[1]!.trim().toLowerCase()
    const continuation = [...m[2]!.matchAll(PART_RE)].map((p) => p[1]!.toLowerCase())
    const start = at + m[0].indexOf(m[2]!)
    const end = at + m[0].length
    const code = attach(previous, continuation).find(isNzCode)
    if (!code) return found
    if (RANGE_WORDS.has(connector)) {
      const a = partsOf(previous)
      const b = partsOf(code)
      const level = b.parts.length - 1
      const span =
        a.parts.length === b.parts.length && a.parts.slice(0, level).join() === b.parts.slice(0, level).join()
          ? spanBetween(a.parts[level]!, b.parts[level]!)
          : null
      for (const part of span?.slice(1) ?? [code]) {
        const inside = join(b.section, [...b.parts.slice(0, level), part])
        if (isNzCode(inside)) found.push({ code: inside, text: text.slice(start, end), start, end })
      }
    } else {
      found.push({ code, text: text.slice(start, end), start, end })
    }
    previous = code
    at = end
  }
}

/** "(b)(6) and (7)(C)": US exemptions listed after the first without their "(b)". */
function usContinuationsAfter(text: string, first: GroundMatch): GroundMatch[] {
  const found: GroundMatch[] = []
  let at = first.end
  for (;;) {
    const m = CONTINUATION_RE.exec(text.slice(at))
    if (!m || RANGE_WORDS.has(m[1]!.trim().toLowerCase())) return found
    const parts = [...m[2]!.matchAll(PART_RE)].map((p) => p[1]!)
    const code =
      parts.length <= 2 && /^[1-9]$/u.test(parts[0]!)
        ? `(b)(${parts[0]})${parts[1] ? `(${parts[1].toUpperCase()})` : ''}`
        : null
    if (!code || !US_CODES.has(code)) return found
    const start = at + m[0].indexOf(m[2]!)
    const end = at + m[0].length
    found.push({ code, text: text.slice(start, end), start, end })
    at = end
  }
}

export function letterGrounds(text: string): LetterGrounds {
  const parsed = parseGrounds(text)
  const citations: GroundMatch[] = []
  for (const match of parsed.matches) {
    citations.push(match)
    if (/^\d/u.test(match.code)) citations.push(...continuationsAfter(text, match))
    else if (match.code.startsWith('(b)')) citations.push(...usContinuationsAfter(text, match))
  }
  for (const m of text.matchAll(US_STATUTE_RE)) {
    const code = m[2] ? `(b)(${m[1]})(${m[2].toUpperCase()})` : `(b)(${m[1]})`
    if (US_CODES.has(code)) {
      citations.push({ code, text: m[0], start: m.index, end: m.index + m[0].length })
    }
  }
  citations.sort((a, b) => a.start - b.start)
  return { codes: [...new Set(citations.map((c) => c.code))], citations }
}

export interface PagedCitation extends GroundMatch {
  /** 0-based page of the letter; `start`/`end` stay offsets into the pages joined with "\n". */
  readonly pageIndex: number
  /** Which match of `text` on that page this is, 0-based, for marking it in the viewer. */
  readonly occurrence: number
}

/** The letter's grounds read from its pages' text, each citation with the page it is on. */
export function letterGroundsOfPages(pages: readonly string[]): {
  readonly codes: readonly string[]
  readonly citations: readonly PagedCitation[]
} {
  const starts: number[] = []
  let offset = 0
  for (const page of pages) {
    starts.push(offset)
    offset += page.length + 1
  }
  const { codes, citations } = letterGrounds(pages.join('\n'))
  return {
    codes,
    citations: citations.map((c) => {
      let pageIndex = 0
      while (pageIndex + 1 < starts.length && starts[pageIndex + 1]! <= c.start) pageIndex++
      const onPage = c.start - (starts[pageIndex] ?? 0)
      const occurrence = findMatches(pages[pageIndex] ?? '', c.text).findIndex((m) => m.start === onPage)
      return { ...c, pageIndex, occurrence: Math.max(0, occurrence) }
    })
  }
}
