/**
 * The thumbnail rail: a second virtualised column of small page pictures (112 px wide, drawn at
 * ~0.18 scale: ~20 KB of pixels each), rendered only while on screen, after a short delay so the
 * main pages get the pdf.js worker first. Click to jump; the current page is highlighted.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { canvasSizeFor } from '../../pdf/canvasSize'
import { isCancellation } from '../../pdf/describeError'
import type { PdfSession, RenderJob } from '../../pdf/pdfSession'
import { computeLayout, pageWindow, type PageSizePt } from './layout'
import { useDevicePixelRatio } from './useDevicePixelRatio'

const THUMB_WIDTH_PX = 112
/** Room above each thumbnail for the one below's page-number label. */
const THUMB_GAP_PX = 30
const THUMB_OVERSCAN = 3
/** Thumbnails wait for the main pages: a page render takes ~50–200 ms on 2 cores. */
const THUMB_RENDER_DELAY_MS = 250

const Thumbnail = memo(function Thumbnail(props: {
  session: PdfSession
  pageIndex: number
  scale: number
  top: number
  width: number
  height: number
  current: boolean
  pixelRatio: number
  onSelect(pageIndex: number): void
}): React.JSX.Element {
  const { session, pageIndex, scale, pixelRatio } = props
  const holderRef = useRef<HTMLSpanElement>(null)

  useEffect(() => {
    const holder = holderRef.current
    if (!holder) return
    let cancelled = false
    let job: RenderJob | null = null
    const canvas = document.createElement('canvas')
    const timer = setTimeout(() => {
      session
        .getPage(pageIndex)
        .then((page) => {
          if (cancelled) return
          const viewport = page.getViewport({ scale })
          const size = canvasSizeFor(viewport.width, viewport.height, pixelRatio)
          canvas.width = size.widthPx
          canvas.height = size.heightPx
          job = session.render(page, {
            canvas,
            viewport,
            transform: [size.widthPx / viewport.width, 0, 0, size.heightPx / viewport.height, 0, 0]
          })
          return job.promise
        })
        .then(() => {
          if (!cancelled) holder.replaceChildren(canvas)
        })
        .catch((reason: unknown) => {
          if (!cancelled && !isCancellation(reason)) holder.dataset.failed = 'true'
        })
    }, THUMB_RENDER_DELAY_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
      job?.cancel()
      canvas.width = 0
      canvas.height = 0
      holder.replaceChildren()
    }
  }, [session, pageIndex, scale, pixelRatio])

  return (
    <button
      type="button"
      className={props.current ? 'viewer-thumb current' : 'viewer-thumb'}
      style={{ top: props.top }}
      aria-current={props.current ? 'page' : undefined}
      aria-label={`Page ${pageIndex + 1}`}
      onClick={() => props.onSelect(pageIndex)}
    >
      <span
        ref={holderRef}
        className="viewer-thumb-image"
        style={{ width: props.width, height: props.height }}
      />
      <span className="viewer-thumb-label">{pageIndex + 1}</span>
    </button>
  )
})

export const ThumbnailRail = memo(function ThumbnailRail(props: {
  session: PdfSession
  sizes: readonly PageSizePt[]
  currentPage: number
  onSelect(pageIndex: number): void
}): React.JSX.Element {
  const { sizes, currentPage } = props
  const railRef = useRef<HTMLDivElement>(null)
  const pixelRatio = useDevicePixelRatio()
  const scale = useMemo(
    () => THUMB_WIDTH_PX / Math.max(1, ...sizes.slice(0, 200).map((size) => size.width)),
    [sizes]
  )
  const layout = useMemo(() => computeLayout(sizes, scale, THUMB_GAP_PX), [sizes, scale])
  const [range, setRange] = useState({ first: 0, last: -1 })

  const update = (): void => {
    const el = railRef.current
    if (!el) return
    const w = pageWindow(layout, el.scrollTop, el.clientHeight, THUMB_OVERSCAN)
    setRange((prev) =>
      prev.first === w.firstLive && prev.last === w.lastLive ? prev : { first: w.firstLive, last: w.lastLive }
    )
  }
  const updateRef = useRef(update)
  useEffect(() => {
    updateRef.current = update
  })

  // Keep the current page's thumbnail in view as the reader scrolls the document.
  useEffect(() => {
    const el = railRef.current
    const top = layout.tops[currentPage]
    const height = layout.heights[currentPage] ?? 0
    if (!el || top === undefined) return
    if (top - THUMB_GAP_PX < el.scrollTop || top + height > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 2 + height / 2)
    }
    updateRef.current()
  }, [currentPage, layout])

  useEffect(() => {
    const el = railRef.current
    if (!el) return
    const observer = new ResizeObserver(() => updateRef.current())
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  const thumbs: React.JSX.Element[] = []
  for (let i = range.first; i <= range.last && i < layout.tops.length; i++) {
    thumbs.push(
      <Thumbnail
        key={i}
        session={props.session}
        pageIndex={i}
        scale={scale}
        top={layout.tops[i] ?? 0}
        width={layout.widths[i] ?? 0}
        height={layout.heights[i] ?? 0}
        current={i === currentPage}
        pixelRatio={pixelRatio}
        onSelect={props.onSelect}
      />
    )
  }
  return (
    <nav ref={railRef} className="viewer-thumbs" aria-label="Page thumbnails" onScroll={update}>
      <div className="viewer-thumbs-content" style={{ height: layout.totalHeight }}>
        {thumbs}
      </div>
    </nav>
  )
})
