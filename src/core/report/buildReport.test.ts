import { describe, expect, it } from 'vitest'
import { buildReport } from './buildReport'
import { LEAKED_TEXT, sampleInput } from './fixture.test-support'
import { describePosition, estimateWords } from './measure'

describe('buildReport', () => {
  const report = buildReport(sampleInput())

  it('lists redactions in reading order: document as given, page, top, left', () => {
    expect(report.register.map((r) => r.redactionId)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'])
    expect(report.register.map((r) => r.ref)).toEqual([1, 2, 3, 4, 5, 6])
    expect(report.register.map((r) => r.pageNumber)).toEqual([1, 1, 2, 2, 3, 1])
  })

  it('totals documents, pages, pages withheld in full and redactions', () => {
    const s = report.summary
    expect([s.documents, s.pages, s.pagesWithheldInFull, s.redactions, s.leaks]).toEqual([2, 4, 1, 6, 1])
  })

  it('counts by ground (a two-ground box under both), sorted by count then code', () => {
    expect(report.summary.byGround.map((g) => [g.code, g.count])).toEqual([
      ['9(2)(a)', 2],
      ['9(2)(g)(i)', 2],
      ['6(a)', 1],
      ['9(2)(b)(ii)', 1]
    ])
  })

  it('splits s 6 conclusive from s 9 public-interest grounds and counts boxes without a ground', () => {
    expect(report.summary.byClass).toMatchObject({ conclusive: 1, 'public-interest': 5, unknown: 0 })
    expect(report.summary.withoutGround).toBe(1)
    expect(report.cover.regime).toBe('nz-oia')
  })

  it('counts review statuses', () => {
    expect(report.summary.byStatus).toEqual({ unreviewed: 3, accepted: 1, disputed: 2 })
  })

  it('estimates area and words from box sizes, whole pages inside 1-inch margins', () => {
    expect(report.register.map((r) => r.estWords)).toEqual([7, 8, 8, 46, 768, 4])
    expect(report.summary.estWords).toBe(841)
    expect(report.summary.withheldAreaPt2).toBe(530908)
    expect(report.summary.withheldAreaPercent).toBe(26.49)
    expect(report.summary.estWordsBasis).toMatch(/410 pt²/)
  })

  it('describes positions in words', () => {
    expect(report.register.map((r) => r.position)).toEqual([
      'bottom left',
      'bottom right',
      'top left',
      'middle, full width',
      'whole page',
      'top left'
    ])
    expect(describePosition([250, 400, 340, 440], 595, 842)).toBe('middle centre')
    expect(estimateWords([0, 0, 5, 5], false)).toBe(1)
  })

  it('explains each ground from the catalogue with what to ask', () => {
    const privacy = report.grounds.find((g) => g.code === '9(2)(a)')
    expect(privacy?.label).toBe('Privacy')
    expect(privacy?.groundClass).toBe('public-interest')
    expect(privacy?.whatToAsk.join(' ')).toMatch(/s 9\(1\)/)
    expect(privacy?.whatToAsk.join(' ')).toMatch(/s 19\(a\)\(ii\)/)
    const security = report.grounds.find((g) => g.code === '6(a)')
    expect(security?.groundClass).toBe('conclusive')
    expect(security?.whatToAsk.join(' ')).not.toMatch(/s 9\(1\)/)
    expect(security?.whatToAsk.join(' ')).toMatch(/s 19\(a\)\(ii\)/)
    expect(report.generalAsks.join(' ')).toMatch(/1 redaction shows no ground/)
  })

  it('reconciles the grounds the letter cited with those used', () => {
    expect(report.reconciliation).toEqual({
      letterGrounds: ['9(2)(a)', '9(2)(g)(i)', '9(2)(j)'],
      citedNotUsed: ['9(2)(j)'],
      usedNotCited: ['6(a)', '9(2)(b)(ii)']
    })
  })

  it('drafts an Ombudsman complaint from the disputed redactions and their notes', () => {
    expect(report.complaint?.title).toBe('Draft complaint to the Ombudsman')
    expect(report.complaint?.paragraphs[0]).toMatch(/s 28 of the Official Information Act 1982/)
    expect(report.complaint?.items.map((i) => [i.ref, i.note])).toEqual([
      [2, 'Names of senior officials are routinely released.'],
      [5, '']
    ])
    const undisputed = sampleInput()
    const calm = buildReport({
      ...undisputed,
      documents: undisputed.documents.map((d) => ({
        ...d,
        redactions: d.redactions.map((r) => ({ ...r, status: 'accepted' as const }))
      }))
    })
    expect(calm.complaint).toBeNull()
  })

  it('hides leaked text unless the user opted in', () => {
    expect(report.leaks).toHaveLength(1)
    expect(report.leaks[0]?.leak.sha256).toBe('c'.repeat(64))
    expect(report.leaks[0]?.leakedText).toBeNull()
    expect(JSON.stringify(report)).not.toContain(LEAKED_TEXT)
    const opted = buildReport(sampleInput({ includeLeakedText: true }))
    expect(opted.leaks[0]?.leakedText).toBe(LEAKED_TEXT)
    expect(opted.register[1]?.leakedText).toBe(LEAKED_TEXT)
    expect(opted.cover.includesLeakedText).toBe(true)
  })

  it('lists the pages with redactions and their refs for thumbnails', () => {
    expect(report.pages.map((p) => [p.documentName, p.pageNumber, p.refs])).toEqual([
      ['briefing.pdf', 1, [1, 2]],
      ['briefing.pdf', 2, [3, 4]],
      ['briefing.pdf', 3, [5]],
      ['annex.pdf', 1, [6]]
    ])
  })

  it('speaks US FOIA for a US release: segregability, Vaughn, an appeal rather than the Ombudsman', () => {
    const input = sampleInput()
    const us = buildReport({
      ...input,
      release: { ...input.release, regime: 'us-foia', letterGrounds: [] },
      documents: input.documents.map((d) => ({
        ...d,
        redactions: d.redactions.map((r) => ({ ...r, grounds: r.grounds.length ? ['(b)(6)'] : [] }))
      }))
    })
    const privacy = us.grounds.find((g) => g.code === '(b)(6)')
    expect(privacy?.groundClass).toBe('us-exemption')
    expect(privacy?.whatToAsk.join(' ')).toMatch(/segregable/)
    expect(privacy?.whatToAsk.join(' ')).toMatch(/Vaughn/)
    expect(us.complaint?.title).toBe('Draft FOIA administrative appeal')
    expect(us.reconciliation).toBeNull()
  })
})
