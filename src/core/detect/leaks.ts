/**
 * Decides whether text recovered from under a box is a leak worth a warning. Whitespace,
 * punctuation-only and one repeated character ("XXXXX", "█████", ".....") are what careful tools leave
 * behind on purpose; the printed label of the redaction itself ("Redacted", "s9(2)(a)") is not the
 * withheld content either.
 */
import type { Leak, LeakKind } from '../types'
import { parseGrounds } from '../grounds/parseGrounds'
import { sha256Text } from '../scan/sha256'
import { foreignCode } from '../grounds/foreignCode'

/** Words redaction tools print in or under a box as its label, not as withheld content. */
const MARKER_WORDS =
  /^(?:redacted|redaction|withheld|privileged?|confidential|deleted|removed|exempt(?:ion|ed)?|excluded|classified|non-?responsive|nr)$/iu
/** Words that may stand around a marker or a ground in a label ("Withheld under section …"). */
const FILLER_WORDS =
  /^(?:privacy|sensitive|personal|information|info|out|of|not|in|scope|relevant|under|section|sections|s|ss|and|pursuant|to|the|act|oia|lgoima|foia|full|page|pages|per|as)$/iu

/** Letters or digits, in any script. */
const ALNUM = /[\p{L}\p{N}]/gu

export function isMeaningfulText(text: string): boolean {
  const compact = text.replace(/\s+/g, '')
  const alnum = compact.match(ALNUM) ?? []
  if (alnum.length === 0) return false
  if (new Set(compact.toLowerCase()).size === 1) return false
  return true
}

/** True when everything readable is a ground citation or a redaction marker word. */
export function isOnlyLabel(text: string): boolean {
  const parsed = parseGrounds(text)
  let rest = text
  for (const m of [...parsed.matches].sort((a, b) => b.start - a.start)) {
    rest = rest.slice(0, m.start) + ' ' + rest.slice(m.end)
  }
  const words = rest.split(/[^\p{L}\p{N}-]+/u).filter((w) => w !== '')
  // A label cites a ground or says "Redacted"/"Withheld"; the words around that may be filler. Filler
  // alone ("the", "of") is ordinary text, and under a box it is a leak.
  if (parsed.matches.length === 0 && !words.some((w) => MARKER_WORDS.test(w))) return false
  return words.every((w) => MARKER_WORDS.test(w) || FILLER_WORDS.test(w))
}

/**
 * A label printed on a box: a ground of a catalogued regime, or any other regime's code on its own
 * ("5.1.2e", "Reg 12(4)(d)"). Beside a box such a bare number is as likely a section number ("6.2"),
 * so only text on the box is read this way.
 */
export function isOnlyLabelOnBox(text: string): boolean {
  return isOnlyLabel(text) || foreignCode(text) !== null
}

/** Real words: at least two runs of three or more letters (OCR noise rarely manages that). */
export function hasRealWords(text: string): boolean {
  return (text.match(/\p{L}{3,}/gu) ?? []).length >= 2
}

export function makeLeak(kind: LeakKind, text: string): Leak {
  return { kind, chars: text.replace(/\s+/g, '').length, sha256: sha256Text(text) }
}

/** A leak for recovered text, or null when the text is nothing a reader could use. */
export function leakFor(kind: LeakKind, text: string, requireWords: boolean): Leak | null {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!isMeaningfulText(clean)) return null
  if (isOnlyLabelOnBox(clean)) return null
  if (requireWords && !hasRealWords(clean)) return null
  return makeLeak(kind, clean)
}
