/**
 * Small windows and crowded pages (issue 10, points 7 and 9), on the built renderer:
 * - the library at 1024×640, 1024×700 and 1280×800: header cells side by side and inside the window,
 *   no cell's content cut off (Delete included), the Name column wide enough to read, long names that
 *   differ only at their end shown in full; a click anywhere on a row opens it, Enter on its name too;
 * - the viewer at 1024×700 with a redaction selected: the list still shows four rows or more;
 * - leak badges: clear of the page's words (pdf.js text layer spans), of each other, of every box
 *   (and so of the status marks drawn inside boxes) and of the boxes' labels.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { briefingPdf, fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { CLEAN_BARS, LEAK_BARS, leakPagePdf, SIMILAR_NAMES } from './layout.fixtures'
import { row } from './viewer.helpers'

let app: App
let files: FixtureDir
const LEAK_DOC = 'leaks-on-a-crowded-page.pdf'

beforeAll(async () => {
  files = fixtureDir()
  app = await launchApp()
  const paths: string[] = []
  for (const name of SIMILAR_NAMES) paths.push(files.write(name, await briefingPdf(name, 1)))
  paths.push(files.write(LEAK_DOC, await leakPagePdf()))
  await app.importViaDialog(paths)
})

afterAll(async () => {
  await app?.analysesSettled()
  await app?.close()
  files?.remove()
})

interface Box {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

interface LibraryLayout {
  readonly viewport: { width: number; height: number }
  readonly headers: (Box & { name: string; clipped: boolean })[]
  readonly cellsCutOff: string[]
  readonly deletes: (Box & { cell: Box })[]
  readonly names: { text: string; clipped: boolean; title: string }[]
  readonly paneScrollsSideways: boolean
}

/** The library table's geometry, read in the page (this tsconfig has no DOM types). */
const libraryLayout = (page: Page): Promise<LibraryLayout> =>
  page.evaluate(`(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom } }
    const cut = (el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1
    // A column the table drops in a narrow window is not drawn at all (display: none).
    const headers = [...document.querySelectorAll('table.documents thead th')].filter((th) => th.getClientRects().length > 0).map((th) => ({
      ...box(th), name: th.className, clipped: cut(th)
    }))
    const cellsCutOff = [...document.querySelectorAll('table.documents tbody td')]
      .filter((td) => td.scrollWidth > td.clientWidth + 1)
      .map((td) => td.className + ': ' + td.textContent)
    const deletes = [...document.querySelectorAll('[data-testid="document-row"]')].map((tr) => {
      const del = [...tr.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') || '').startsWith('Delete'))
      return { ...box(del), cell: box(del.closest('td')) }
    })
    const names = [...document.querySelectorAll('.document-name')].map((el) => ({
      text: el.textContent, clipped: cut(el), title: el.getAttribute('title') || ''
    }))
    const pane = document.querySelector('.release-pane')
    return {
      viewport: { width: innerWidth, height: innerHeight },
      headers, cellsCutOff, deletes, names,
      paneScrollsSideways: pane.scrollWidth > pane.clientWidth + 1
    }
  })()`)

async function checkLibraryAt(width: number, height: number): Promise<void> {
  const { page } = app
  await page.setViewportSize({ width, height })
  await expect.poll(() => page.evaluate('innerWidth')).toBe(width)
  const layout = await libraryLayout(page)
  const where = `at ${width}×${height}`
  const shown = layout.headers.map((h) => h.name)
  for (const kept of ['col-name', 'col-pages', 'col-state', 'col-actions'])
    expect(shown, where).toContain(kept)
  for (const [i, h] of layout.headers.entries()) {
    expect(h.left, `${h.name} header ${where}`).toBeGreaterThanOrEqual(0)
    expect(h.right, `${h.name} header ${where}`).toBeLessThanOrEqual(width)
    expect(h.clipped, `${h.name} header cut off ${where}`).toBe(false)
    for (const other of layout.headers.slice(i + 1)) {
      expect(overlaps(h, other), `${h.name} overlaps ${other.name} ${where}`).toBe(false)
    }
  }
  const nameHeader = layout.headers.find((h) => h.name.includes('col-name'))!
  expect(nameHeader.right - nameHeader.left, `Name column width ${where}`).toBeGreaterThanOrEqual(240)
  expect(layout.cellsCutOff, where).toEqual([])
  expect(layout.paneScrollsSideways, where).toBe(false)
  for (const d of layout.deletes) {
    expect(d.left, `Delete ${where}`).toBeGreaterThanOrEqual(d.cell.left)
    expect(d.right, `Delete ${where}`).toBeLessThanOrEqual(Math.min(d.cell.right, width))
  }
  // Every name in full: not clipped, and the whole name on hover.
  for (const name of SIMILAR_NAMES) {
    const shown = layout.names.find((n) => n.text === name)
    expect(shown, `${name} ${where}`).toBeDefined()
    expect(shown!.clipped, `${name} cut off ${where}`).toBe(false)
    expect(shown!.title).toContain(name)
  }
}

/** Rows of the review list wholly inside the list's visible box. */
const rowsInView = (page: Page): Promise<number> =>
  page.evaluate(`(() => {
    const list = document.querySelector('[data-testid="review-list"]').getBoundingClientRect()
    return [...document.querySelectorAll('.review-row')].filter((row) => {
      const r = row.getBoundingClientRect()
      return r.top >= list.top - 0.5 && r.bottom <= list.bottom + 0.5
    }).length
  })()`)

describe('layout in small windows (issue 10, points 7 and 9)', () => {
  it('the library fits 1024×640, 1024×700 and 1280×800, with long similar names in full', async () => {
    const { page } = app
    // A second release makes each row offer "Move to…", the widest set of actions a row has.
    await page.getByRole('button', { name: 'New release' }).click()
    await page.getByTestId('release-form').waitFor()
    await page.keyboard.type('Second release')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('release-name').textContent()).toBe('Second release')
    await page.getByTestId('release-item').filter({ hasText: 'Unsorted' }).click()
    await row(app, LEAK_DOC).waitFor()
    await checkLibraryAt(1024, 640)
    await checkLibraryAt(1024, 700)
    await app.screenshot('layout-library-1024x700')
    await checkLibraryAt(1280, 800)
    await app.screenshot('layout-library-1280x800')
  })

  it('a click anywhere on a row opens its document, and Enter on its name does too', async () => {
    const { page } = app
    await page.setViewportSize({ width: 1024, height: 700 })
    const target = row(app, SIMILAR_NAMES[1])
    const id = await target.getAttribute('data-document-id')
    await target.getByTestId('document-pages').click()
    const viewer = page.locator('.document-viewer')
    await expect.poll(() => viewer.getAttribute('data-document-id')).toBe(id)
    await page
      .getByRole('button', { name: /library/i })
      .first()
      .click()
    await row(app, SIMILAR_NAMES[2]).waitFor()

    const other = row(app, SIMILAR_NAMES[2])
    const otherId = await other.getAttribute('data-document-id')
    await other.getByRole('button', { name: SIMILAR_NAMES[2], exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => viewer.getAttribute('data-document-id')).toBe(otherId)
    await page
      .getByRole('button', { name: /library/i })
      .first()
      .click()
    await row(app, LEAK_DOC).waitFor()
  })

  it('with a redaction selected at 1024×700 (and 640) the list still shows four rows or more', async () => {
    const { page } = app
    await page.setViewportSize({ width: 1024, height: 700 })
    await row(app, LEAK_DOC).getByRole('button', { name: LEAK_DOC, exact: true }).click()
    await page.locator('.document-viewer[data-state="ready"]').waitFor({ timeout: 60_000 })
    const list = page.getByTestId('review-list')
    await expect
      .poll(() => list.getAttribute('data-count'), { timeout: 60_000 })
      .toBe(String(LEAK_BARS.length + CLEAN_BARS))
    await page.locator('.review-row').first().click()
    await page.getByTestId('review-detail').waitFor()
    await expect.poll(() => rowsInView(page)).toBeGreaterThanOrEqual(4)
    // The detail is all reachable: it scrolls inside the panel instead of pushing the list away.
    const detailScrolls = await page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="review-detail"]')
      return el.scrollHeight <= el.clientHeight + 1 || getComputedStyle(el).overflowY === 'auto'
    })()`)
    expect(detailScrolls).toBe(true)
    await app.screenshot('layout-viewer-selected-1024x700')
    await page.setViewportSize({ width: 1024, height: 640 })
    await expect.poll(() => rowsInView(page)).toBeGreaterThanOrEqual(4)
    await page.setViewportSize({ width: 1280, height: 800 })
    await expect.poll(() => rowsInView(page)).toBeGreaterThanOrEqual(4)
    await app.screenshot('layout-viewer-selected-1280x800')
  })

  it('leak badges sit clear of the words, of each other, of every box and label', async () => {
    const { page } = app
    const pageEl = page.locator('.viewer-page[data-page-index="0"]')
    await pageEl.locator('.textLayer[data-ready="true"]').waitFor({ timeout: 60_000 })
    // Accept every box, so each carries its status mark (✓) in its corner.
    await page.keyboard.press('Escape')
    const accepted = page.locator('.redaction-box.status-accepted')
    for (let i = 0; i < LEAK_BARS.length + CLEAN_BARS; i++) {
      await page.locator('.review-row').nth(i).click()
      await page.keyboard.press('a')
    }
    await expect.poll(() => accepted.count()).toBe(LEAK_BARS.length + CLEAN_BARS)
    for (const size of [
      { width: 1024, height: 700 },
      { width: 1280, height: 800 }
    ]) {
      await page.setViewportSize(size)
      const badges = pageEl.locator('.redaction-leak-badge')
      await expect.poll(() => badges.count()).toBe(LEAK_BARS.length)
      // Placement follows the text layer; wait until every badge says it was placed against it.
      await expect
        .poll(() => pageEl.locator('.redaction-leak-badge[data-placed="clear"]').count())
        .toBe(LEAK_BARS.length)
      const geometry: { badges: Box[]; words: Box[]; boxes: Box[]; labels: Box[]; page: Box } =
        await page.evaluate(`(() => {
          const root = document.querySelector('.viewer-page[data-page-index="0"]')
          const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom } }
          return {
            badges: [...root.querySelectorAll('.redaction-leak-badge')].map(box),
            words: [...root.querySelectorAll('.textLayer span')].filter((s) => s.textContent.trim() && !s.querySelector('span')).map(box),
            boxes: [...root.querySelectorAll('.redaction-box')].map(box),
            labels: [...root.querySelectorAll('.redaction-label')].map(box),
            page: box(root)
          }
        })()`)
      expect(geometry.words.length).toBeGreaterThan(20)
      const where = `at ${size.width}×${size.height}`
      for (const [i, badge] of geometry.badges.entries()) {
        expect(badge.left, where).toBeGreaterThanOrEqual(geometry.page.left)
        expect(badge.right, where).toBeLessThanOrEqual(geometry.page.right)
        expect(
          geometry.words.filter((w) => overlaps(badge, w)),
          `badge ${i} on words ${where}`
        ).toEqual([])
        expect(
          geometry.boxes.filter((b) => overlaps(badge, b)),
          `badge ${i} on a box ${where}`
        ).toEqual([])
        expect(
          geometry.labels.filter((l) => overlaps(badge, l)),
          `badge ${i} on a label ${where}`
        ).toEqual([])
        for (const other of geometry.badges.slice(i + 1)) expect(overlaps(badge, other), where).toBe(false)
      }
      await app.screenshot(`layout-leak-badges-${size.width}x${size.height}`)
    }
  })
})
