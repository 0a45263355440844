/**
 * Bringing a redaction into view in the page column and flashing it. The column mounts only pages
 * near the viewport, so a box on a far page does not exist yet: ask the viewer for its page, then
 * wait (up to REVEAL_WAIT_FRAMES) for the overlay to draw it, and centre it.
 */

/** ~0.5 s at 60 Hz: the page mounts at once, its overlay rows arrive one IndexedDB read later. */
const REVEAL_WAIT_FRAMES = 30

const boxElement = (id: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`.viewer-pages [data-redaction-id="${CSS.escape(id)}"]`)

function isInView(el: HTMLElement): boolean {
  const scroller = el.closest('.viewer-scroll')
  if (!scroller) return false
  const box = el.getBoundingClientRect()
  const view = scroller.getBoundingClientRect()
  return box.top >= view.top && box.bottom <= view.bottom && box.left >= view.left && box.right <= view.right
}

function flash(el: HTMLElement): void {
  // Web Animations leave the element's classes alone, so a React re-render cannot cut the flash short.
  el.animate(
    [{ boxShadow: '0 0 0 0 rgb(255 193 7 / 0.9)' }, { boxShadow: '0 0 0 10px rgb(255 193 7 / 0)' }],
    { duration: 600, easing: 'ease-out' }
  )
}

export function revealRedaction(id: string, pageIndex: number, goToPage: (pageIndex: number) => void): void {
  const show = (el: HTMLElement): void => {
    if (!isInView(el)) el.scrollIntoView({ block: 'center', inline: 'nearest' })
    flash(el)
  }
  const now = boxElement(id)
  if (now) {
    show(now)
    return
  }
  goToPage(pageIndex)
  let frames = 0
  const wait = (): void => {
    const el = boxElement(id)
    if (el) show(el)
    else if (++frames < REVEAL_WAIT_FRAMES) requestAnimationFrame(wait)
  }
  requestAnimationFrame(wait)
}
