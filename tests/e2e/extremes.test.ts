/**
 * Generated extremes in the viewer (security.md P8, R4; issue 7): a 5,000-page PDF opens and scrolls
 * to its last page with only the pages near the viewport alive as canvases; a 14,400 pt page, a page
 * with a 20,000 × 20,000 image and forms nested 150 deep are drawn within the canvas caps; arrays and
 * dictionaries nested 20,000 deep end in a clear state. Files come from tests/fixtures/extremePdfs.ts,
 * generated once. Analysis is left out (launchApp({ analyse: false })): the scan side of the same files
 * is tests/integration/extremes.test.ts, and its workers would only compete for the 2 cores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extremePdfs } from '../fixtures/extremePdfs'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import {
  canvasSize,
  inkPixels,
  liveCanvasCount,
  openDocument,
  pageBoxValue,
  row,
  scrollToFraction,
  waitPainted
} from './viewer.helpers'

/** The viewer's caps (src/renderer/src/pdf/canvasSize.ts, the web tsconfig): pdf.js viewer's own values. */
const MAX_CANVAS_PIXELS = 2 ** 25
const MAX_CANVAS_SIDE_PX = 32_767
/** Visible pages (≤ 3 at fit width in 800 px) plus 2 either side, with one spare (as viewer-states). */
const MAX_LIVE_CANVASES = 8

let app: App
let files: FixtureDir
let names: string[] = []
const crashes: string[] = []

beforeAll(async () => {
  files = fixtureDir()
  const paths = Object.entries(await extremePdfs()).map(([name, bytes]) => files.write(name, bytes))
  names = paths.map((path) => path.slice(path.lastIndexOf('/') + 1))
  app = await launchApp({ analyse: false })
  app.page.on('crash', () => crashes.push('renderer crashed'))
  app.queueDialog(paths)
  await app.page.getByTestId('import-button').click()
  for (const name of names) await row(app, name).waitFor()
})

afterAll(async () => {
  await app?.close()
  files?.remove()
})

async function backToLibrary(): Promise<void> {
  await app.page.getByTitle('Back to the library').click()
  await app.page.locator('.document-viewer').waitFor({ state: 'detached', timeout: 10_000 })
}

/** Checks page 1's canvas against the caps and returns its size. */
async function expectCapped(pageIndex: number): Promise<{ width: number; height: number }> {
  const size = (await canvasSize(app.page, pageIndex))!
  expect(size.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE_PX)
  expect(size.height).toBeLessThanOrEqual(MAX_CANVAS_SIDE_PX)
  expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS)
  return size
}

describe('generated extremes in the viewer', () => {
  it('opens 5,000 pages, scrolls to the last with few live canvases', async () => {
    const { page } = app
    await openDocument(app, 'extreme-5000-pages.pdf')
    await waitPainted(page, 0)
    expect(await page.getByText('/ 5000').count()).toBeGreaterThan(0)
    let maxLive = await liveCanvasCount(page)
    const steps = 20
    for (let step = 1; step <= steps; step++) {
      await scrollToFraction(page, step / steps)
      maxLive = Math.max(maxLive, await liveCanvasCount(page))
    }
    await expect.poll(() => pageBoxValue(page), { timeout: 20_000 }).toBe('5000')
    await waitPainted(page, 4_999)
    expect(await inkPixels(page, 4_999)).toBeGreaterThan(500)
    maxLive = Math.max(maxLive, await liveCanvasCount(page))
    console.log(`5,000 pages: at most ${maxLive} live canvases while scrolling end to end`)
    expect(maxLive).toBeLessThanOrEqual(MAX_LIVE_CANVASES)
    await expectCapped(4_999)
    await app.screenshot('extremes-5000-pages-end')
    await backToLibrary()
  })

  it('draws a 14,400 pt page at fit width and at 400 % within the canvas caps', async () => {
    const { page } = app
    await openDocument(app, 'extreme-giant-page.pdf')
    const first = await waitPainted(page, 0)
    await expectCapped(0)
    expect(await inkPixels(page, 0)).toBeGreaterThan(0)
    await page.getByLabel('Zoom level').selectOption('p400')
    await waitPainted(page, 0, first)
    const size = await expectCapped(0)
    console.log(`14,400 pt page at 400 %: canvas ${size.width} × ${size.height} px`)
    expect(await page.locator('.viewer-page-error').count()).toBe(0)
    await backToLibrary()
  })

  it.each(['extreme-huge-image.pdf', 'extreme-forms-150-deep.pdf'])('draws %s', async (name) => {
    const { page } = app
    await openDocument(app, name)
    await waitPainted(page, 0)
    await expectCapped(0)
    expect(await inkPixels(page, 0)).toBeGreaterThan(500)
    expect(await page.locator('.viewer-page-error').count()).toBe(0)
    await app.screenshot(`extremes-${name.replace(/\.pdf$/, '')}`)
    await backToLibrary()
  })

  it.each(['extreme-arrays-20000-deep.pdf', 'extreme-dicts-20000-deep.pdf'])(
    'ends %s in a clear state: the page drawn, its own error, or a document message',
    async (name) => {
      const { page } = app
      await row(app, name).getByRole('button', { name, exact: true }).click()
      // A function, not a string: the app's CSP has no 'unsafe-eval', so a string predicate is refused.
      await page.waitForFunction(
        () => {
          const doc = (
            globalThis as unknown as {
              document: { querySelector(s: string): { getAttribute(a: string): string | null } | null }
            }
          ).document
          const state = doc.querySelector('.document-viewer')?.getAttribute('data-state')
          if (state && state !== 'ready' && state !== 'loading' && state !== 'idle') return true
          return (
            doc.querySelector('.viewer-page[data-page-index="0"][data-painted-scale]') !== null ||
            doc.querySelector('.viewer-page[data-page-index="0"] .viewer-page-error') !== null
          )
        },
        undefined,
        { timeout: 45_000 }
      )
      const state = await page.locator('.document-viewer').getAttribute('data-state')
      const text = state === 'ready' ? null : await page.locator('.viewer-message h2').textContent()
      const pageError = await page.locator('.viewer-page-error').count()
      console.log(
        `${name}: state ${state}${pageError ? ', page 1 error shown' : ''}${text ? `: ${text}` : ''}`
      )
      expect(state).not.toBe('hang')
      if (state !== 'ready') expect(text?.length).toBeGreaterThan(10)
      await backToLibrary()
    }
  )

  it('crashed nothing', () => {
    expect(crashes).toEqual([])
    expect(app.problems.pageErrors).toEqual([])
  })
})
