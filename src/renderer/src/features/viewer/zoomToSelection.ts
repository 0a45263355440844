/**
 * "Zoom to selection": picks the zoom at which the selected boxes fill the page column
 * (boxGeometry.scaleToFit, within the viewer's 25–400 % limits), asks the viewer for it, then, once
 * the page is laid out at that zoom, scrolls so the boxes sit in the middle of the view. Works on the
 * DOM the page column already has (.viewer-scroll, .viewer-page[data-page-index]), so the column's
 * own code is untouched.
 */
import { scaleToFit, unionRect } from '@core/review/boxGeometry'
import type { PageRect } from '@core/types'
import { MAX_ZOOM_PERCENT, MIN_ZOOM_PERCENT, percentToScale } from './zoom'

/** ~1 s at 60 Hz: a far page mounts at once, the new layout one render later. */
const WAIT_FRAMES = 60

export function zoomToRects(
  pageIndex: number,
  rects: readonly PageRect[],
  zoomTo: (scale: number) => void,
  goToPage: (pageIndex: number) => void
): void {
  const scroller = document.querySelector<HTMLElement>('.viewer-scroll')
  const union = unionRect(rects)
  if (!scroller || !union) return
  const scale = scaleToFit(
    union,
    { width: scroller.clientWidth, height: scroller.clientHeight },
    { minScale: percentToScale(MIN_ZOOM_PERCENT), maxScale: percentToScale(MAX_ZOOM_PERCENT) }
  )
  zoomTo(scale)
  let frames = 0
  let askedForPage = false
  const centre = (): void => {
    const page = scroller.querySelector<HTMLElement>(`.viewer-page[data-page-index="${pageIndex}"]`)
    const laidOut = page && Math.abs(Number(page.style.getPropertyValue('--scale-factor')) - scale) < 1e-6
    if (!page || !laidOut) {
      if (!page && !askedForPage) {
        askedForPage = true
        goToPage(pageIndex)
      }
      if (++frames < WAIT_FRAMES) requestAnimationFrame(centre)
      return
    }
    const pageBox = page.getBoundingClientRect()
    const view = scroller.getBoundingClientRect()
    const [x0, y0, x1, y1] = union
    const midX = pageBox.left - view.left + scroller.scrollLeft + ((x0 + x1) / 2) * scale
    const midY = pageBox.top - view.top + scroller.scrollTop + ((y0 + y1) / 2) * scale
    scroller.scrollLeft = Math.max(0, midX - scroller.clientWidth / 2)
    scroller.scrollTop = Math.max(0, midY - scroller.clientHeight / 2)
  }
  requestAnimationFrame(centre)
}
