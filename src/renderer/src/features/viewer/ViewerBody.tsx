/**
 * An open, readable document: toolbar, thumbnail rail and page column, wired to zoom, paging,
 * keyboard and menu commands, and to the per-document view state (last page and zoom, saved
 * SAVE_VIEW_DEBOUNCE_MS after the reader stops moving, restored on reopen).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { ViewStateRow } from '../../db/rows'
import type { PdfSession } from '../../pdf/pdfSession'
import { RedactionPanel } from '../review/RedactionPanel'
import { PageScroller, type PageScrollerHandle } from './PageScroller'
import { saveViewState, usePageRows } from './queries'
import { ThumbnailRail } from './ThumbnailRail'
import { Toolbar } from './Toolbar'
import { usePageSizes } from './usePageSizes'
import { useViewerShortcuts } from './useViewerShortcuts'
import { ViewerMessage } from './ViewerMessage'
import { clampScale, percentToScale, resolveZoom, zoomInStep, zoomOutStep, type ZoomSetting } from './zoom'

/** Scrolling fires ~60 times a second; one write after the reader settles is enough. */
export const SAVE_VIEW_DEBOUNCE_MS = 300

export function ViewerBody(props: {
  session: PdfSession
  documentId: string
  name: string
  onClose(): void
  initialView: ViewStateRow | null
}): React.JSX.Element {
  const { session, documentId } = props
  const rows = usePageRows(documentId, session.pageCount)
  const { sizes, onMeasured } = usePageSizes(session, rows)
  const [zoom, setZoom] = useState<ZoomSetting>(props.initialView?.zoom ?? 'fit-width')
  const [pageIndex, setPageIndex] = useState(() =>
    Math.min(session.pageCount - 1, Math.max(0, props.initialView?.pageIndex ?? 0))
  )
  const [initialPageIndex] = useState(pageIndex)
  const [thumbnails, setThumbnails] = useState(true)
  const [viewport, setViewport] = useState<{ width: number; height: number } | null>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const mainRef = useRef<HTMLDivElement>(null)
  const scrollerRef = useRef<PageScrollerHandle>(null)

  useLayoutEffect(() => {
    const el = mainRef.current
    if (!el) return
    const measure = (): void => {
      setViewport((prev) =>
        prev && prev.width === el.clientWidth && prev.height === el.clientHeight
          ? prev
          : { width: el.clientWidth, height: el.clientHeight }
      )
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // Fit modes fit the largest page, so no page of a mixed-size release is cut off.
  const fitSize = useMemo(
    () =>
      sizes && sizes.length > 0
        ? sizes.reduce((max, size) => ({
            width: Math.max(max.width, size.width),
            height: Math.max(max.height, size.height)
          }))
        : null,
    [sizes]
  )
  const scale = fitSize && viewport ? resolveZoom(zoom, fitSize, viewport.width, viewport.height) : null

  // Debounced save of the view; flushed when the viewer closes.
  const pendingSave = useRef<{ pageIndex: number; zoom: ZoomSetting } | null>(null)
  useEffect(() => {
    pendingSave.current = { pageIndex, zoom }
    const timer = setTimeout(() => {
      pendingSave.current = null
      void saveViewState({ documentId, pageIndex, zoom })
    }, SAVE_VIEW_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [documentId, pageIndex, zoom])
  useEffect(
    () => () => {
      if (pendingSave.current) void saveViewState({ documentId, ...pendingSave.current })
    },
    [documentId]
  )

  const goToPage = useCallback(
    (index: number) => scrollerRef.current?.scrollToPage(Math.min(session.pageCount - 1, Math.max(0, index))),
    [session.pageCount]
  )
  const zoomTo = useCallback(
    (next: ZoomSetting) => setZoom(typeof next === 'number' ? clampScale(next) : next),
    []
  )

  useViewerShortcuts(rootRef, {
    zoomIn: () => scale !== null && zoomTo(zoomInStep(scale)),
    zoomOut: () => scale !== null && zoomTo(zoomOutStep(scale)),
    zoomReset: () => zoomTo(percentToScale(100)),
    fitWidth: () => zoomTo('fit-width'),
    fitPage: () => zoomTo('fit-page'),
    toggleThumbnails: () => setThumbnails((shown) => !shown),
    nextPage: () => goToPage(pageIndex + 1),
    previousPage: () => goToPage(pageIndex - 1),
    firstPage: () => goToPage(0),
    lastPage: () => goToPage(session.pageCount - 1),
    scrollsHorizontally: () => {
      const el = scrollerRef.current?.element()
      return !!el && el.scrollWidth > el.clientWidth
    }
  })

  // Focus the pages so arrow keys and PageDown work straight away.
  const ready = sizes !== null && scale !== null
  useEffect(() => {
    if (ready) scrollerRef.current?.element()?.focus({ preventScroll: true })
  }, [ready])

  return (
    <div ref={rootRef} className="document-viewer-body">
      <Toolbar
        name={props.name}
        documentId={documentId}
        onClose={props.onClose}
        controls={
          scale === null
            ? undefined
            : {
                pageIndex,
                pageCount: session.pageCount,
                onGoToPage: goToPage,
                zoom,
                scale,
                onZoom: zoomTo,
                onZoomIn: () => zoomTo(zoomInStep(scale)),
                onZoomOut: () => zoomTo(zoomOutStep(scale)),
                thumbnails,
                onToggleThumbnails: () => setThumbnails((shown) => !shown)
              }
        }
      />
      <div className="viewer-split">
        {/* The rail's box is there from the start, so the page column's width (and a fit zoom) never
            changes under the first render. */}
        {thumbnails ? (
          sizes ? (
            <ThumbnailRail session={session} sizes={sizes} currentPage={pageIndex} onSelect={goToPage} />
          ) : (
            <nav className="viewer-thumbs" aria-label="Page thumbnails" />
          )
        ) : null}
        <div ref={mainRef} className="viewer-main">
          {sizes && scale !== null ? (
            <PageScroller
              ref={scrollerRef}
              session={session}
              documentId={documentId}
              sizes={sizes}
              scale={scale}
              initialPageIndex={initialPageIndex}
              onCurrentPage={setPageIndex}
              onWheelZoom={zoomTo}
              onMeasured={onMeasured}
            />
          ) : (
            <ViewerMessage tone="busy" title="Laying out pages…" />
          )}
        </div>
        <RedactionPanel
          documentId={documentId}
          onGoToPage={goToPage}
          onFocusPages={() => scrollerRef.current?.element()?.focus({ preventScroll: true })}
          currentPageIndex={pageIndex}
          onZoom={zoomTo}
        />
      </div>
    </div>
  )
}
