/**
 * The continuous, virtualised page column. Lays every page out from known sizes (a 1,000-entry
 * offset array), mounts only the pages within OVERSCAN_PAGES of the viewport, keeps the reader's
 * place when the layout changes (zoom, late page sizes), and turns Ctrl+wheel into zoom.
 */
import {
  forwardRef,
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState
} from 'react'
import type { PdfSession } from '../../pdf/pdfSession'
import {
  anchorAt,
  computeLayout,
  currentPage,
  PAGE_GAP_PX,
  pageWindow,
  scrollTopFor,
  type PageSizePt,
  type ScrollAnchor
} from './layout'
import { PageView, RENDER_DELAY_MS } from './PageView'
import { useDevicePixelRatio } from './useDevicePixelRatio'
import { wheelZoom } from './zoom'

export interface PageScrollerHandle {
  scrollToPage(pageIndex: number): void
  /** The scroll container, for focus and keyboard scrolling. */
  element(): HTMLDivElement | null
}

export interface PageScrollerProps {
  session: PdfSession
  documentId: string
  sizes: readonly PageSizePt[]
  /** CSS px per point. */
  scale: number
  /** Page to show first (restored view state). */
  initialPageIndex: number
  onCurrentPage(pageIndex: number): void
  /** Ctrl+wheel asks for this scale; the scroller keeps the point under the cursor in place. */
  onWheelZoom(scale: number): void
  onMeasured(pageIndex: number, size: PageSizePt): void
}

/** How long after opening pages count as "shown on opening" and render without delay. */
const OPENING_GRACE_MS = 500

interface LiveRange {
  first: number
  last: number
}

// memo: the analysis re-renders ViewerBody on every page it writes; the column need not follow.
export const PageScroller = memo(
  forwardRef<PageScrollerHandle, PageScrollerProps>(function PageScroller(props, ref) {
    const { sizes, scale, onCurrentPage, onWheelZoom } = props
    const scrollRef = useRef<HTMLDivElement>(null)
    const layout = useMemo(() => computeLayout(sizes, scale), [sizes, scale])
    const layoutRef = useRef(layout)
    const anchorRef = useRef<ScrollAnchor | null>(null)
    const pendingAnchorRef = useRef<ScrollAnchor | null>(null)
    const restoredRef = useRef(false)
    const currentRef = useRef(-1)
    const scaleRef = useRef(scale)
    const [live, setLive] = useState<LiveRange>({ first: 0, last: -1 })
    const [viewportWidth, setViewportWidth] = useState(0)
    const pixelRatio = useDevicePixelRatio()
    // The first pages draw at once; pages mounted later (scrolling) wait RENDER_DELAY_MS.
    const [settled, setSettled] = useState(false)
    useEffect(() => {
      const timer = setTimeout(() => setSettled(true), OPENING_GRACE_MS)
      return () => clearTimeout(timer)
    }, [])

    const update = useCallback(() => {
      const el = scrollRef.current
      if (!el) return
      const current = layoutRef.current
      const window_ = pageWindow(current, el.scrollTop, el.clientHeight)
      setLive((prev) =>
        prev.first === window_.firstLive && prev.last === window_.lastLive
          ? prev
          : { first: window_.firstLive, last: window_.lastLive }
      )
      anchorRef.current = anchorAt(current, el.scrollTop, 0)
      const page = currentPage(current, el.scrollTop, el.clientHeight)
      if (page !== currentRef.current) {
        currentRef.current = page
        onCurrentPage(page)
      }
    }, [onCurrentPage])

    // A new layout (zoom, a late page size): put the reader back where they were, then re-window.
    useLayoutEffect(() => {
      layoutRef.current = layout
      scaleRef.current = scale
      const el = scrollRef.current
      if (!el) return
      if (!restoredRef.current) {
        restoredRef.current = true
        const index = Math.min(Math.max(0, props.initialPageIndex), layout.tops.length - 1)
        el.scrollTop = Math.max(0, (layout.tops[index] ?? 0) - PAGE_GAP_PX)
      } else {
        const anchor = pendingAnchorRef.current ?? anchorRef.current
        pendingAnchorRef.current = null
        if (anchor) el.scrollTop = scrollTopFor(layout, anchor)
      }
      update()
      // initialPageIndex matters only for the first layout.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [layout, update])

    useEffect(() => {
      const el = scrollRef.current
      if (!el) return
      const observer = new ResizeObserver(() => {
        setViewportWidth(el.clientWidth)
        update()
      })
      observer.observe(el)
      return () => observer.disconnect()
    }, [update])

    // Ctrl+wheel zooms the document, never the whole UI (Chromium's page zoom): a non-passive listener.
    useEffect(() => {
      const el = scrollRef.current
      if (!el) return
      const onWheel = (event: WheelEvent): void => {
        if (!event.ctrlKey && !event.metaKey) return
        event.preventDefault()
        const viewportY = event.clientY - el.getBoundingClientRect().top
        pendingAnchorRef.current = anchorAt(layoutRef.current, el.scrollTop, viewportY)
        onWheelZoom(wheelZoom(scaleRef.current, event.deltaY))
      }
      el.addEventListener('wheel', onWheel, { passive: false })
      return () => el.removeEventListener('wheel', onWheel)
    }, [onWheelZoom])

    useImperativeHandle(
      ref,
      () => ({
        scrollToPage(pageIndex) {
          const el = scrollRef.current
          const top = layoutRef.current.tops[pageIndex]
          if (!el || top === undefined) return
          el.scrollTop = Math.max(0, top - PAGE_GAP_PX)
          update()
        },
        element: () => scrollRef.current
      }),
      [update]
    )

    const contentWidth = Math.max(viewportWidth, layout.maxWidth + PAGE_GAP_PX * 2)
    const pages: React.JSX.Element[] = []
    for (let i = live.first; i <= live.last && i < layout.tops.length; i++) {
      const width = layout.widths[i] ?? 0
      pages.push(
        <PageView
          key={i}
          session={props.session}
          documentId={props.documentId}
          pageIndex={i}
          scale={scale}
          top={layout.tops[i] ?? 0}
          left={Math.max(PAGE_GAP_PX, Math.floor((contentWidth - width) / 2))}
          width={width}
          height={layout.heights[i] ?? 0}
          pixelRatio={pixelRatio}
          renderDelayMs={settled ? RENDER_DELAY_MS : 0}
          onMeasured={props.onMeasured}
        />
      )
    }

    return (
      <div
        ref={scrollRef}
        className="viewer-scroll"
        tabIndex={0}
        onScroll={update}
        data-page-count={sizes.length}
        aria-label="Document pages"
      >
        <div className="viewer-pages" style={{ height: layout.totalHeight, width: contentWidth }}>
          {pages}
        </div>
      </div>
    )
  })
)
