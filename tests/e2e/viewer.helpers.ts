/**
 * What the viewer e2e tests ask of the page: open a document from the library, read pixels and
 * layers of a rendered page, read the stored view state. DOM work runs as page-side expressions
 * (this tsconfig has no DOM types); everything else goes through Playwright locators.
 */
import type { Page } from 'playwright-core'
import type { App } from './harness/harness'

export const row = (app: App, name: string) => app.page.getByTestId('document-row').filter({ hasText: name })

/** Imports `path` through the dialog and waits for its row. */
export async function importFile(app: App, path: string, name: string): Promise<void> {
  app.queueDialog([path])
  await app.page.getByTestId('import-button').click()
  await row(app, name).waitFor()
}

/**
 * Clicks the document's name in the library and waits for the viewer to settle in `state`. After a
 * reload the app reopens the document that was open (crash recovery), so the viewer may be there
 * already: then there is nothing to click.
 */
export async function openDocument(app: App, name: string, state = 'ready'): Promise<void> {
  await app.page
    .locator('.document-viewer, [data-testid="document-row"]')
    .first()
    .waitFor({ timeout: 60_000 })
  if ((await app.page.locator('.document-viewer').count()) === 0) {
    await row(app, name).getByRole('button', { name, exact: true }).click()
  }
  await app.page.locator(`.document-viewer[data-state="${state}"]`).waitFor({ timeout: 60_000 })
}

export const pageLocator = (page: Page, pageIndex: number) =>
  page.locator(`.viewer-page[data-page-index="${pageIndex}"]`)

/** Waits until the page's canvas was painted (at any scale, or at a scale other than `not`). */
export async function waitPainted(page: Page, pageIndex: number, not?: string | null): Promise<string> {
  const target = pageLocator(page, pageIndex)
  await target.locator('canvas').waitFor({ timeout: 60_000 })
  // Polled in the page (every animation frame), not on a clock of ours.
  const painted = await page.waitForFunction(
    ([index, previous]) => {
      const el = (
        globalThis as unknown as {
          document: { querySelector(s: string): { getAttribute(a: string): string | null } | null }
        }
      ).document.querySelector(`.viewer-page[data-page-index="${index}"]`)
      const scale = el?.getAttribute('data-painted-scale') ?? null
      return scale !== null && scale !== previous ? scale : null
    },
    [pageIndex, not ?? null] as const,
    { timeout: 60_000 }
  )
  return (await painted.jsonValue()) as string
}

/**
 * Scrolls the page column to `fraction` of its length and waits until the virtual list has mounted
 * a page that is now in view: a state, not a pause, however busy the machine.
 */
export async function scrollToFraction(page: Page, fraction: number): Promise<void> {
  await page.evaluate(`(() => {
    const el = document.querySelector('.viewer-scroll')
    el.scrollTop = (el.scrollHeight - el.clientHeight) * ${fraction}
  })()`)
  await page.waitForFunction(() => {
    type El = { scrollTop: number; clientHeight: number; offsetTop: number; offsetHeight: number }
    const doc = (
      globalThis as unknown as {
        document: { querySelector(s: string): El; querySelectorAll(s: string): El[] }
      }
    ).document
    const view = doc.querySelector('.viewer-scroll')
    const [top, bottom] = [view.scrollTop, view.scrollTop + view.clientHeight]
    return [...doc.querySelectorAll('.viewer-page')].some(
      (p) => p.offsetTop < bottom && top < p.offsetTop + p.offsetHeight
    )
  })
}

/** Pixels of the page's canvas darker than light grey: ink, as opposed to blank paper. */
export function inkPixels(page: Page, pageIndex: number): Promise<number> {
  return page.evaluate(`(() => {
    const canvas = document.querySelector('.viewer-page[data-page-index="${pageIndex}"] canvas')
    if (!canvas) return -1
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
    let ink = 0
    for (let i = 0; i < data.length; i += 4) if (data[i] < 200 && data[i + 3] > 0) ink++
    return ink
  })()`)
}

export interface CanvasInfo {
  readonly width: number
  readonly height: number
}

export function canvasSize(page: Page, pageIndex: number): Promise<CanvasInfo | null> {
  return page.evaluate(`(() => {
    const canvas = document.querySelector('.viewer-page[data-page-index="${pageIndex}"] canvas')
    return canvas ? { width: canvas.width, height: canvas.height } : null
  })()`)
}

/** Canvases in the page column (thumbnails excluded). */
export const liveCanvasCount = (page: Page): Promise<number> =>
  page.evaluate(`document.querySelectorAll('.viewer-pages canvas').length`)

/** The viewer's stored view state for a document, read straight from IndexedDB. */
export function storedViewState(
  page: Page,
  documentId: string
): Promise<{ pageIndex: number; zoom: unknown } | null> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('withheld')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const get = open.result.transaction('viewState').objectStore('viewState').get(${JSON.stringify(documentId)})
      get.onsuccess = () => { open.result.close(); resolve(get.result ?? null) }
      get.onerror = () => reject(get.error)
    }
  })`)
}

export const zoomValue = (page: Page): Promise<string> => page.getByLabel('Zoom level').inputValue()
export const pageBoxValue = (page: Page): Promise<string> => page.getByLabel('Page number').inputValue()
