import { describe, expect, it } from 'vitest'
import { sampleInput } from '../report/fixture.test-support'
import { CM2_PER_PT2, releaseStats } from './releaseStats'

// The sample: two A4 documents (595 × 842 pt = 500,990 pt² a page, 4 pages), six boxes.
const A4_PT2 = 595 * 842

describe('releaseStats', () => {
  const stats = releaseStats(sampleInput())

  it('takes its totals from the report model', () => {
    expect(stats.report.summary.redactions).toBe(6)
    expect(stats.totalPageAreaPt2).toBe(4 * A4_PT2)
    expect(stats.withheld.areaPt2).toBe(stats.report.summary.withheldAreaPt2)
  })

  it('counts and measures each ground in pt², cm² and % of the page area', () => {
    expect(stats.byGround.map((g) => [g.code, g.label, g.count, g.areaPt2])).toEqual([
      ['9(2)(a)', 'Privacy', 2, 220 * 14 + 208 * 14],
      ['9(2)(g)(i)', 'Free and frank opinions', 2, 228 * 14 + A4_PT2],
      ['6(a)', 'Security, defence, international relations', 1, 208 * 14],
      ['9(2)(b)(ii)', 'Commercial position', 1, 128 * 14]
    ])
    const privacy = stats.byGround[0]!
    expect(privacy.areaCm2).toBeCloseTo(5992 * CM2_PER_PT2, 1)
    expect(privacy.pagePercent).toBe(Math.round((100 * 5992 * 100) / (4 * A4_PT2)) / 100)
    expect(stats.withoutGround).toMatchObject({
      count: 1,
      areaPt2: 451 * 42,
      pagePercent: 0.95,
      areaCm2: 23.6
    })
  })

  it('splits the release per document', () => {
    expect(
      stats.perDocument.map((d) => [d.name, d.pages, d.pagesWithheldInFull, d.redactions, d.pagePercent])
    ).toEqual([
      ['briefing.pdf', 3, 1, 5, 35.2],
      ['annex.pdf', 1, 0, 1, 0.36]
    ])
    expect(stats.perDocument[0]!.byStatus).toEqual({ unreviewed: 2, accepted: 1, disputed: 2 })
  })

  it('reconciles the letter with the register rows, in reading order', () => {
    const rec = stats.reconciliation
    expect(rec.citedNotUsed).toEqual(['9(2)(j)'])
    expect(rec.usedNotCited.map((u) => [u.code, u.items.map((r) => r.redactionId)])).toEqual([
      ['6(a)', ['r1']],
      ['9(2)(b)(ii)', ['r6']]
    ])
    expect(rec.withoutGround.map((r) => [r.redactionId, r.documentId, r.pageIndex])).toEqual([
      ['r4', 'doc-b', 1]
    ])
  })

  it('without a letter has no cited list', () => {
    const input = sampleInput()
    const none = releaseStats({ ...input, release: { ...input.release, letterGrounds: undefined } })
    expect(none.reconciliation.letterGrounds).toBeNull()
    expect(none.reconciliation.withoutGround).toHaveLength(1)
  })
})
