/**
 * The top layer of a page (canvas → text → overlay): every redaction row stored for the page, drawn
 * as DOM boxes over the untouched canvas, plus the editing around them (useBoxEditing.ts): resize
 * handles on a lone selected box, the preview of a drag, and the "withheld in full" mark. In the
 * select tool the layer lets clicks and text selection through and only the boxes take the pointer;
 * in the draw tool it takes every press on the page. Leak badges are placed apart from their boxes,
 * clear of the page's words and of every box and label (badgePlacement.ts).
 */
import { RESIZE_HANDLES } from '@core/review/boxGeometry'
import { isPossible } from '@core/review/possible'
import { useMemo, useRef } from 'react'
import type { RedactionRow } from '../../db/rows'
import { usePageTool } from '../review/editMode'
import { groundMeanings, reviewBoxClasses } from '../review/families'
import { usePageRow } from '../review/queries'
import { useSelectedIds } from '../review/selection'
import { pageRectToViewRect, type ViewRect } from './overlayGeometry'
import { LEAK_BADGE_HEIGHT_PX, LEAK_BADGE_WIDTH_PX, placeLeakBadges, type BadgeBox } from './badgePlacement'
import { usePageRedactions } from './queries'
import type { WordRects } from './textLayerRects'
import { useBoxEditing } from './useBoxEditing'

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
  if (isPossible(row)) parts.push('possible: a to confirm, Del to dismiss')
  return parts.join(' · ')
}

const place = (r: ViewRect): React.CSSProperties => ({
  left: r.left,
  top: r.top,
  width: r.width,
  height: r.height
})

export function RedactionOverlay(props: {
  documentId: string
  pageIndex: number
  /** CSS px per point. */
  scale: number
  /** The page's printed words (points), null until its text layer is built. */
  words: WordRects | null
}): React.JSX.Element {
  const { documentId, pageIndex, scale, words } = props
  const rows = usePageRedactions(documentId, pageIndex)
  const pageRow = usePageRow(documentId, pageIndex)
  const ids = useSelectedIds()
  const selected = useMemo(() => new Set(ids), [ids])
  const tool = usePageTool()
  const overlayRef = useRef<HTMLDivElement>(null)
  const editing = useBoxEditing({
    overlay: overlayRef,
    documentId,
    pageIndex,
    scale,
    pageSize: pageRow,
    rows
  })
  const { drag } = editing
  const badges = useMemo(() => {
    const boxes: BadgeBox[] = rows.map((row) => ({
      id: row.id,
      rect: pageRectToViewRect(row.pageRect, scale),
      label: row.label || null
    }))
    const leaking = boxes.filter((_, i) => rows[i]!.leak)
    if (leaking.length === 0 || !pageRow) return new Map<string, never>()
    const wordRects = (words ?? []).map((w) => pageRectToViewRect(w, scale))
    const pagePx = { width: pageRow.width * scale, height: pageRow.height * scale }
    return placeLeakBadges(leaking, boxes, wordRects, pagePx)
  }, [rows, scale, words, pageRow])
  const draft =
    drag && (drag.kind === 'draw' || drag.kind === 'band')
      ? pageRectToViewRect([drag.start.x, drag.start.y, drag.end.x, drag.end.y], scale)
      : null
  return (
    <div
      ref={overlayRef}
      className={tool === 'draw' ? 'redaction-overlay drawing' : 'redaction-overlay'}
      aria-label="Redactions"
      data-tool={tool}
    >
      {pageRow?.withheldInFull ? (
        <div className="page-withheld-mark" data-testid="page-withheld-mark">
          Withheld in full
        </div>
      ) : null}
      {rows.map((row) => {
        const viewRect = pageRectToViewRect(editing.rectOf(row), scale)
        const classes = ['redaction-box', `kind-${row.kind}`, `status-${row.status}`, `origin-${row.origin}`]
        if (row.leak) classes.push('leak')
        if (isPossible(row)) classes.push('possible')
        classes.push(...reviewBoxClasses(row, selected.has(row.id) ? row.id : null))
        if (ids.length > 1 && selected.has(row.id)) classes.push('multi')
        const handles = tool === 'select' && ids.length === 1 && ids[0] === row.id
        return (
          <div
            key={row.id}
            className={classes.join(' ')}
            data-redaction-id={row.id}
            title={`${redactionTooltip(row)}\n${groundMeanings(row.grounds)}`.trim()}
            onMouseDown={(event) => editing.onBoxMouseDown(event, row)}
            style={place(viewRect)}
          >
            {row.label ? <span className="redaction-label">{row.label}</span> : null}
            {handles
              ? RESIZE_HANDLES.map((handle) => (
                  <span
                    key={handle}
                    className={`redaction-handle handle-${handle}`}
                    data-handle={handle}
                    onMouseDown={(event) => editing.onHandleMouseDown(event, row, handle)}
                  />
                ))
              : null}
          </div>
        )
      })}
      {rows.map((row) => {
        const spot = badges.get(row.id)
        if (!spot) return null
        return (
          <span
            key={`leak-${row.id}`}
            className="redaction-leak-badge"
            data-redaction-id={row.id}
            // "pending": placed before the page's words were known; the text layer moves it.
            data-placed={words === null ? 'pending' : spot.clear ? 'clear' : 'crowded'}
            style={{
              left: spot.left,
              top: spot.top,
              width: LEAK_BADGE_WIDTH_PX,
              height: LEAK_BADGE_HEIGHT_PX
            }}
          >
            {LEAK_BADGE}
          </span>
        )
      })}
      {draft ? (
        <div
          className={`redaction-draft draft-${drag?.kind}`}
          data-testid="redaction-draft"
          style={place(draft)}
        />
      ) : null}
    </div>
  )
}
