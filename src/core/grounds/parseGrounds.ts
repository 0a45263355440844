/**
 * One grammar for the withholding grounds printed on or beside redactions: NZ OIA and LGOIMA section
 * references (`s9(2)(a)`, `s 9(2)(a)`, `section 9(2)(g)(i)`, `[s6(a)]`, `ss 9(2)(a) and 9(2)(g)(i)`,
 * `s18(d)`), "Out of scope" markings, and US FOIA exemptions (`(b)(6)`, `(b) (7)(C)`, `b6`, `B7C`,
 * `b(6)`, `Ex. 5`, `Exemption 6`). Codes come back in catalogue form without "s"/"section".
 */
import { NZ_CODES, OUT_OF_SCOPE, US_CODES } from './catalogue'

export interface GroundMatch {
  readonly code: string
  /** The text as printed, prefix included ("s 9(2)(a)", "(b) (7)(C)"). */
  readonly text: string
  readonly start: number
  readonly end: number
}

export interface ParsedGrounds {
  /** Distinct codes in order of appearance. */
  readonly codes: readonly string[]
  readonly matches: readonly GroundMatch[]
  /** The printed span from the first ground to the last, or null when none was found. */
  readonly label: string | null
}

/** "s", "s.", "ss", "section(s)", "sec.", optionally after "[" or "(": the NZ section prefix. */
const NZ_PREFIX = String.raw`(?:\b(?:sections?|secs?\.?|ss?\.?)\s*)`
/** 1–2 digit section, then 1–4 bracketed parts: 9(2)(ba)(i). Spaces between parts occur in OCR. */
const NZ_BODY = String.raw`(\d{1,2})((?:\s?\(\s?[0-9a-z]{1,4}\s?\)){1,4})`
const NZ_RE = new RegExp(String.raw`(?:(${NZ_PREFIX})|(?<![\w(./-]))${NZ_BODY}(?![\w(])`, 'giu')

/** (b)(6), (b) (7)(C), b6, B7C, b(6), b7(c), (b)6. */
const US_B_RE = /(?<![\w/])\(?b\)?\s?\(?([1-9])\)?(?:\s?\(?([a-f])\)?)?(?![\w(])/giu
/** Ex. 5, Ex 7(C), Exemption 6, Exemptions 6 and 7(C): the number list after the word. */
const US_EX_RE =
  /\b(?:ex\.?|exemptions?)\s*((?:[1-9](?:\s?\([a-f]\)|[a-f](?![a-z]))?(?:\s*(?:,|and|&|\/)\s*)?)+)/giu
const US_EX_ITEM_RE = /([1-9])(?:\s?\(([a-f])\)|([a-f])(?![a-z]))?/giu
const OUT_OF_SCOPE_RE =
  /\b(?:out\s+of\s+scope|not\s+in\s+scope|outside\s+(?:the\s+)?scope|not\s+relevant|non[-\s]?responsive)\b/giu

const ROMAN = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'])

/** A known code, or the parent of one (a label may cite "9(2)(g)" without its sub-paragraph). */
function isNzCode(code: string): boolean {
  if (NZ_CODES.has(code)) return true
  for (const known of NZ_CODES) if (known.startsWith(`${code}(`)) return true
  return false
}

function usCode(exemption: string, sub: string | undefined): string | null {
  const code = sub ? `(b)(${exemption})(${sub.toUpperCase()})` : `(b)(${exemption})`
  return US_CODES.has(code) ? code : null
}

/** Every ground has a digit, except the scope markers: most text fails this and skips the regexes. */
const MAY_CITE = /\d|scope|relevant|responsive/iu
const NONE: ParsedGrounds = { codes: [], matches: [], label: null }

export function parseGrounds(text: string): ParsedGrounds {
  if (!MAY_CITE.test(text)) return NONE
  const matches: GroundMatch[] = []
  const push = (code: string, start: number, end: number): void => {
    if (matches.some((m) => start < m.end && end > m.start)) return
    matches.push({ code, text: text.slice(start, end).trim(), start, end })
  }

  // "Exemption" lists first: their "7(C)" is FOIA, not the OIA's s 7(c).
  for (const m of text.matchAll(US_EX_RE)) {
    for (const item of m[1]!.matchAll(US_EX_ITEM_RE)) {
      const code = usCode(item[1]!, item[2] ?? item[3])
      const start = m.index + m[0].indexOf(m[1]!) + item.index
      if (code) push(code, item.index === 0 ? m.index : start, start + item[0].length)
    }
  }

  for (const m of text.matchAll(NZ_RE)) {
    const parts = [...m[3]!.matchAll(/\(\s?([0-9a-z]{1,4})\s?\)/giu)].map((p) => p[1]!.toLowerCase())
    // Letters after the first part are paragraph letters or roman sub-paragraphs, never capitals in NZ
    // drafting: "9(2)(A)" is still accepted (lower-cased) because OCR and typists vary.
    if (parts.some((p, i) => i > 0 && /\d/.test(p) && !ROMAN.has(p))) continue
    const code = `${m[2]}${parts.map((p) => `(${p})`).join('')}`
    if (!isNzCode(code)) continue
    const start = m.index
    push(code, start, start + m[0].length)
  }

  for (const m of text.matchAll(US_B_RE)) {
    const raw = m[0]
    // A bare "b6" needs the b glued to the digit; "(b)" needs both brackets: "b) 6" is a list item.
    const hasOpen = raw.startsWith('(')
    const closeAfterB = /^\(?b\)/iu.test(raw)
    if (hasOpen !== closeAfterB) continue
    const code = usCode(m[1]!, m[2])
    if (code) push(code, m.index, m.index + raw.length)
  }

  for (const m of text.matchAll(OUT_OF_SCOPE_RE)) push(OUT_OF_SCOPE, m.index, m.index + m[0].length)

  matches.sort((a, b) => a.start - b.start)
  const codes = [...new Set(matches.map((m) => m.code))]
  const first = matches[0]
  const last = matches[matches.length - 1]
  const label = first && last ? text.slice(first.start, last.end).trim() : null
  return { codes, matches, label }
}
