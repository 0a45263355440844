/**
 * What a requester can ask the agency or the Ombudsman, per ground and regime, and the fixed wording
 * of the complaint draft. Section numbers follow ../shared/reference/grounds.md: OIA s 9(1) public
 * interest test (LGOIMA s 7(1)); OIA s 19(a)(ii) grounds in support (LGOIMA s 18(a)(ii)); complaint to
 * the Ombudsman under OIA s 28 (LGOIMA s 27); US: segregability (5 U.S.C. § 552(b), closing sentence),
 * the administrative appeal (§ 552(a)(6)(A)(i): at least 90 days; decided in 20 working days,
 * (a)(6)(A)(ii)), then federal district court (§ 552(a)(4)(B)), and the Vaughn index (Vaughn v. Rosen,
 * 484 F.2d 820 (D.C. Cir. 1973)). An undetermined regime gets no advice at all: advice under the wrong
 * law is worse than none (issue 10: a Chicago FOIA release was told to complain to the NZ Ombudsman).
 */
import type { GroundFamily } from '../grounds/catalogue'
import type { Regime } from '../types'
import type { GroundClass } from './types'

/** "1 redaction", "2 redactions"; `many` for irregular plurals. */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-NZ')} ${n === 1 ? one : many}`

const isNz = (regime: Regime): boolean => regime === 'nz-oia' || regime === 'nz-lgoima'

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
  if (regime === 'unknown') return asks
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
  } else if (groundClass === 'us-exemption' && regime === 'us-foia') {
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
  if (isNz(regime) && groundClass !== 'us-exemption')
    asks.push(
      `You have the right under ${groundsInSupport(regime)} to ask for the grounds in support of the ` +
        'reason (ask within the complaint period).'
    )
  return asks
}

export function generalAsks(regime: Regime, withoutGround: number): string[] {
  const asks: string[] = []
  if (regime === 'unknown') return asks
  if (regime === 'us-foia') {
    if (withoutGround > 0)
      asks.push(
        `${plural(withoutGround, 'redaction')} show${withoutGround === 1 ? 's' : ''} no exemption: the ` +
          'exemption must be marked at the place of deletion where technically feasible (5 U.S.C. § 552(b)).'
      )
    asks.push(
      'Appeal first: write to the agency’s FOIA appeals officer within the time its response gives (at ' +
        'least 90 days from the response, 5 U.S.C. § 552(a)(6)(A)(i)). The agency must decide the appeal ' +
        'within 20 working days (§ 552(a)(6)(A)(ii)).',
      'Then court: if the appeal is refused, or not decided in time, you may sue in federal district court ' +
        '(5 U.S.C. § 552(a)(4)(B)), which decides the withholding afresh, with the burden on the agency.',
      'Ask, in the appeal, for a Vaughn index: each withheld item described, with its exemption and the ' +
        'harm foreseen (Vaughn v. Rosen, 484 F.2d 820 (D.C. Cir. 1973)). Requesters are not entitled to one ' +
        'at the administrative stage; this register, built from the released pages, stands in for it.'
    )
    return asks
  }
  const lgoima = isLgoima(regime)
  if (withoutGround > 0)
    asks.push(
      `${plural(withoutGround, 'redaction')} show${withoutGround === 1 ? 's' : ''} no ground: the agency ` +
        `must give the reason for each withholding (${lgoima ? 's 18(a)(i) of the LGOIMA' : 's 19(a)(i) of the OIA'}).`
    )
  asks.push(
    `For any redaction, you may ask for the reason (${lgoima ? 's 18(a)(i)' : 's 19(a)(i)'}) and the grounds ` +
      `in support of it (${groundsInSupport(regime)}), and complain to the Ombudsman ` +
      `(${lgoima ? 's 27 of the LGOIMA' : 's 28 of the OIA'}).`
  )
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
  const items = plural(disputed, 'withholding')
  if (regime === 'unknown') {
    return {
      title: 'Disputed redactions',
      addressee: '',
      paragraphs: [
        `You dispute the ${items} listed below. No complaint route is drafted: the law this release is ` +
          'under is not one Withheld supports, or could not be determined (see the cover).'
      ]
    }
  }
  if (regime === 'us-foia') {
    return {
      title: 'Draft FOIA administrative appeal',
      addressee: `FOIA Appeals Officer, ${agency}`,
      paragraphs: [
        `I appeal the withholding of information in ${agency}'s response${on} to my request${ref}.`,
        `I dispute the ${items} listed below. For each, I ask that reasonably segregable ` +
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
      `I dispute the ${items} listed below. Where a ground is subject to the public ` +
        'interest test, I ask the Ombudsman to consider whether the public interest in release outweighs ' +
        'the reason for withholding; for every ground, whether withholding is justified at all.',
      'My reasons for each are given with the item. Page numbers and positions refer to the released documents.'
    ]
  }
}
