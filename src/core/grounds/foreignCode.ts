/**
 * Ground codes of regimes Withheld has no catalogue for, printed alone inside a box: Dutch Woo/Wob
 * (`5.1.2e`, `5.1.1 c`, `10.2.e`), Australian FOI (`s47F`, `s 22`), UK FOIA and EIR (`Section
 * 40(2)`, `s.43`, `Reg 12(4)(d)`). Issue 11: shown verbatim as an unrecognised ground, not as none.
 * Only text that is nothing but such a code counts: "5.2" inside a box is a label, "see 5.2" is not.
 */

const FOREIGN_CODES: readonly RegExp[] = [
  // Dutch: article numbers with an optional sub-letter ("5.1.2e", "5.1.2 e", "10.2.g").
  /^(?:art(?:ikel)?\.?\s*)?\d{1,2}(?:\.\d{1,2}){1,3}\.?\s?[a-z]?$/iu,
  // Australian FOI Act sections with a letter suffix ("s47F", "s 47G(1)(a)").
  /^s\.?\s?\d{1,3}[A-Z]{1,2}(?:\(\d+\))*(?:\([a-z]\))?$/u,
  // UK FOIA / EIR ("Section 40(2)", "s.43(2)", "Reg 12(4)(d)").
  /^(?:section|sec\.?|s\.)\s?\d{1,3}(?:\(\d+\))+(?:\([a-z]\))?$/iu,
  /^reg(?:ulation)?\.?\s?\d{1,3}(?:\(\d+\))+(?:\([a-z]\))?$/iu
]

/** The code as a ground (spaces dropped, "5.1.2 E" → "5.1.2e"), or null when the text is anything else. */
export function foreignCode(text: string): string | null {
  const t = text.replace(/\s+/gu, ' ').trim()
  if (t.length === 0 || t.length > 24) return null
  if (!FOREIGN_CODES.some((re) => re.test(t))) return null
  const compact = t.replace(/\s+/gu, '')
  // Dutch sub-letters are lower case in the Act; other regimes keep their capitals.
  return /^\d/u.test(compact) ? compact.toLowerCase() : compact
}
