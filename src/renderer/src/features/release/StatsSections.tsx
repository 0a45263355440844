/**
 * The release's numbers: redactions and withheld area by ground, by review status and per document,
 * each as a bar chart and as a table with the same numbers (the chart's accessible alternative).
 * Area is given in cm² of paper and as a share of the release's total page area.
 */
import { familyOf } from '@core/review/reviewItems'
import type { ReleaseStats } from '@core/review/releaseStats'
import type { ReviewStatus } from '@core/report/types'
import { REVIEW_STATUSES } from '@core/report/types'
import type { ViewerTarget } from '../search/navigation'
import { BarChart, type Bar } from './BarChart'

const STATUS_WORDS: Record<ReviewStatus, string> = {
  unreviewed: 'Unreviewed',
  accepted: 'Accepted',
  disputed: 'Disputed'
}
const STATUS_COLOURS: Record<ReviewStatus, string> = {
  unreviewed: 'var(--family-none, #8b95a1)',
  accepted: 'var(--review-accepted, #1a7f37)',
  disputed: 'var(--review-disputed, #b42318)'
}
const NO_GROUND_KEY = '__none__'

const cm2 = (value: number): string => `${value.toLocaleString('en-NZ', { maximumFractionDigits: 1 })} cm²`
const percent = (value: number): string => `${value.toLocaleString('en-NZ', { maximumFractionDigits: 2 })} %`

export function GroundStats({ stats }: { stats: ReleaseStats }): React.JSX.Element {
  const rows = [
    ...stats.byGround.map((g) => ({ ...g, key: g.code, name: g.code, family: familyOf([g.code]) })),
    ...(stats.withoutGround.count > 0
      ? [
          {
            ...stats.withoutGround,
            key: NO_GROUND_KEY,
            code: '',
            name: 'No ground',
            label: null,
            family: 'none'
          }
        ]
      : [])
  ]
  const colour = (family: string): string => `var(--family-${family}, var(--color-accent))`
  const countBars: Bar[] = rows.map((r) => ({
    key: r.key,
    label: r.name,
    value: r.count,
    valueText: String(r.count),
    colour: colour(r.family)
  }))
  const areaBars: Bar[] = rows.map((r) => ({
    key: r.key,
    label: r.name,
    value: r.pagePercent,
    valueText: percent(r.pagePercent),
    colour: colour(r.family)
  }))
  const top = rows[0]
  return (
    <section className="release-section" aria-labelledby="by-ground-heading" data-testid="by-ground">
      <h3 id="by-ground-heading">By ground</h3>
      {rows.length === 0 ? (
        <p className="muted">No redactions in this release.</p>
      ) : (
        <>
          <div className="chart-pair">
            <BarChart
              title="Redactions by ground"
              summary={`${rows.length} grounds; the most used is ${top?.name ?? ''} with ${top?.count ?? 0}. A box citing two grounds counts under both.`}
              bars={countBars}
              tableId="by-ground-table"
              testId="chart-count"
            />
            <BarChart
              title="Withheld area by ground, % of the release's page area"
              summary="The share of all the release's page area covered by each ground's boxes."
              bars={areaBars}
              tableId="by-ground-table"
              testId="chart-area"
            />
          </div>
          <table className="stats-table" id="by-ground-table" data-testid="by-ground-table">
            <caption className="visually-hidden">Redactions and withheld area by ground</caption>
            <thead>
              <tr>
                <th scope="col">Ground</th>
                <th scope="col">Meaning</th>
                <th scope="col" className="num">
                  Redactions
                </th>
                <th scope="col" className="num">
                  Area
                </th>
                <th scope="col" className="num">
                  % of page area
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-ground={r.key}>
                  <th scope="row">
                    <span className={`family-dot family-${r.family}`} aria-hidden="true" />
                    {r.name}
                  </th>
                  <td>{r.label ?? (r.key === NO_GROUND_KEY ? 'Neither printed nor tagged' : '—')}</td>
                  <td className="num" data-cell="count">
                    {r.count}
                  </td>
                  <td className="num">{cm2(r.areaCm2)}</td>
                  <td className="num">{percent(r.pagePercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}

export function StatusStats({ stats }: { stats: ReleaseStats }): React.JSX.Element {
  const byStatus = stats.report.summary.byStatus
  const total = stats.report.summary.redactions
  const bars: Bar[] = REVIEW_STATUSES.map((s) => ({
    key: s,
    label: STATUS_WORDS[s],
    value: byStatus[s],
    valueText: String(byStatus[s]),
    colour: STATUS_COLOURS[s]
  }))
  return (
    <section className="release-section" aria-labelledby="by-status-heading" data-testid="by-status">
      <h3 id="by-status-heading">By review status</h3>
      <BarChart
        title="Redactions by review status"
        summary={`${byStatus.accepted + byStatus.disputed} of ${total} reviewed: ${byStatus.accepted} accepted, ${byStatus.disputed} disputed.`}
        bars={bars}
        tableId="by-status-table"
        testId="chart-status"
      />
      <table className="stats-table" id="by-status-table">
        <caption className="visually-hidden">Redactions by review status</caption>
        <tbody>
          {REVIEW_STATUSES.map((s) => (
            <tr key={s} data-status={s}>
              <th scope="row">{STATUS_WORDS[s]}</th>
              <td className="num">{byStatus[s]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export function DocumentStats(props: {
  stats: ReleaseStats
  letterId: string | null
  onOpenAt(target: ViewerTarget): void
}): React.JSX.Element {
  return (
    <section className="release-section" aria-labelledby="per-document-heading" data-testid="per-document">
      <h3 id="per-document-heading">Per document</h3>
      <table className="stats-table">
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col" className="num">
              Pages
            </th>
            <th scope="col" className="num">
              Withheld in full
            </th>
            <th scope="col" className="num">
              Redactions
            </th>
            <th scope="col" className="num">
              Accepted
            </th>
            <th scope="col" className="num">
              Disputed
            </th>
            <th scope="col" className="num">
              Unreviewed
            </th>
            <th scope="col" className="num">
              % of its page area
            </th>
          </tr>
        </thead>
        <tbody>
          {props.stats.perDocument.map((d) => (
            <tr key={d.documentId} data-document-id={d.documentId}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => props.onOpenAt({ documentId: d.documentId, pageIndex: 0 })}
                >
                  {d.name}
                </button>
                {d.documentId === props.letterId ? <span className="badge letter-badge">Letter</span> : null}
              </th>
              <td className="num">{d.pages}</td>
              <td className="num">{d.pagesWithheldInFull}</td>
              <td className="num" data-cell="redactions">
                {d.redactions}
              </td>
              <td className="num">{d.byStatus.accepted}</td>
              <td className="num">{d.byStatus.disputed}</td>
              <td className="num">{d.byStatus.unreviewed}</td>
              <td className="num">{percent(d.pagePercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export const formatArea = { cm2, percent }
