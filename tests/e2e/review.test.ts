/**
 * Review workflow e2e on the built renderer, driven by keys as a reviewer would: import a release
 * with three labelled boxes → the panel lists them in reading order with their detected grounds →
 * j/a accepts the first, j/d + a note disputes the second, g + the picker ("free frank", "privacy")
 * changes the third's grounds → Ctrl+Z reverts that → a reload keeps every decision, read back from
 * IndexedDB itself.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { REVIEW_BOXES, reviewPdf } from './review.fixtures'
import { openDocument } from './viewer.helpers'

let app: App
let files: FixtureDir

interface StoredRedaction {
  id: string
  pageIndex: number
  pageRect: number[]
  grounds: string[]
  status: string
  note: string
}

/** Every stored redaction, in reading order, straight from IndexedDB (not through the app's code). */
function storedRedactions(page: Page): Promise<StoredRedaction[]> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('withheld')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const get = open.result.transaction('redactions').objectStore('redactions').getAll()
      get.onsuccess = () => {
        open.result.close()
        resolve(get.result.sort((a, b) => a.pageIndex - b.pageIndex || a.pageRect[1] - b.pageRect[1]))
      }
      get.onerror = () => reject(get.error)
    }
  })`)
}

const selectedRowText = (page: Page) => page.locator('.review-row[aria-selected="true"]').textContent()

beforeAll(async () => {
  files = fixtureDir()
  app = await launchApp()
  const path = files.write('briefing.pdf', await reviewPdf())
  await app.importViaDialog([path])
  await openDocument(app, 'briefing.pdf')
})

afterAll(async () => {
  await app?.analysesSettled()
  await app?.close()
  files?.remove()
})

describe('review workflow', () => {
  it('lists the three redactions in reading order with their detected grounds', async () => {
    const { page } = app
    const list = page.getByTestId('review-list')
    await expect.poll(() => list.getAttribute('data-count'), { timeout: 60_000 }).toBe('3')
    const rows = page.locator('.review-row')
    await expect.poll(() => rows.count()).toBe(3)
    for (const text of await rows.allTextContents()) expect(text).toContain('9(2)(a)')
    expect(await page.locator('.review-page-header').allTextContents()).toEqual([
      'Page 12 redactions',
      'Page 21 redaction'
    ])
    const stored = await storedRedactions(page)
    expect(stored.map((r) => [r.pageIndex, r.pageRect])).toEqual(
      REVIEW_BOXES.map(([p, rect]) => [p, [...rect]])
    )
    expect(await page.getByTestId('review-progress').textContent()).toBe('0 of 3 reviewed')
    await page.locator('.viewer-page[data-page-index="0"] .redaction-box').first().waitFor()
    await app.screenshot('review-opened')
  })

  it('j selects the first box on the page and in the list; a accepts it', async () => {
    const { page } = app
    const stored = await storedRedactions(page)
    await page.keyboard.press('j')
    const first = page.locator(`.redaction-box[data-redaction-id="${stored[0]!.id}"]`)
    await expect.poll(() => first.getAttribute('class')).toContain('selected')
    expect(await page.getByTestId('review-detail').textContent()).toContain('Redaction 1 of 3')
    await page.keyboard.press('a')
    await expect.poll(async () => (await storedRedactions(page))[0]!.status).toBe('accepted')
    await expect.poll(() => first.getAttribute('class')).toContain('status-accepted')
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe('1 of 3 reviewed')
    expect(await selectedRowText(page)).toContain('Accepted')
  })

  it('j then d disputes the second and takes a note; Enter saves it', async () => {
    const { page } = app
    await page.keyboard.press('j')
    await page.keyboard.press('d')
    const note = page.getByTestId('review-note')
    await expect.poll(() => note.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await page.keyboard.type('The name is already public in the annual report.')
    await page.keyboard.press('Enter')
    await expect
      .poll(async () => {
        const r = (await storedRedactions(page))[1]!
        return [r.status, r.note]
      })
      .toEqual(['disputed', 'The name is already public in the annual report.'])
    // Focus left the note, so the review keys work again.
    expect(await note.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(false)
    await app.screenshot('review-disputed')
  })

  it('g opens the picker; searching "privacy" finds 9(2)(a) ticked; the grounds change and persist', async () => {
    const { page } = app
    await page.keyboard.press('j')
    expect(await page.getByTestId('review-detail').textContent()).toContain('Redaction 3 of 3 · page 2')
    await page.keyboard.press('g')
    const picker = page.getByTestId('grounds-picker')
    await picker.waitFor()
    expect(await picker.textContent()).toContain('“s9(2)(a)”')
    const search = page.getByTestId('grounds-search')
    await search.fill('free frank')
    await expect
      .poll(() => picker.locator('li[role="option"]').first().getAttribute('data-code'))
      .toBe('9(2)(g)(i)')
    await search.press('Enter')
    await search.fill('privacy')
    const top = picker.locator('li[role="option"]').first()
    await expect.poll(() => top.getAttribute('data-code')).toBe('9(2)(a)')
    expect(await top.getAttribute('aria-selected')).toBe('true')
    await app.screenshot('review-picker')
    await search.press('Enter') // untick 9(2)(a)
    await page.getByTestId('grounds-apply').click()
    await picker.waitFor({ state: 'detached' })
    await expect.poll(async () => (await storedRedactions(page))[2]!.grounds).toEqual(['9(2)(g)(i)'])
    await expect
      .poll(() => page.getByTestId('review-grounds').textContent())
      .toContain('Free and frank opinions')
    await app.screenshot('review-grounds-changed')
  })

  it('Ctrl+Z reverts the grounds change, Ctrl+Shift+Z redoes it, Ctrl+Z again', async () => {
    const { page } = app
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await storedRedactions(page))[2]!.grounds).toEqual(['9(2)(a)'])
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(async () => (await storedRedactions(page))[2]!.grounds).toEqual(['9(2)(g)(i)'])
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await storedRedactions(page))[2]!.grounds).toEqual(['9(2)(a)'])
    // The detail panel follows the database through a live query, a moment after the write.
    await expect.poll(() => page.getByTestId('review-grounds').textContent()).toContain('Privacy')
  })

  it('k walks back; the filter shows only disputed; ? shows the shortcut sheet', async () => {
    const { page } = app
    await page.keyboard.press('k')
    expect(await page.getByTestId('review-detail').textContent()).toContain('Redaction 2 of 3')
    await page.locator('.review-segment[data-status="disputed"]').click()
    await expect.poll(() => page.locator('.review-row').count()).toBe(1)
    await expect
      .poll(() => page.locator('.review-segment[data-status="disputed"]').textContent())
      .toBe('Disputed1')
    await page.locator('.review-segment[data-status="all"]').click()
    await expect.poll(() => page.locator('.review-row').count()).toBe(3)
    await page.locator('body').press('?')
    const sheet = page.getByTestId('shortcut-sheet')
    await sheet.waitFor()
    expect(await sheet.textContent()).toContain('Accept the grounds')
    await app.screenshot('review-shortcuts')
    await page.keyboard.press('Escape')
    await sheet.waitFor({ state: 'detached' })
  })

  it('a reload keeps every decision and the selection', async () => {
    const { page } = app
    const before = await storedRedactions(page)
    await page.reload()
    await openDocument(app, 'briefing.pdf')
    await expect
      .poll(() => page.getByTestId('review-list').getAttribute('data-count'), { timeout: 60_000 })
      .toBe('3')
    const after = await storedRedactions(page)
    expect(after.map((r) => [r.status, r.note, r.grounds])).toEqual([
      ['accepted', '', ['9(2)(a)']],
      ['disputed', 'The name is already public in the annual report.', ['9(2)(a)']],
      ['unreviewed', '', ['9(2)(a)']]
    ])
    expect(after).toEqual(before)
    expect(await page.getByTestId('review-progress').textContent()).toBe('2 of 3 reviewed')
    expect(await page.getByTestId('review-detail').textContent()).toContain('Redaction 2 of 3')
    // Undo history lives in IndexedDB too: one more Ctrl+Z takes back the note.
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await storedRedactions(page))[1]!.note).toBe('')
    await app.screenshot('review-after-reload')
  })

  it('a click on a box selects it; 1 sets the most recent ground; Delete removes the box and Ctrl+Z restores it', async () => {
    const { page } = app
    const third = (await storedRedactions(page))[2]!
    const box = page.locator(`.redaction-box[data-redaction-id="${third.id}"]`)
    await box.click()
    await expect.poll(() => box.getAttribute('class')).toContain('selected')
    expect(await page.getByTestId('review-detail').textContent()).toContain('Redaction 3 of 3')
    // The picker used 9(2)(g)(i) last, so it is recent ground 1 (kept in localStorage across the reload).
    await page.keyboard.press('1')
    await expect.poll(async () => (await storedRedactions(page))[2]!.grounds).toEqual(['9(2)(g)(i)'])
    await expect.poll(() => box.getAttribute('class')).toContain('family-s9-public-interest')
    await page.keyboard.press('Delete')
    await expect.poll(async () => (await storedRedactions(page)).length).toBe(2)
    await expect.poll(() => page.getByTestId('review-list').getAttribute('data-count')).toBe('2')
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await storedRedactions(page)).length).toBe(3)
    expect((await storedRedactions(page))[2]).toEqual({
      ...third,
      grounds: ['9(2)(g)(i)'],
      updatedAt: expect.any(Number)
    })
  })

  it('sets the grounds of every redaction shown at once, undone in one step', async () => {
    const { page } = app
    const before = (await storedRedactions(page)).map((r) => r.grounds)
    await page.getByTestId('review-bulk').getByRole('button', { name: 'Set grounds…' }).click()
    const picker = page.getByTestId('grounds-picker')
    expect(await picker.textContent()).toContain('Grounds for 3 redactions')
    const search = page.getByTestId('grounds-search')
    await search.fill('s 6 d')
    await expect
      .poll(() => picker.locator('li[role="option"]').first().getAttribute('data-code'))
      .toBe('6(d)')
    await search.press('Enter')
    await page.getByTestId('grounds-apply').click()
    await expect
      .poll(async () => (await storedRedactions(page)).map((r) => r.grounds))
      .toEqual([['6(d)'], ['6(d)'], ['6(d)']])
    await expect.poll(() => page.locator('.redaction-box.family-s6-conclusive').count()).toBeGreaterThan(0)
    await app.screenshot('review-bulk')
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await storedRedactions(page)).map((r) => r.grounds)).toEqual(before)
  })
})
