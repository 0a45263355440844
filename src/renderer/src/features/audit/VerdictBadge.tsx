/**
 * The leak audit's verdict for one document as a small badge, in the library row and the open
 * document's header (issue 13). The hover (title) and, for screen readers, hidden text carry the
 * detail: counts per kind, or the parts that could not be read. A document analysed before the
 * audit existed says "Not audited — re-analyse", a button where the caller can re-analyse it.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { withheld } from '../../db/db'
import { verdictBadge, type VerdictBadge as Badge } from './verdict'

/** The badge for a document as stored now; null while loading, before the analysis is done, or gone. */
function useVerdictBadge(documentId: string): Badge | null {
  return (
    useLiveQuery(async () => {
      const document = await withheld.documents.get(documentId)
      if (!document) return null
      const row = await withheld.documentAudits.get(documentId)
      return verdictBadge(document.analysisState, row?.audit ?? null)
    }, [documentId]) ?? null
  )
}

export function VerdictBadge(props: {
  readonly documentId: string
  /** Where given, the "Not audited" badge is a button that analyses the document again. */
  readonly onReanalyse?: () => void
}): React.JSX.Element | null {
  const badge = useVerdictBadge(props.documentId)
  if (!badge) return null
  const className = `badge verdict-badge verdict-${badge.tone}`
  const content = (
    <>
      <span className="verdict-label">{badge.label}</span>
      <span className="visually-hidden">. {badge.detail}</span>
    </>
  )
  if (badge.tone === 'unaudited' && props.onReanalyse) {
    return (
      <button
        type="button"
        className={className}
        title={badge.detail}
        data-testid="audit-verdict"
        data-verdict={badge.tone}
        onClick={props.onReanalyse}
      >
        {content}
      </button>
    )
  }
  return (
    <span className={className} title={badge.detail} data-testid="audit-verdict" data-verdict={badge.tone}>
      {content}
    </span>
  )
}
