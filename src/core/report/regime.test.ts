import { describe, expect, it } from 'vitest'
import { buildReport } from './buildReport'
import { sampleInput } from './fixture.test-support'
import { catalogueFor } from './fromScans'
import { renderReport, type ReportTextFormat } from './index'
import { detectRegime, findUnsupportedStatute, paperFor } from './regime'
import type { ReportInput } from './types'

const none = { releaseRegime: 'unknown', letterText: '', labels: [], codes: [] } as const

describe('detectRegime', () => {
  it('takes the release’s own setting first', () => {
    expect(detectRegime({ ...none, releaseRegime: 'nz-lgoima', codes: ['(b)(6)'] })).toEqual({
      regime: 'nz-lgoima',
      basis: 'release',
      unsupported: null
    })
  })

  it('reads the statute the letter names before the codes', () => {
    const letter = (letterText: string) => detectRegime({ ...none, letterText, codes: ['9(2)(a)'] })
    expect(
      letter('withheld under the Local Government Official Information and Meetings Act 1987')
    ).toMatchObject({ regime: 'nz-lgoima', basis: 'letter' })
    expect(letter('under section 9(2)(a) of the Official Information Act 1982')).toMatchObject({
      regime: 'nz-oia',
      basis: 'letter'
    })
    expect(letter('exempt under 5 U.S.C. § 552(b)(6)')).toMatchObject({ regime: 'us-foia', basis: 'letter' })
    // The Privacy Act (§ 552a) is not FOIA: the codes decide.
    expect(letter('records under 5 U.S.C. § 552a(k)(2)')).toMatchObject({
      regime: 'nz-oia',
      basis: 'grounds'
    })
  })

  it('names a law it does not support, with the citation as printed, and gives it no regime', () => {
    const chicago = detectRegime({
      ...none,
      letterText:
        'Portions are exempt under 5 ILCS 140/7(1)(d)(v) of the Illinois Freedom of Information Act.',
      codes: ['(b)(6)']
    })
    expect(chicago).toEqual({
      regime: 'unknown',
      basis: 'letter',
      unsupported: {
        name: 'Illinois Freedom of Information Act (5 ILCS 140)',
        citation: '5 ILCS 140/7(1)(d)(v)',
        country: 'US'
      }
    })
    expect(paperFor({ regime: chicago.regime, unsupportedStatute: chicago.unsupported })).toBe('letter')
    const label = detectRegime({ ...none, labels: ['Section 40(2) FOIA 2000'] })
    expect(label).toMatchObject({ regime: 'unknown', basis: 'labels', unsupported: { country: 'GB' } })
    expect(paperFor({ regime: 'unknown', unsupportedStatute: label.unsupported })).toBe('a4')
    expect(findUnsupportedStatute('Official Information Act 1982, s 9(2)(a)')).toBeNull()
  })

  it('falls back to the codes, and to undetermined when there are none', () => {
    expect(detectRegime({ ...none, codes: ['(b)(6)', '(b)(7)(C)'] })).toMatchObject({
      regime: 'us-foia',
      basis: 'grounds'
    })
    expect(detectRegime(none)).toEqual({ regime: 'unknown', basis: 'none', unsupported: null })
    expect(paperFor({ regime: 'us-foia', unsupportedStatute: null })).toBe('letter')
    expect(paperFor({ regime: 'unknown', unsupportedStatute: null })).toBe('a4')
  })
})

/** The sample NZ release with each NZ code swapped for a FOIA exemption, as a federal release prints them. */
const US_CODE: Readonly<Record<string, string>> = {
  '6(a)': '(b)(1)',
  '9(2)(a)': '(b)(6)',
  '9(2)(g)(i)': '(b)(5)',
  '9(2)(b)(ii)': '(b)(4)',
  '9(2)(j)': '(b)(4)'
}
const toUs = (code: string): string => US_CODE[code] ?? code

function usInput(): ReportInput {
  const nz = sampleInput()
  return {
    ...nz,
    release: { ...nz.release, name: 'FBI FOIPA 1234567', letterGrounds: nz.release.letterGrounds?.map(toUs) },
    documents: nz.documents.map((d) => ({
      ...d,
      redactions: d.redactions.map((r) => ({
        ...r,
        grounds: r.grounds.map(toUs),
        label: r.grounds.length > 0 ? r.grounds.map(toUs).join(', ') : null
      }))
    })),
    catalogue: catalogueFor('us-foia')
  }
}

function undeterminedInput(): ReportInput {
  const nz = sampleInput()
  const { letterGrounds: _dropped, ...release } = nz.release
  return {
    ...nz,
    // The sample's name says "OIA": a release named for no law.
    release: { ...release, name: 'Release 2026-0412' },
    documents: nz.documents.map((d) => ({
      ...d,
      redactions: d.redactions.map((r) => ({ ...r, grounds: [], label: null }))
    }))
  }
}

const FORMATS: readonly ReportTextFormat[] = ['html', 'md', 'csv', 'json']
const every = (input: ReportInput): string[] => {
  const report = buildReport(input)
  return FORMATS.map((format) => renderReport(report, format))
}

/** NZ routes: reasons and grounds in support (OIA s 19(a), LGOIMA s 18(a)), the Ombudsman (s 28 / s 27). */
const NZ_ADVICE =
  /19\(a\)|18\(a\)\((?:i|ii)\)|Ombudsman|Official Information|\bOIA\b|LGOIMA|public interest test/u
/** US routes: the statute, administrative appeal, court, the Vaughn index. */
const US_ADVICE = /U\.S\.C|§ ?552|Vaughn|appeals? officer|administrative appeal|district court|\bFOIA\b/u

describe('advice true to the regime, in every format', () => {
  it('a US FOIA release cites no NZ section or route, and gives the appeal, court and Vaughn route', () => {
    const report = buildReport(usInput())
    expect(report.cover.regime).toBe('us-foia')
    for (const text of every(usInput())) expect(text).not.toMatch(NZ_ADVICE)
    const general = report.generalAsks.join(' ')
    expect(general).toMatch(/appeals officer.*552\(a\)\(6\)\(A\)\(i\)/u)
    expect(general).toMatch(/district court \(5 U\.S\.C\. § 552\(a\)\(4\)\(B\)\)/u)
    expect(general).toMatch(/Vaughn index/u)
    expect(report.complaint?.title).toBe('Draft FOIA administrative appeal')
  })

  it('an NZ OIA release cites no US route', () => {
    const report = buildReport(sampleInput())
    expect(report.cover.regime).toBe('nz-oia')
    for (const text of every(sampleInput())) expect(text).not.toMatch(US_ADVICE)
    expect(report.generalAsks.join(' ')).toMatch(
      /s 19\(a\)\(i\).*s 19\(a\)\(ii\) of the OIA.*s 28 of the OIA/u
    )
  })

  it('an LGOIMA release cites the LGOIMA’s own sections, not the OIA’s', () => {
    const nz = sampleInput()
    const lgoima = buildReport({
      ...nz,
      release: { ...nz.release, name: 'Council request 2026-17', letterGrounds: ['7(2)(a)'] },
      documents: nz.documents.map((d) => ({
        ...d,
        redactions: d.redactions.map((r) => ({ ...r, grounds: ['7(2)(a)'], label: 's7(2)(a)' }))
      })),
      catalogue: catalogueFor('nz-lgoima')
    })
    expect(lgoima.cover.regime).toBe('nz-lgoima')
    const advice = [...lgoima.generalAsks, ...lgoima.grounds.flatMap((g) => g.whatToAsk)].join(' ')
    expect(advice).toMatch(/s 18\(a\)\(ii\) of the LGOIMA/u)
    expect(advice).toMatch(/s 7\(1\) of the LGOIMA/u)
    expect(advice).toMatch(/s 27 of the LGOIMA/u)
    expect(advice).not.toMatch(/of the OIA|19\(a\)|s 28\b/u)
    expect(advice).not.toMatch(US_ADVICE)
  })

  it('an undetermined release says so and gives no advice of either kind', () => {
    const report = buildReport(undeterminedInput())
    expect(report.cover.regime).toBe('unknown')
    expect(report.cover.regimeNote).toMatch(/gives no advice/)
    expect(report.generalAsks).toEqual([])
    expect(report.complaint).toMatchObject({ title: 'Disputed redactions', addressee: '' })
    for (const text of every(undeterminedInput())) {
      expect(text).not.toMatch(NZ_ADVICE)
      expect(text).not.toMatch(US_ADVICE)
    }
    const html = renderReport(report, 'html')
    expect(html).toContain('id="regime-note"')
    expect(html).not.toContain('For every redaction')
  })
})
