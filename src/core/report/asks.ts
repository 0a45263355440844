/**
 * What a requester can ask the agency or the Ombudsman, per ground and regime, and the fixed wording
 * of the complaint draft. Section numbers follow ../shared/reference/grounds.md: OIA s 9(1) public
 * interest test (LGOIMA s 7(1)); OIA s 19(a)(ii) grounds in support (LGOIMA s 18(a)(ii)); complaint to
 * the Ombudsman under OIA s 28 (LGOIMA s 27); US: segregability (5 U.S.C. § 552(b), closing sentence)
 * and the Vaughn index (Vaughn v. Rosen, 484 F.2d 820 (D.C. Cir. 1973)).
 */
import type { GroundFamily } from '../grounds/catalogue'
import type { Regime } from '../types'
import type { GroundClass } from './types'

export const REGIME_NAMES: Readonly<Record<Regime, string>> = {
  'nz-oia': 'Official Information Act 1982 (NZ)',
  'nz-lgoima': 'Local Government Official Information and Meetings Act 1987 (NZ)',
  'us-foia': 'Freedom of Information Act, 5 U.S.C. § 552 (US)',
  unknown: 'Regime not determined'
}

export function classOf(family: GroundFamily | null, code: string): GroundClass {
  if (family === 's6-conclusive') return 'conclusive'
  if (family === 's9-public-interest') return 'public-interest'
  if (family === 'us-foia') return 'us-exemption'
  if (family === 's18-refusal') return 'refusal'
  if (family === 'other') return 'other'
  return code === '' ? 'other' : 'unknown'
}

const isLgoima = (regime: Regime): boolean => regime === 'nz-lgoima'

/** The section that gives the right to the grounds in support of a reason. */
export const groundsInSupport = (regime: Regime): string =>
  isLgoima(regime) ? 's 18(a)(ii) of the LGOIMA' : 's 19(a)(ii) of the OIA'

export function asksFor(code: string, groundClass: GroundClass, regime: Regime): string[] {
  const asks: string[] = []
  if (groundClass === 'public-interest') {
    const test = isLgoima(regime) ? 's 7(1) of the LGOIMA' : 's 9(1) of the OIA'
    asks.push(
      `This ground is subject to the public interest test in ${test}: ask how the agency weighed the ` +
        'public interest in release, and which considerations it found outweighed it.',
      'Ask why withholding is necessary to protect the interest, and whether releasing part of the ' +
        'passage would do.'
    )
  } else if (groundClass === 'conclusive') {
    asks.push(
      'A conclusive reason: there is no public interest balancing, but the agency must still show that ' +
        'release would be likely to cause the prejudice. Ask what that likely prejudice is.'
    )
  } else if (groundClass === 'us-exemption') {
    asks.push(
      'Ask that every reasonably segregable non-exempt portion be released (5 U.S.C. § 552(b), closing ' +
        'sentence), with the amount withheld and the exemption marked at each deletion.',
      'Ask for a description of each withheld item, the exemption claimed and the harm foreseen: the ' +
        'content of a Vaughn index (Vaughn v. Rosen, 484 F.2d 820 (D.C. Cir. 1973)).'
    )
    if (code === '(b)(3)')
      asks.push('Ask which statute the agency relies on: (b)(3) requires one to be named.')
    if (code === '(b)(5)')
      asks.push(
        'Deliberative process privilege does not apply to records 25 years old or more: ask their date.'
      )
  } else if (code === 'out-of-scope') {
    asks.push(
      'Not a statutory ground. The scope is set by your request: ask why the passage falls outside it, ' +
        'or make a fresh request for it.'
    )
  } else if (groundClass === 'unknown') {
    asks.push('This code is not in the catalogue: ask the agency which provision it means.')
  }
  if (regime === 'nz-oia' || regime === 'nz-lgoima' || regime === 'unknown') {
    if (groundClass !== 'us-exemption')
      asks.push(
        `You have the right under ${groundsInSupport(regime)} to ask for the grounds in support of the ` +
          'reason (ask within the complaint period).'
      )
  }
  return asks
}

export function generalAsks(regime: Regime, withoutGround: number): string[] {
  const asks: string[] = []
  if (withoutGround > 0) {
    asks.push(
      regime === 'us-foia'
        ? `${withoutGround} redaction(s) show no exemption: the exemption must be marked at the place of ` +
            'deletion where technically feasible (5 U.S.C. § 552(b)).'
        : `${withoutGround} redaction(s) show no ground: the agency must give the reason for each ` +
            `withholding (${isLgoima(regime) ? 's 18(a)(i) of the LGOIMA' : 's 19(a)(i) of the OIA'}).`
    )
  }
  if (regime === 'us-foia') {
    asks.push(
      'Requesters are not entitled to a Vaughn index at the administrative stage; this register is one ' +
        'built from the released pages, to support an appeal.'
    )
  } else {
    asks.push(
      `For any redaction, you may ask for the grounds in support of the reason (${groundsInSupport(regime)}), ` +
        `and complain to the Ombudsman (${isLgoima(regime) ? 's 27 of the LGOIMA' : 's 28 of the OIA'}).`
    )
  }
  return asks
}

export function complaintFrame(
  regime: Regime,
  release: {
    readonly name: string
    readonly agency: string
    readonly requestRef: string
    readonly responseDate: string
  },
  disputed: number
): { title: string; addressee: string; paragraphs: string[] } {
  const agency = release.agency || 'the agency'
  const ref = release.requestRef ? ` (reference ${release.requestRef})` : ''
  const on = release.responseDate ? ` dated ${release.responseDate}` : ''
  if (regime === 'us-foia') {
    return {
      title: 'Draft FOIA administrative appeal',
      addressee: `FOIA Appeals Officer, ${agency}`,
      paragraphs: [
        `I appeal the withholding of information in ${agency}'s response${on} to my request${ref}.`,
        `I dispute the ${disputed} withholding(s) listed below. For each, I ask that reasonably segregable ` +
          'portions be released and that the agency describe the item withheld, the exemption claimed and ' +
          'the harm it foresees from release.',
        'My reasons for each are given with the item.'
      ]
    }
  }
  const act = isLgoima(regime)
    ? 'Local Government Official Information and Meetings Act 1987'
    : 'Official Information Act 1982'
  const section = isLgoima(regime) ? 's 27' : 's 28'
  return {
    title: 'Draft complaint to the Ombudsman',
    addressee: 'The Ombudsman (complaints: https://www.ombudsman.parliament.nz)',
    paragraphs: [
      `I complain under ${section} of the ${act} about ${agency}'s decision${on} to withhold ` +
        `information in response to my request${ref}.`,
      `I dispute the ${disputed} withholding(s) listed below. Where a ground is subject to the public ` +
        'interest test, I ask the Ombudsman to consider whether the public interest in release outweighs ' +
        'the reason for withholding; for every ground, whether withholding is justified at all.',
      'My reasons for each are given with the item. Page numbers and positions refer to the released documents.'
    ]
  }
}
