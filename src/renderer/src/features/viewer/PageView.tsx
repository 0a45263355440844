/**
 * One page of the continuous view, in pdf.js's layer order: canvas, then text layer, then our
 * redaction overlay. Mounted only while the page is near the viewport; unmounting cancels its render
 * and text work and zeroes its canvases, so a 1,000-page document holds ~7 canvases, not 1,000
 * (an A4 page at 200 % on a 2× screen is ~1,587 × 2,245 px ≈ 14 MB of pixels).
 */
import { TextLayer } from 'pdfjs-dist'
import { memo, useEffect, useRef, useState } from 'react'
import { canvasSizeFor } from '../../pdf/canvasSize'
import { isCancellation } from '../../pdf/describeError'
import type { PdfSession, RenderJob } from '../../pdf/pdfSession'
import type { PageSizePt } from './layout'
import { RedactionOverlay } from './RedactionOverlay'
import { measureTextLayer, type WordRects } from './textLayerRects'

/** Wait this long after mounting before asking pdf.js for work: a fling past 50 pages starts none. */
export const RENDER_DELAY_MS = 40

/** Frees a canvas's backing store now rather than at the next garbage collection. */
function releaseCanvas(canvas: HTMLCanvasElement): void {
  canvas.width = 0
  canvas.height = 0
  canvas.remove()
}

export interface PageViewProps {
  session: PdfSession
  documentId: string
  pageIndex: number
  /** CSS px per point. */
  scale: number
  /** CSS px, from the layout. */
  top: number
  left: number
  width: number
  height: number
  /** Device pixels per CSS pixel of the screen (canvas backing = CSS size × this, capped). */
  pixelRatio: number
  /** 0 for the pages shown on opening (no fling to protect against), RENDER_DELAY_MS after. */
  renderDelayMs: number
  onMeasured(pageIndex: number, size: PageSizePt): void
}

export const PageView = memo(function PageView(props: PageViewProps): React.JSX.Element {
  const { session, pageIndex, scale, pixelRatio, onMeasured } = props
  const [delayMs] = useState(props.renderDelayMs)
  const canvasWrapperRef = useRef<HTMLDivElement>(null)
  const textRef = useRef<HTMLDivElement>(null)
  const scaleRef = useRef(scale)
  const [paintedScale, setPaintedScale] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  // The text layer waits for the first canvas: both need the worker, and the picture comes first.
  const drawn = paintedScale !== null || error !== null
  // PDF 1.6 /UserUnit: pdf.js's text layer multiplies it into --total-scale-factor.
  const [userUnit, setUserUnit] = useState(1)
  // Where the printed words are (points), once the text layer is built: leak badges keep off them.
  const [words, setWords] = useState<WordRects | null>(null)

  useEffect(() => {
    scaleRef.current = scale
  }, [scale])

  // Canvas: drawn into a fresh canvas and swapped in when complete, so zooming shows the old
  // drawing stretched until the sharp one is ready, never a blank page.
  useEffect(() => {
    const wrapper = canvasWrapperRef.current
    if (!wrapper) return
    let cancelled = false
    let job: RenderJob | null = null
    const canvas = document.createElement('canvas')
    const timer = setTimeout(() => {
      session
        .getPage(pageIndex)
        .then((page) => {
          if (cancelled) return
          setUserUnit(page.userUnit)
          const unscaled = page.getViewport({ scale: 1 })
          onMeasured(pageIndex, { width: unscaled.width, height: unscaled.height })
          const viewport = page.getViewport({ scale })
          const size = canvasSizeFor(viewport.width, viewport.height, pixelRatio)
          canvas.width = size.widthPx
          canvas.height = size.heightPx
          const transform = [size.widthPx / viewport.width, 0, 0, size.heightPx / viewport.height, 0, 0]
          job = session.render(page, { canvas, viewport, transform })
          return job.promise
        })
        .then(() => {
          if (cancelled) return
          for (const old of wrapper.querySelectorAll('canvas')) releaseCanvas(old)
          wrapper.append(canvas)
          setError(null)
          setPaintedScale(scale)
        })
        .catch((reason: unknown) => {
          if (cancelled || isCancellation(reason)) return
          setError(reason instanceof Error ? reason.message : String(reason))
        })
    }, delayMs)
    return () => {
      cancelled = true
      clearTimeout(timer)
      job?.cancel()
      if (!canvas.isConnected) releaseCanvas(canvas)
    }
  }, [session, pageIndex, scale, pixelRatio, delayMs, onMeasured])

  useEffect(() => {
    const wrapper = canvasWrapperRef.current
    return () => {
      if (wrapper) for (const canvas of wrapper.querySelectorAll('canvas')) releaseCanvas(canvas)
      session.releasePage(pageIndex)
    }
  }, [session, pageIndex])

  // Text layer: built once per mount. Its spans are placed in % and sized through the
  // --total-scale-factor CSS variable, so a zoom only changes the variable (as in pdf.js's viewer).
  useEffect(() => {
    const container = textRef.current
    if (!container || !drawn) return
    let cancelled = false
    let layer: TextLayer | null = null
    const timer = setTimeout(() => {
      session
        .getPage(pageIndex)
        .then(async (page) => {
          const content = await session.textContent(page)
          if (cancelled) return
          layer = new TextLayer({
            textContentSource: content,
            container,
            viewport: page.getViewport({ scale: scaleRef.current })
          })
          await layer.render()
          if (cancelled) return
          // pdf.js's viewer adds this so a drag past the last line keeps selecting sensibly.
          const end = document.createElement('div')
          end.className = 'endOfContent'
          container.append(end)
          setWords(measureTextLayer(container, scaleRef.current))
          container.dataset.ready = 'true'
        })
        .catch((reason: unknown) => {
          // A page without text, or one whose text failed, still shows its canvas; nothing to say.
          if (!cancelled && !isCancellation(reason)) container.dataset.ready = 'failed'
        })
    }, delayMs)
    const stopSelecting = (): void => container.classList.remove('selecting')
    window.addEventListener('mouseup', stopSelecting)
    return () => {
      cancelled = true
      clearTimeout(timer)
      layer?.cancel()
      container.replaceChildren()
      delete container.dataset.ready
      window.removeEventListener('mouseup', stopSelecting)
    }
  }, [session, pageIndex, delayMs, drawn])

  return (
    <div
      className="viewer-page"
      data-page-index={pageIndex}
      data-painted-scale={paintedScale ?? undefined}
      style={
        {
          top: props.top,
          left: props.left,
          width: props.width,
          height: props.height,
          '--scale-factor': scale,
          '--user-unit': userUnit
        } as React.CSSProperties
      }
    >
      <div ref={canvasWrapperRef} className="canvasWrapper" />
      <div
        ref={textRef}
        className="textLayer"
        onMouseDown={(event) => event.currentTarget.classList.add('selecting')}
      />
      <RedactionOverlay documentId={props.documentId} pageIndex={pageIndex} scale={scale} words={words} />
      {error ? (
        <div className="viewer-page-error" role="alert">
          This page could not be drawn: {error}
        </div>
      ) : null}
    </div>
  )
})
