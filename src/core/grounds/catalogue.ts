/**
 * The grounds catalogues (resources/grounds/*.json) as typed data, and the regime a set of cited codes
 * points to. Codes are stored without "s"/"section": NZ `9(2)(g)(i)`, US `(b)(7)(C)`.
 */
import type { Regime } from '../types'
import nzOia from '../../../resources/grounds/nz-oia.json'
import nzLgoima from '../../../resources/grounds/nz-lgoima.json'
import usFoia from '../../../resources/grounds/us-foia.json'

export type GroundFamily = 's6-conclusive' | 's9-public-interest' | 's18-refusal' | 'us-foia' | 'other'

export interface Ground {
  readonly code: string
  /** A few words for the UI: "Privacy", "Free and frank opinions". */
  readonly label: string
  /** A paraphrase of the provision. */
  readonly meaning: string
  readonly family: GroundFamily
  /** Withholding can be outweighed by the public interest in release (OIA s 9(1), LGOIMA s 7(1)). */
  readonly publicInterestTest?: boolean
  readonly note?: string
}

export interface Catalogue {
  readonly regime: Exclude<Regime, 'unknown'>
  readonly source: string
  readonly grounds: readonly Ground[]
}

export const CATALOGUES: readonly Catalogue[] = [nzOia, nzLgoima, usFoia] as readonly Catalogue[]

export const OUT_OF_SCOPE = 'out-of-scope'

const byRegime = new Map(CATALOGUES.map((c) => [c.regime, new Map(c.grounds.map((g) => [g.code, g]))]))

/** Every NZ code either Act knows, for the parser's "is this a real section" check. */
export const NZ_CODES: ReadonlySet<string> = new Set([
  ...(byRegime.get('nz-oia')?.keys() ?? []),
  ...(byRegime.get('nz-lgoima')?.keys() ?? [])
])

export const US_CODES: ReadonlySet<string> = new Set(byRegime.get('us-foia')?.keys() ?? [])

export function findGround(code: string, regime: Regime = 'unknown'): Ground | null {
  if (regime !== 'unknown') return byRegime.get(regime)?.get(code) ?? null
  for (const catalogue of CATALOGUES) {
    const ground = byRegime.get(catalogue.regime)?.get(code)
    if (ground) return ground
  }
  return null
}

/**
 * The regime the cited codes belong to. LGOIMA's deletion grounds live in s 7(2), the OIA's in s 9(2);
 * US FOIA codes start "(b)". Codes both NZ Acts share (6(a), 18(d)) do not decide; OIA is the default
 * NZ Act because central-government releases far outnumber council ones.
 */
export function inferRegime(codes: Iterable<string>): Regime {
  let us = 0
  let oia = 0
  let lgoima = 0
  let nz = 0
  for (const code of codes) {
    if (code.startsWith('(b)')) us++
    else if (code.startsWith('7(2)')) lgoima++
    else if (code.startsWith('9(2)')) oia++
    else if (/^\d/.test(code)) nz++
  }
  if (us === 0 && oia + lgoima + nz === 0) return 'unknown'
  if (us > oia + lgoima + nz) return 'us-foia'
  if (lgoima > oia) return 'nz-lgoima'
  return 'nz-oia'
}
