/**
 * The release panel (issue 5, "Release level"): one screen for a whole release with its totals,
 * the response letter reconciled with the pages, and statistics by ground, status and document.
 * Every number comes from core/review/releaseStats.ts, which takes it from the report model, so the
 * panel and an exported report never disagree.
 */
import { releaseStats } from '@core/review/releaseStats'
import { useMemo } from 'react'
import type { ViewerTarget } from '../search/navigation'
import { LetterSection } from './LetterSection'
import { useReleaseData } from './queries'
import { DocumentStats, formatArea, GroundStats, StatusStats } from './StatsSections'
import { useLetterGrounds } from './useLetterGrounds'
import './release.css'

const describeDocs = (docs: readonly { name: string }[]): string =>
  docs.length === 1 ? `${docs[0]!.name} is` : `${docs.length} documents are`

export function ReleasePanel(props: {
  releaseId: string
  onClose(): void
  onOpenAt(target: ViewerTarget): void
  onSearch?(): void
}): React.JSX.Element {
  const data = useReleaseData(props.releaseId)
  const letterState = useLetterGrounds(data?.letter ?? null)
  const stats = useMemo(() => {
    if (!data) return null
    const letterGrounds = letterState.status === 'read' ? letterState.grounds.codes : undefined
    return releaseStats({ ...data.input, release: { ...data.input.release, letterGrounds } })
  }, [data, letterState])

  if (data === undefined) return <div className="release-panel" aria-busy="true" />
  if (data === null || !stats) {
    return (
      <div className="release-panel">
        <p>This release is no longer in the library.</p>
        <button type="button" className="button" onClick={props.onClose}>
          Back to library
        </button>
      </div>
    )
  }
  const s = stats.report.summary
  const analysing = data.documents.filter(
    (d) => d.analysisState === 'pending' || d.analysisState === 'running'
  )
  const unreadable = data.documents.filter(
    (d) => d.analysisState === 'failed' || d.analysisState === 'needs-password'
  )
  const facts: [string, string, string][] = [
    ['documents', 'Documents', String(s.documents)],
    ['pages', 'Pages', String(s.pages)],
    ['withheld-in-full', 'Pages withheld in full', String(s.pagesWithheldInFull)],
    ['redactions', 'Redactions', String(s.redactions)],
    [
      'area',
      'Withheld area',
      `${formatArea.cm2(stats.withheld.areaCm2)} (${formatArea.percent(stats.withheld.pagePercent)} of page area)`
    ],
    ['reviewed', 'Reviewed', `${s.byStatus.accepted + s.byStatus.disputed} of ${s.redactions}`]
  ]
  return (
    <div className="release-panel" data-testid="release-panel" data-release-id={props.releaseId}>
      <header className="release-panel-head">
        <button type="button" className="button button-small" onClick={props.onClose}>
          ← Library
        </button>
        <h2>{data.release.name}</h2>
        {props.onSearch ? (
          <button type="button" className="button button-small" onClick={props.onSearch} title="Ctrl+F">
            Search this release…
          </button>
        ) : null}
      </header>
      <div className="release-panel-body">
        {analysing.length > 0 ? (
          <p className="notice" role="status" data-testid="release-analysing">
            {describeDocs(analysing)} still being analysed: these numbers will change.
          </p>
        ) : null}
        {unreadable.length > 0 ? (
          <p className="notice" role="note" data-testid="release-unreadable">
            {describeDocs(unreadable)} not analysed (failed, or locked by a password): their redactions are
            missing from these numbers.
          </p>
        ) : null}
        <dl className="release-totals" data-testid="release-totals">
          {facts.map(([key, term, value]) => (
            <div key={key} data-fact={key}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <LetterSection
          documents={data.documents}
          letter={data.letter}
          state={letterState}
          reconciliation={stats.reconciliation}
          onOpenAt={props.onOpenAt}
        />
        <GroundStats stats={stats} />
        <StatusStats stats={stats} />
        <DocumentStats stats={stats} letterId={data.letter?.id ?? null} onOpenAt={props.onOpenAt} />
      </div>
    </div>
  )
}
