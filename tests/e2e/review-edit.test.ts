/**
 * Manual edits e2e on the built renderer, driven by the mouse and keys as a reviewer would: draw a
 * box the engine missed (b, drag) → move it → resize it by a corner → Ctrl+Z / Ctrl+Shift+Z walk
 * the three steps → arrows nudge it → mark page 1 withheld in full and undo it → Shift+click two
 * boxes and accept both in one step (one undo) → rubber-band select → z zooms to the selection.
 * Every step is read back from IndexedDB itself, and screenshots are saved to look at.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { reviewPdf } from './review.fixtures'
import { openDocument } from './viewer.helpers'

let app: App
let files: FixtureDir

interface StoredRedaction {
  id: string
  pageIndex: number
  pageRect: number[]
  kind: string
  origin: string
  status: string
  grounds: string[]
}

/** All rows of a store, straight from IndexedDB (not through the app's code). */
function stored<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('withheld')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const get = open.result.transaction(${JSON.stringify(store)}).objectStore(${JSON.stringify(store)}).getAll()
      get.onsuccess = () => { open.result.close(); resolve(get.result) }
      get.onerror = () => reject(get.error)
    }
  })`)
}
const redactions = (page: Page) => stored<StoredRedaction>(page, 'redactions')
const manual = async (page: Page) => (await redactions(page)).filter((r) => r.origin === 'manual')
const historyCount = async (page: Page) => (await stored<unknown>(page, 'history')).length

/** 100 %: CSS px per point. */
const SCALE = 96 / 72

/** Client px of a page point on page `pageIndex` (the page's own box, so scrolling is accounted for). */
async function at(page: Page, pageIndex: number, xPt: number, yPt: number): Promise<[number, number]> {
  const box = await page.locator(`.viewer-page[data-page-index="${pageIndex}"]`).boundingBox()
  if (!box) throw new Error(`page ${pageIndex} not on screen`)
  return [box.x + xPt * SCALE, box.y + yPt * SCALE]
}

async function drag(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await page.mouse.move(...from)
  await page.mouse.down()
  await page.mouse.move(...to, { steps: 6 })
  await page.mouse.up()
}

const near = (actual: number[], expected: number[], tolerancePt = 0.8): boolean =>
  actual.length === expected.length && actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerancePt)

beforeAll(async () => {
  files = fixtureDir()
  app = await launchApp()
  const path = files.write('briefing.pdf', await reviewPdf())
  await app.importViaDialog([path])
  await openDocument(app, 'briefing.pdf')
  const { page } = app
  await page.locator('[data-testid="review-list"][data-count="3"]').waitFor({ timeout: 60_000 })
  await page.getByLabel('Zoom level').selectOption('p100')
  await page.locator('.viewer-page[data-page-index="0"][data-painted-scale]').waitFor()
  await page.locator('.viewer-page[data-page-index="0"] .redaction-box').first().waitFor()
})

afterAll(async () => {
  await app?.analysesSettled()
  await app?.close()
  files?.remove()
})

describe('manual boxes', () => {
  let id = ''
  const box = () => app.page.locator(`.redaction-box[data-redaction-id="${id}"]`)
  const rectNow = async () => (await manual(app.page)).find((r) => r.id === id)?.pageRect ?? []

  it('b then a drag draws a manual box, stored in page points, selected with handles', async () => {
    const { page } = app
    await page.keyboard.press('b')
    expect(await page.getByTestId('draw-box').getAttribute('aria-pressed')).toBe('true')
    await drag(page, await at(page, 0, 100, 100), await at(page, 0, 300, 140))
    await expect.poll(async () => (await manual(page)).length).toBe(1)
    const [row] = await manual(page)
    id = row!.id
    expect(row).toMatchObject({ pageIndex: 0, kind: 'black', status: 'unreviewed', grounds: [] })
    expect(near(row!.pageRect, [100, 100, 300, 140]), String(row!.pageRect)).toBe(true)
    await expect.poll(() => box().getAttribute('class')).toContain('selected')
    expect(await box().locator('.redaction-handle').count()).toBe(8)
    // One-shot tool: back to select, so the new box can be moved at once.
    expect(await page.getByTestId('draw-box').getAttribute('aria-pressed')).toBe('false')
    expect(await page.getByTestId('review-detail').textContent()).toContain('drawn by you')
    await expect.poll(() => page.getByTestId('review-list').getAttribute('data-count')).toBe('4')
    await app.screenshot('review-edit-drawn')
  })

  it('dragging the box moves it; dragging its corner resizes it', async () => {
    const { page } = app
    const before = await rectNow()
    await drag(page, await at(page, 0, 200, 120), await at(page, 0, 230, 135))
    await expect.poll(rectNow).not.toEqual(before)
    expect(near(await rectNow(), [before[0]! + 30, before[1]! + 15, before[2]! + 30, before[3]! + 15])).toBe(
      true
    )
    const moved = await rectNow()
    const handle = box().locator('.redaction-handle.handle-se')
    const h = (await handle.boundingBox())!
    const start: [number, number] = [h.x + h.width / 2, h.y + h.height / 2]
    await drag(page, start, [start[0] + 40 * SCALE, start[1] + 20 * SCALE])
    await expect.poll(rectNow).not.toEqual(moved)
    expect(near(await rectNow(), [moved[0]!, moved[1]!, moved[2]! + 40, moved[3]! + 20])).toBe(true)
    // On screen: the box's CSS size is its stored size at 100 %.
    const shown = (await box().boundingBox())!
    const r = await rectNow()
    expect(Math.abs(shown.width - (r[2]! - r[0]!) * SCALE)).toBeLessThan(1.5)
    expect(Math.abs(shown.height - (r[3]! - r[1]!) * SCALE)).toBeLessThan(1.5)
    await app.screenshot('review-edit-resized')
  })

  it('Ctrl+Z undoes the resize, then the move; Ctrl+Shift+Z redoes both exactly', async () => {
    const { page } = app
    const resized = await rectNow()
    const history = await historyCount(page)
    await page.keyboard.press('Control+z')
    await expect.poll(rectNow).not.toEqual(resized)
    const moved = await rectNow()
    await page.keyboard.press('Control+z')
    await expect.poll(rectNow).not.toEqual(moved)
    expect(near(await rectNow(), [100, 100, 300, 140])).toBe(true)
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(rectNow).toEqual(moved)
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(rectNow).toEqual(resized)
    expect(await historyCount(page)).toBe(history)
  })

  it('arrows nudge the selected box 1 pt, Shift+arrows 10 pt', async () => {
    const { page } = app
    const before = await rectNow()
    await page.keyboard.press('ArrowRight')
    await expect.poll(rectNow).toEqual([before[0]! + 1, before[1]!, before[2]! + 1, before[3]!])
    await page.keyboard.press('Shift+ArrowUp')
    await expect.poll(rectNow).toEqual([before[0]! + 1, before[1]! - 10, before[2]! + 1, before[3]! - 10])
    // The arrow nudged; it did not page the viewer.
    expect(await page.getByLabel('Page number').inputValue()).toBe('1')
  })

  it('Delete removes the drawn box and Ctrl+Z brings it back', async () => {
    const { page } = app
    await page.keyboard.press('Delete')
    await expect.poll(async () => (await manual(page)).length).toBe(0)
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await manual(page)).length).toBe(1)
  })
})

describe('withheld in full', () => {
  it('the toolbar marks page 1 withheld in full with a page-size box; Ctrl+Z takes both back', async () => {
    const { page } = app
    const pageRow = async () =>
      (await stored<{ pageIndex: number; withheldInFull: boolean }>(page, 'pages')).find(
        (p) => p.pageIndex === 0
      )
    const pageBoxes = async () => (await redactions(page)).filter((r) => r.kind === 'page')
    await page.getByTestId('withheld-page').click()
    await expect.poll(async () => (await pageRow())?.withheldInFull).toBe(true)
    expect((await pageBoxes()).map((r) => [r.pageIndex, r.origin, r.pageRect])).toEqual([
      [0, 'manual', [0, 0, 612, 792]]
    ])
    await page.getByTestId('page-withheld-mark').waitFor()
    expect(await page.getByTestId('withheld-page').getAttribute('aria-pressed')).toBe('true')
    await app.screenshot('review-edit-withheld')
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await pageRow())?.withheldInFull).toBe(false)
    expect(await pageBoxes()).toEqual([])
    await page.getByTestId('page-withheld-mark').waitFor({ state: 'detached' })
  })
})

describe('multi-select', () => {
  const detected = async (page: Page) =>
    (await redactions(page))
      .filter((r) => r.origin === 'detected' && r.pageIndex === 0)
      .sort((a, b) => a.pageRect[1]! - b.pageRect[1]!)

  it('Shift+click selects two boxes; Accept all accepts both as one undo step', async () => {
    const { page } = app
    const [first, second] = await detected(page)
    await page.locator(`.redaction-box[data-redaction-id="${first!.id}"]`).click()
    await page.locator(`.redaction-box[data-redaction-id="${second!.id}"]`).click({ modifiers: ['Shift'] })
    await expect.poll(() => page.getByTestId('review-selected-count').textContent()).toBe('2 selected')
    expect(await page.locator('.redaction-box.selected').count()).toBe(2)
    await app.screenshot('review-edit-multi')
    await page.getByTestId('review-accept').click()
    await expect
      .poll(async () => (await detected(page)).map((r) => r.status))
      .toEqual(['accepted', 'accepted'])
    // One history row for both.
    const newest = (await stored<{ id: number; label: string; redo: unknown[] }>(page, 'history')).sort(
      (a, b) => b.id - a.id
    )[0]
    expect([newest?.label, newest?.redo.length]).toEqual(['Accept 2 redactions', 2])
    await page.keyboard.press('Control+z')
    await expect
      .poll(async () => (await detected(page)).map((r) => r.status))
      .toEqual(['unreviewed', 'unreviewed'])
  })

  it('a drag on blank page selects the boxes it touches; z zooms to them', async () => {
    const { page } = app
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.redaction-box.selected').count()).toBe(0)
    // From the left margin (no words there) down across both detected boxes of page 1.
    await drag(page, await at(page, 0, 40, 190), await at(page, 0, 150, 430))
    await expect.poll(() => page.getByTestId('review-selected-count').textContent()).toBe('2 selected')
    const ids = (await detected(page)).map((r) => r.id).sort()
    const selected = await page
      .locator('.redaction-box.selected')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-redaction-id')).sort())
    expect(selected).toEqual(ids)
    await app.screenshot('review-edit-band')
    const zoomBefore = await page.getByLabel('Zoom level').inputValue()
    await page.keyboard.press('z')
    await expect.poll(() => page.getByLabel('Zoom level').inputValue()).not.toBe(zoomBefore)
    // Both boxes are in view after the zoom.
    for (const id of ids) {
      await expect
        .poll(() =>
          page.locator(`.redaction-box[data-redaction-id="${id}"]`).evaluate((el) => {
            const r = el.getBoundingClientRect()
            const v = el.closest('.viewer-scroll')!.getBoundingClientRect()
            return r.top >= v.top && r.bottom <= v.bottom && r.left >= v.left && r.right <= v.right
          })
        )
        .toBe(true)
    }
    await app.screenshot('review-edit-zoomed')
  })

  it('l selects every box with the label, Shift+click takes one out, Ctrl+A selects the page', async () => {
    const { page } = app
    const [first] = await detected(page)
    await page.locator(`.redaction-box[data-redaction-id="${first!.id}"]`).click()
    await page.keyboard.press('l')
    // All three detected boxes are printed "s9(2)(a)"; the drawn box has no label.
    await expect.poll(() => page.getByTestId('review-selected-count').textContent()).toBe('3 selected')
    expect(await page.locator('.review-row.in-selection').count()).toBe(3)
    await page.locator(`.redaction-box[data-redaction-id="${first!.id}"]`).click({ modifiers: ['Shift'] })
    await expect.poll(() => page.getByTestId('review-selected-count').textContent()).toBe('2 selected')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+a')
    // Page 1: two detected boxes and the drawn one.
    await expect.poll(() => page.getByTestId('review-selected-count').textContent()).toBe('3 selected')
    expect(await page.locator('.viewer-page[data-page-index="0"] .redaction-box.selected').count()).toBe(3)
    await app.screenshot('review-edit-select-page')
  })
})
