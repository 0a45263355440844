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
  for (let i = 0; i < 600; i++) {
    const scale = await target.getAttribute('data-painted-scale')
    if (scale !== null && scale !== not) return scale
    await page.waitForTimeout(100)
  }
  throw new Error(`page ${pageIndex} was never painted`)
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
