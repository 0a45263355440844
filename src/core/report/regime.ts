/**
 * Which access-to-information law a release is under, for the report's advice (issue 10, point 3).
 * Advice is only true for one regime: NZ OIA reasons (s 19(a)) and the Ombudsman mean nothing to a
 * Chicago police release under the Illinois FOIA, and a federal FOIA appeal means nothing in Wellington.
 * So the regime is read, in this order, from: the release's own setting; the statute the response letter
 * or a box's label names; the codes on the boxes and in the letter. A statute Withheld has no catalogue
 * for is reported by name as "not supported yet", and then, like an undetermined regime, gets no advice.
 */
import { inferRegime } from '../grounds/catalogue'
import type { Regime } from '../types'
import { REGIME_NAMES } from './asks'

/** A law named in the letter or on a box that Withheld has no grounds catalogue or advice for. */
export interface UnsupportedStatute {
  /** "Illinois Freedom of Information Act (5 ILCS 140)". */
  readonly name: string
  /** The citation as printed where it was found: "5 ILCS 140/7(1)(d)(v)". */
  readonly citation: string
  /** ISO 3166 alpha-2, for the paper size: "US", "GB", "AU", "NL"… */
  readonly country: string
}

export type RegimeBasis = 'release' | 'letter' | 'labels' | 'grounds' | 'none'

export interface RegimeDetection {
  /** 'unknown' when undetermined or when the statute is not supported. */
  readonly regime: Regime
  /** Where the regime was read from. */
  readonly basis: RegimeBasis
  /** Set when the letter or a label names a law Withheld does not support (regime is then 'unknown'). */
  readonly unsupported: UnsupportedStatute | null
}

interface StatutePattern {
  readonly re: RegExp
  readonly name: string
  readonly country: string
}

/**
 * Laws a letter or label names that Withheld has no catalogue for. Each pattern matches the citation a
 * response prints ("5 ILCS 140/7(1)(c)", "Cal. Gov. Code § 7927.705", "s 47F of the FOI Act 1982").
 * A state's own "Freedom of Information Act" is named by its state first so the federal check below
 * does not claim it.
 */
const UNSUPPORTED: readonly StatutePattern[] = [
  {
    re: /\b5\s*ILCS\s*140(?:\/[\w().]*[\w)])?|\bIllinois\s+Freedom\s+of\s+Information\s+Act\b/iu,
    name: 'Illinois Freedom of Information Act (5 ILCS 140)',
    country: 'US'
  },
  {
    re: /\bCalifornia\s+Public\s+Records\s+Act\b|\bCal(?:ifornia|\.)?\s*Gov(?:ernment|'?t|\.)?\s*Code\s*§*\s*(?:79[2-3]\d|6254)[\w.()]*/iu,
    name: 'California Public Records Act',
    country: 'US'
  },
  {
    re: /\bPublic\s+Officers\s+Law\s*§*\s*87(?:\(\d\)(?:\([a-z]\))*)?|\bNew\s+York\s+Freedom\s+of\s+Information\s+Law\b/iu,
    name: 'New York Freedom of Information Law (Public Officers Law art. 6)',
    country: 'US'
  },
  {
    re: /\bTexas\s+Public\s+Information\s+Act\b|\bGov(?:ernment|'?t|\.)?\s*Code\s*§*\s*552\.\d{3}\b/iu,
    name: 'Texas Public Information Act (Government Code ch. 552)',
    country: 'US'
  },
  {
    re: /\b(?:State\s+of\s+)?(?:Michigan|Ohio|Pennsylvania|Florida|Washington|Massachusetts|New\s+Jersey|Virginia|Georgia|Arizona|Colorado|Oregon|Minnesota|Wisconsin|Missouri|Maryland|Connecticut|Indiana|Tennessee|Kentucky|Louisiana)\s+(?:Freedom\s+of\s+Information\s+Act|Public\s+Records\s+(?:Act|Law)|Right[-\s]to[-\s]Know\s+Law|Open\s+Public\s+Records\s+Act)\b/iu,
    name: 'a US state public records law',
    country: 'US'
  },
  {
    re: /\bFreedom\s+of\s+Information\s+Act\s+2000\b|\bFOIA\s+2000\b|\bEnvironmental\s+Information\s+Regulations\s+2004\b/iu,
    name: 'Freedom of Information Act 2000 (UK)',
    country: 'GB'
  },
  {
    re: /\bFreedom\s+of\s+Information\s+Act\s+1982\b|\bFOI\s+Act\s+1982\b/iu,
    name: 'Freedom of Information Act 1982 (Australia)',
    country: 'AU'
  },
  {
    re: /\bWet\s+open\s+overheid\b|\bWet\s+openbaarheid\s+van\s+bestuur\b|\b(?:Woo|Wob)\b(?=[^\n]{0,40}\b(?:artikel|art\.)?\s*\d+\.\d)/iu,
    name: 'Wet open overheid (Netherlands)',
    country: 'NL'
  }
]

const LGOIMA_RE = /\bLocal\s+Government\s+Official\s+Information\s+and\s+Meetings\s+Act\b|\bLGOIMA\b/iu
const OIA_RE = /\bOfficial\s+Information\s+Act(?:\s+1982)?\b/iu
/** The federal FOIA: "5 U.S.C. § 552" (not 552a, the Privacy Act) or the Act by name with "U.S.C.". */
const US_FOIA_RE = /\b5\s*U\.?\s?S\.?\s?C\.?\s*(?:§+|sec(?:tion|\.)?)?\s*552(?!a)\b/iu

/** The first unsupported law `text` names, with the citation as printed; null when none. */
export function findUnsupportedStatute(text: string): UnsupportedStatute | null {
  let first: { at: number; statute: UnsupportedStatute } | null = null
  for (const pattern of UNSUPPORTED) {
    const m = pattern.re.exec(text)
    if (m && (first === null || m.index < first.at))
      first = {
        at: m.index,
        statute: { name: pattern.name, citation: m[0].replace(/\s+/gu, ' ').trim(), country: pattern.country }
      }
  }
  return first?.statute ?? null
}

/** The supported regime `text` names by its statute, or null (NZ LGOIMA before OIA: its name holds "Official Information"). */
function namedRegime(text: string): Exclude<Regime, 'unknown'> | null {
  if (LGOIMA_RE.test(text)) return 'nz-lgoima'
  if (OIA_RE.test(text)) return 'nz-oia'
  if (US_FOIA_RE.test(text)) return 'us-foia'
  return null
}

export interface RegimeEvidence {
  /** The release's setting; 'unknown' lets the rest decide. */
  readonly releaseRegime: Regime
  /** The response letter's text, '' when there is none. */
  readonly letterText: string
  /** Labels as printed on or beside the boxes. */
  readonly labels: readonly string[]
  /** Catalogue codes on the boxes and cited by the letter. */
  readonly codes: readonly string[]
}

export function detectRegime(evidence: RegimeEvidence): RegimeDetection {
  if (evidence.releaseRegime !== 'unknown')
    return { regime: evidence.releaseRegime, basis: 'release', unsupported: null }
  const sources: readonly [RegimeBasis, string][] = [
    ['letter', evidence.letterText],
    ['labels', evidence.labels.join('\n')]
  ]
  for (const [basis, text] of sources) {
    const named = namedRegime(text)
    if (named) return { regime: named, basis, unsupported: null }
    const unsupported = findUnsupportedStatute(text)
    if (unsupported) return { regime: 'unknown', basis, unsupported }
  }
  const inferred = inferRegime(evidence.codes)
  return inferred === 'unknown'
    ? { regime: 'unknown', basis: 'none', unsupported: null }
    : { regime: inferred, basis: 'grounds', unsupported: null }
}

/**
 * The paper a report prints on unless the user chooses: US Letter for a US release (federal FOIA or a
 * state law), A4 elsewhere and when undetermined. Takes the report's cover; the app and the CLI share it.
 */
export function paperFor(cover: {
  readonly regime: Regime
  readonly unsupportedStatute: UnsupportedStatute | null
}): 'a4' | 'letter' {
  if (cover.regime === 'us-foia') return 'letter'
  return cover.unsupportedStatute?.country === 'US' ? 'letter' : 'a4'
}

/** The cover's regime line and, when no advice is given, why. */
export function regimeWords(detection: RegimeDetection): { name: string; note: string | null } {
  const { unsupported } = detection
  if (unsupported) {
    const where = detection.basis === 'letter' ? 'The response letter cites' : 'A label on the pages cites'
    return {
      name: `Not supported yet: ${unsupported.name}`,
      note:
        `${where} “${unsupported.citation}” (${unsupported.name}), a law Withheld does not support yet. ` +
        'This report lists the redactions but gives no advice on what to ask or where to complain: ' +
        'advice written for another law would mislead.'
    }
  }
  if (detection.regime === 'unknown')
    return {
      name: REGIME_NAMES.unknown,
      note:
        'Neither the release, a response letter nor the grounds on the pages show which law this release ' +
        'is under, so this report gives no advice on what to ask or where to complain. Set the release’s ' +
        'regime, or give the response letter, to get it.'
    }
  return { name: REGIME_NAMES[detection.regime], note: null }
}
