/**
 * The top layer of a page (canvas → text → overlay): every redaction row stored for the page, drawn
 * as DOM boxes over the untouched canvas. The layer lets clicks and text selection through; only the
 * boxes take the pointer, for their tooltip (kind, label, grounds, leak).
 */
import type { RedactionRow } from '../../db/rows'
import { groundMeanings, reviewBoxClasses } from '../review/families'
import { selectRedaction, useSelectedRedactionId } from '../review/selection'
import { pageRectToViewRect } from './overlayGeometry'
import { usePageRedactions } from './queries'

const KIND_WORDS: Record<RedactionRow['kind'], string> = {
  black: 'Black box',
  white: 'White box',
  grey: 'Grey box',
  colour: 'Coloured box',
  page: 'Page withheld in full',
  annotation: 'Unapplied redaction mark'
}

// U+FE0E asks for the text form of ⚠, so the badge never depends on an emoji font.
const LEAK_BADGE = '\u26A0\uFE0E leak'

export function redactionTooltip(row: RedactionRow): string {
  const parts = [KIND_WORDS[row.kind]]
  parts.push(row.label ? `label “${row.label}”` : 'no label')
  parts.push(row.grounds.length > 0 ? `grounds ${row.grounds.join(', ')}` : 'no grounds')
  if (row.leak) {
    parts.push(`LEAK: ${row.leak.chars} characters recoverable (${row.leak.kind.replaceAll('-', ' ')})`)
  }
  if (row.status !== 'unreviewed') parts.push(row.status)
  return parts.join(' · ')
}

export function RedactionOverlay(props: {
  documentId: string
  pageIndex: number
  /** CSS px per point. */
  scale: number
}): React.JSX.Element {
  const rows = usePageRedactions(props.documentId, props.pageIndex)
  const selectedId = useSelectedRedactionId()
  return (
    <div className="redaction-overlay" aria-label="Redactions">
      {rows.map((row) => {
        const viewRect = pageRectToViewRect(row.pageRect, props.scale)
        const classes = ['redaction-box', `kind-${row.kind}`, `status-${row.status}`]
        if (row.leak) classes.push('leak')
        classes.push(...reviewBoxClasses(row, selectedId))
        return (
          <div
            key={row.id}
            className={classes.join(' ')}
            data-redaction-id={row.id}
            title={`${redactionTooltip(row)}\n${groundMeanings(row.grounds)}`.trim()}
            onClick={() => selectRedaction(row.id)}
            style={{ left: viewRect.left, top: viewRect.top, width: viewRect.width, height: viewRect.height }}
          >
            {row.label ? <span className="redaction-label">{row.label}</span> : null}
            {row.leak ? <span className="redaction-leak-badge">{LEAK_BADGE}</span> : null}
          </div>
        )
      })}
    </div>
  )
}
