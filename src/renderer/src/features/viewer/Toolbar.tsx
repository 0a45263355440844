/**
 * The viewer's toolbar: back to the library, the document's name and its leak audit verdict,
 * thumbnails, the page box ("12 / 340": type a number and Enter) and zoom (−, a menu of steps and
 * fit modes, +).
 */
import { useState } from 'react'
import { VerdictBadge } from '../audit/VerdictBadge'
import { EditTools } from '../review/EditTools'
import { percentToScale, scaleToPercent, ZOOM_PERCENT_STEPS, type ZoomSetting } from './zoom'

export interface ViewerControls {
  pageIndex: number
  pageCount: number
  onGoToPage(pageIndex: number): void
  zoom: ZoomSetting
  /** The scale in force, CSS px per point (a fit mode resolved). */
  scale: number
  onZoom(zoom: ZoomSetting): void
  onZoomIn(): void
  onZoomOut(): void
  thumbnails: boolean
  onToggleThumbnails(): void
}

function PageBox(props: {
  pageIndex: number
  pageCount: number
  onGoToPage(pageIndex: number): void
}): React.JSX.Element {
  const [draft, setDraft] = useState<string | null>(null)
  const go = (): void => {
    const number = Number.parseInt(draft ?? '', 10)
    if (Number.isFinite(number)) props.onGoToPage(Math.min(props.pageCount, Math.max(1, number)) - 1)
    setDraft(null)
  }
  return (
    <label className="viewer-pagebox">
      <span className="visually-hidden">Page</span>
      <input
        type="text"
        inputMode="numeric"
        aria-label="Page number"
        value={draft ?? String(props.pageIndex + 1)}
        size={Math.max(2, String(props.pageCount).length)}
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setDraft(event.target.value.replace(/[^0-9]/g, ''))}
        onBlur={() => setDraft(null)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') go()
          if (event.key === 'Escape') setDraft(null)
        }}
      />
      <span className="viewer-pagecount"> / {props.pageCount}</span>
    </label>
  )
}

function zoomValue(zoom: ZoomSetting): string {
  return typeof zoom === 'number' ? `p${Math.round(scaleToPercent(zoom))}` : zoom
}

export function Toolbar(props: {
  name: string
  documentId: string
  onClose(): void
  controls?: ViewerControls
}): React.JSX.Element {
  const c = props.controls
  const percent = c ? Math.round(scaleToPercent(c.scale)) : 100
  const customPercent =
    c && typeof c.zoom === 'number' && !ZOOM_PERCENT_STEPS.some((step) => step === percent) ? percent : null
  return (
    <header className="viewer-toolbar">
      <button type="button" className="viewer-back" onClick={props.onClose} title="Back to the library">
        ‹ Library
      </button>
      {c ? (
        <button
          type="button"
          className={c.thumbnails ? 'viewer-tool active' : 'viewer-tool'}
          aria-pressed={c.thumbnails}
          onClick={c.onToggleThumbnails}
          title="Show or hide page thumbnails"
        >
          Thumbnails
        </button>
      ) : null}
      <h1 className="viewer-title" title={props.name}>
        {props.name}
      </h1>
      <VerdictBadge documentId={props.documentId} />
      {c ? <EditTools pageIndex={c.pageIndex} /> : null}
      {c ? (
        <div className="viewer-controls">
          <PageBox pageIndex={c.pageIndex} pageCount={c.pageCount} onGoToPage={c.onGoToPage} />
          <div className="viewer-zoom" role="group" aria-label="Zoom">
            <button
              type="button"
              className="viewer-tool"
              onClick={c.onZoomOut}
              title="Zoom out (Ctrl+−)"
              aria-label="Zoom out"
            >
              −
            </button>
            <select
              aria-label="Zoom level"
              value={zoomValue(c.zoom)}
              onChange={(event) => {
                const value = event.target.value
                if (value === 'fit-width' || value === 'fit-page') c.onZoom(value)
                else c.onZoom(percentToScale(Number(value.slice(1))))
              }}
            >
              <option value="fit-width">Fit width</option>
              <option value="fit-page">Fit page</option>
              {customPercent !== null ? <option value={`p${customPercent}`}>{customPercent} %</option> : null}
              {ZOOM_PERCENT_STEPS.map((step) => (
                <option key={step} value={`p${step}`}>
                  {step} %
                </option>
              ))}
            </select>
            <button
              type="button"
              className="viewer-tool"
              onClick={c.onZoomIn}
              title="Zoom in (Ctrl+=)"
              aria-label="Zoom in"
            >
              +
            </button>
          </div>
        </div>
      ) : null}
    </header>
  )
}
