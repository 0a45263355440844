/**
 * A release's statistics for the release panel, derived from the report model (report/buildReport.ts)
 * so the panel, the exported report and the CLI print the same totals: the summary's counts and the
 * register's rows are taken as they are; this only regroups them per document and puts the withheld
 * area in units a reader can picture (cm², and the share of the release's page area).
 */
import { findGround } from '../grounds/catalogue'
import { buildReport } from '../report/buildReport'
import type { RegisterRow, Report, ReportInput, ReviewStatus } from '../report/types'
import { reconcileGrounds, type GroundReconciliation } from './reconcile'

/** 1 pt = 1/72 in = 2.54/72 cm, so 1 pt² ≈ 0.001245 cm² (an A4 page is 501,000 pt² ≈ 624 cm²). */
export const CM2_PER_PT2 = (2.54 / 72) ** 2

export interface AreaShare {
  readonly areaPt2: number
  readonly areaCm2: number
  /** Share of the total area of every page in the release, in percent. */
  readonly pagePercent: number
}

export interface GroundStat extends AreaShare {
  readonly code: string
  /** Catalogue label ("Privacy"), or null for a code it does not know. */
  readonly label: string | null
  readonly count: number
}

export interface DocumentStat extends AreaShare {
  readonly documentId: string
  readonly name: string
  readonly pages: number
  readonly pagesWithheldInFull: number
  readonly redactions: number
  readonly byStatus: Readonly<Record<ReviewStatus, number>>
}

export interface ReleaseStats {
  /** The report model the numbers come from. */
  readonly report: Report
  readonly totalPageAreaPt2: number
  readonly withheld: AreaShare
  /** By count, then code; a box citing two grounds counts under both (as in the report). */
  readonly byGround: readonly GroundStat[]
  /** Boxes with no ground, as a bar beside the grounds. */
  readonly withoutGround: AreaShare & { readonly count: number }
  readonly perDocument: readonly DocumentStat[]
  readonly reconciliation: GroundReconciliation<RegisterRow>
}

const round = (value: number, places: number): number => Math.round(value * 10 ** places) / 10 ** places

function share(areaPt2: number, totalPt2: number): AreaShare {
  return {
    areaPt2: round(areaPt2, 2),
    areaCm2: round(areaPt2 * CM2_PER_PT2, 1),
    pagePercent: totalPt2 > 0 ? round((100 * areaPt2) / totalPt2, 2) : 0
  }
}

/**
 * @param input the report input for the whole release; `release.letterGrounds` undefined means no
 *   letter was marked, [] a letter that cites nothing.
 */
export function releaseStats(input: ReportInput): ReleaseStats {
  const report = buildReport(input)
  const pageArea = (doc: ReportInput['documents'][number]): number =>
    doc.pages.reduce((sum, p) => sum + p.width * p.height, 0)
  const totalPageAreaPt2 = input.documents.reduce((sum, d) => sum + pageArea(d), 0)

  const byGround = report.summary.byGround.map((g) => ({
    code: g.code,
    label: findGround(g.code, report.cover.regime)?.label ?? null,
    count: g.count,
    ...share(g.areaPt2, totalPageAreaPt2)
  }))
  const noGround = report.register.filter((row) => row.grounds.length === 0)

  const perDocument = input.documents.map((doc): DocumentStat => {
    const rows = report.register.filter((row) => row.documentId === doc.id)
    const byStatus: Record<ReviewStatus, number> = { unreviewed: 0, accepted: 0, disputed: 0 }
    for (const row of rows) byStatus[row.status]++
    return {
      documentId: doc.id,
      name: doc.name,
      pages: doc.pageCount,
      pagesWithheldInFull: doc.pages.filter((p) => p.withheldInFull).length,
      redactions: rows.length,
      byStatus,
      ...share(
        rows.reduce((sum, row) => sum + row.areaPt2, 0),
        pageArea(doc)
      )
    }
  })

  return {
    report,
    totalPageAreaPt2,
    withheld: share(report.summary.withheldAreaPt2, totalPageAreaPt2),
    byGround,
    withoutGround: {
      count: noGround.length,
      ...share(
        noGround.reduce((sum, row) => sum + row.areaPt2, 0),
        totalPageAreaPt2
      )
    },
    perDocument,
    reconciliation: reconcileGrounds(input.release.letterGrounds ?? null, report.register)
  }
}
