/**
 * Viewer e2e on the built renderer: import a generated PDF → open → page 1 has ink → the text layer
 * holds the page's words and selecting them yields the text → zoom changes the canvas → a reload
 * restores page and zoom → the detected redaction is drawn where the box is → a giant page stays
 * within the canvas caps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { BOX_PAGE_RECT, giantPagePdf, LETTER_PT, pageWords, SENTENCE, wordsPdf } from './viewer.fixtures'
import {
  canvasSize,
  importFile,
  inkPixels,
  openDocument,
  pageBoxValue,
  pageLocator,
  row,
  storedViewState,
  waitPainted,
  zoomValue
} from './viewer.helpers'

let app: App
let files: FixtureDir
let words: string
let giant: string

/** pdf.js viewer caps (src/renderer/src/pdf/canvasSize.ts). */
const MAX_CANVAS_PIXELS = 2 ** 25
const MAX_CANVAS_SIDE_PX = 32_767

beforeAll(async () => {
  files = fixtureDir()
  words = files.write('words.pdf', await wordsPdf(3))
  giant = files.write('giant.pdf', await giantPagePdf())
  app = await launchApp()
})

afterAll(async () => {
  await app?.analysesSettled()
  await app?.close()
  files?.remove()
})

describe('document viewer', () => {
  it('draws page 1 with ink, lays the words over it, and lets them be selected', async () => {
    await importFile(app, words, 'words.pdf')
    await openDocument(app, 'words.pdf')
    const { page } = app
    await waitPainted(page, 0)
    expect(await inkPixels(page, 0)).toBeGreaterThan(5_000)

    const text = pageLocator(page, 0).locator('.textLayer[data-ready="true"]')
    await text.waitFor()
    const content = await text.textContent()
    expect(content).toContain(pageWords(1))
    expect(content).toContain(SENTENCE)

    const span = pageLocator(page, 0).locator('.textLayer span', { hasText: 'quick brown fox' }).first()
    const box = await span.boundingBox()
    expect(box).not.toBeNull()
    await page.mouse.move(box!.x + 2, box!.y + box!.height / 2)
    await page.mouse.down()
    await page.mouse.move(box!.x + box!.width - 2, box!.y + box!.height / 2, { steps: 8 })
    await page.mouse.up()
    expect(await page.evaluate('window.getSelection().toString()')).toContain('quick brown fox jumps')
    expect(await page.getByLabel('Page number').inputValue()).toBe('1')
    expect(await page.locator('.viewer-pagecount').textContent()).toContain('/ 3')
    await app.screenshot('viewer-page')
  })

  it('pages by keyboard and thumbnails, and obeys the View menu and Ctrl+wheel', async () => {
    const { page } = app
    await page.locator('.viewer-scroll').focus()
    const pressAndExpect = async (key: string, pageNumber: string): Promise<void> => {
      await page.keyboard.press(key)
      await expect.poll(() => pageBoxValue(page)).toBe(pageNumber)
    }
    await pressAndExpect('End', '3')
    await pressAndExpect('Home', '1')
    await pressAndExpect('n', '2')
    await pressAndExpect('PageDown', '3')
    await pressAndExpect('p', '2')
    await pressAndExpect('PageUp', '1')

    await page.getByRole('button', { name: 'Page 3', exact: true }).click()
    await expect.poll(() => pageBoxValue(page)).toBe('3')
    expect(await page.locator('.viewer-thumb.current').textContent()).toBe('3')
    await page.getByRole('button', { name: 'Page 1', exact: true }).click()
    await expect.poll(() => pageBoxValue(page)).toBe('1')

    await app.menu('toggle-thumbnails')
    await expect.poll(() => page.locator('.viewer-thumbs').count()).toBe(0)
    await app.menu('toggle-thumbnails')
    await page.locator('.viewer-thumbs').waitFor()

    // Wait for the fit-page drawing itself: the fit-width canvas stays up until the new one is ready.
    const fitWidthScale = await waitPainted(page, 0)
    await app.menu('zoom-fit-page')
    await expect.poll(() => zoomValue(page)).toBe('fit-page')
    const fitPageScale = await waitPainted(page, 0, fitWidthScale)
    // Fit page is laid out once the whole page stands in the scroll area (a repaint for the
    // thumbnails coming back may still land after the zoom box says "fit-page").
    const pageHeight = async (): Promise<number> => (await pageLocator(page, 0).boundingBox())!.height
    const areaHeight = async (): Promise<number> =>
      (await page.locator('.viewer-scroll').boundingBox())!.height
    await expect.poll(async () => (await pageHeight()) <= (await areaHeight()) + 1).toBe(true)
    const box = (await pageLocator(page, 0).boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + 40)
    await page.keyboard.down('Control')
    await page.mouse.wheel(0, -300)
    await page.keyboard.up('Control')
    await expect.poll(() => zoomValue(page)).toMatch(/^p\d+$/)
    // Zoomed in: laid out larger than fit page, and painted again at the new size.
    await expect
      .poll(async () => (await pageLocator(page, 0).boundingBox())!.width)
      .toBeGreaterThan(box.width)
    await waitPainted(page, 0, fitPageScale)
    // Chromium's own page zoom stayed out of it: the UI is not scaled.
    expect(await page.evaluate('window.devicePixelRatio')).toBe(1)

    await app.menu('zoom-fit-width')
    await expect.poll(() => zoomValue(page)).toBe('fit-width')
    await app.menu('zoom-reset')
    await expect.poll(() => zoomValue(page)).toBe('p100')
    await page.keyboard.press('Control+2')
    await expect.poll(() => zoomValue(page)).toBe('fit-page')
    await page.keyboard.press('Control+1')
    await expect.poll(() => zoomValue(page)).toBe('fit-width')
    await pressAndExpect('Home', '1')
  })

  it('zooms with Ctrl+=, jumps with the page box, and a reload restores page and zoom', async () => {
    const { page } = app
    const before = await canvasSize(page, 0)
    const paintedBefore = await waitPainted(page, 0)
    await page.locator('.viewer-scroll').focus()
    await page.keyboard.press('Control+Equal')
    const paintedAfter = await waitPainted(page, 0, paintedBefore)
    expect(Number(paintedAfter)).toBeGreaterThan(Number(paintedBefore))
    const after = await canvasSize(page, 0)
    expect(after!.width).toBeGreaterThan(before!.width)
    const zoom = await zoomValue(page)
    expect(zoom).toMatch(/^p\d+$/)

    await page.getByLabel('Page number').fill('3')
    await page.getByLabel('Page number').press('Enter')
    await expect.poll(() => pageBoxValue(page)).toBe('3')
    const documentId = (await page.locator('.document-viewer').getAttribute('data-document-id'))!
    // Saved after the reader settles (debounced): poll IndexedDB rather than sleep.
    await expect.poll(async () => (await storedViewState(page, documentId))?.pageIndex).toBe(2)

    await page.reload()
    await openDocument(app, 'words.pdf')
    await expect.poll(() => pageBoxValue(page)).toBe('3')
    expect(await zoomValue(page)).toBe(zoom)
    await waitPainted(page, 2)
    await app.screenshot('viewer-restored')
  })

  it('draws the detected redaction over the black box, with its kind in the tooltip', async () => {
    const { page } = app
    await page.getByRole('button', { name: '‹ Library' }).click()
    await expect
      .poll(() => row(app, 'words.pdf').getAttribute('data-state'), { timeout: 90_000 })
      .toBe('done')
    await openDocument(app, 'words.pdf')
    await page.getByLabel('Zoom level').selectOption('fit-width')
    await page.getByLabel('Page number').fill('1')
    await page.getByLabel('Page number').press('Enter')
    const pageOne = pageLocator(page, 0)
    const box = pageOne.locator('.redaction-box').first()
    await box.waitFor({ timeout: 30_000 })
    const pageBox = (await pageOne.boundingBox())!
    const overlayBox = (await box.boundingBox())!
    const scale = pageBox.width / LETTER_PT.width
    const [x0, y0, x1, y1] = BOX_PAGE_RECT
    // Detection may pad or trim the box by a point or two; the overlay must sit on it, not near it.
    const tolerancePx = 3 * scale
    expect(Math.abs(overlayBox.x - pageBox.x - x0 * scale)).toBeLessThan(tolerancePx)
    expect(Math.abs(overlayBox.y - pageBox.y - y0 * scale)).toBeLessThan(tolerancePx)
    expect(Math.abs(overlayBox.width - (x1 - x0) * scale)).toBeLessThan(tolerancePx * 2)
    expect(Math.abs(overlayBox.height - (y1 - y0) * scale)).toBeLessThan(tolerancePx * 2)
    expect(await box.getAttribute('title')).toMatch(/^Black box/)
    await page.locator('.viewer-thumb canvas').first().waitFor()
    await app.screenshot('viewer-overlay')
  })

  it('keeps a 14,400 pt page at 400 % within the canvas caps', async () => {
    const { page } = app
    await page.getByRole('button', { name: '‹ Library' }).click()
    await importFile(app, giant, 'giant.pdf')
    await openDocument(app, 'giant.pdf')
    const first = await waitPainted(page, 0)
    await page.getByLabel('Zoom level').selectOption('p400')
    await waitPainted(page, 0, first)
    const size = (await canvasSize(page, 0))!
    expect(size.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE_PX)
    expect(size.height).toBeLessThanOrEqual(MAX_CANVAS_SIDE_PX)
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS)
    // Clamped, not refused: the page is still drawn (a stretched canvas), with no error state.
    expect(await inkPixels(page, 0)).toBeGreaterThan(0)
    expect(await page.locator('.viewer-page-error').count()).toBe(0)
  })
})
