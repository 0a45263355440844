/**
 * Release search e2e (issue 5): Ctrl+F in the library searches the release's page text (read with
 * pdf.js in the renderer) → the hit names the document and page → Enter opens the viewer there with
 * the words marked in the text layer; a reviewer's note, written in the viewer, is found with "/"
 * and choosing it selects its box.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { RARE_WORD } from './release.fixtures'
import { importRelease, storedRedactions } from './release.helpers'

let app: App
let files: FixtureDir

beforeAll(async () => {
  files = fixtureDir()
  app = await launchApp()
  await importRelease(app, files)
})

afterAll(async () => {
  await app?.analysesSettled()
  await app?.close()
  files?.remove()
})

/** The text the search highlight covers on screen, or null when there is none. */
const highlighted = (): Promise<string | null> =>
  app.page.evaluate(`(() => {
    const h = CSS.highlights.get('withheld-search')
    if (!h) return null
    return [...h].map((range) => range.toString()).join('|')
  })()`)

describe('release search', () => {
  it('Ctrl+F finds a word in the page text and opens the viewer on it', async () => {
    const { page } = app
    await page.keyboard.press('Control+f')
    const dialog = page.getByTestId('search-dialog')
    await dialog.waitFor()
    await page.getByTestId('search-input').fill(RARE_WORD.toUpperCase())
    const results = page.getByTestId('search-result')
    await expect.poll(() => results.count(), { timeout: 30_000 }).toBe(1)
    const hit = results.first()
    expect(await hit.getAttribute('data-kind')).toBe('page')
    expect(await hit.getAttribute('data-page-index')).toBe('1')
    expect(await hit.textContent()).toContain('briefing.pdf · page 2')
    expect(await hit.locator('mark').textContent()).toBe(RARE_WORD)
    await app.screenshot('search-results')
    await page.keyboard.press('Enter')
    await page.locator('.document-viewer[data-state="ready"]').waitFor({ timeout: 60_000 })
    await expect.poll(highlighted, { timeout: 20_000 }).toBe(RARE_WORD)
    expect(await page.getByLabel('Page number').inputValue()).toBe('2')
    await app.screenshot('search-opened-page')
  })

  it('"/" finds the reviewer’s note and selecting it selects the box', async () => {
    const { page } = app
    // Write a note as a reviewer would: select the first box, dispute it, type why.
    await page.keyboard.press('j')
    await page.keyboard.press('d')
    await page.getByTestId('review-note').waitFor()
    await page.keyboard.type('Minister named this adviser in the House.')
    await page.keyboard.press('Enter')
    const first = (await storedRedactions(page))[0]!
    await expect.poll(async () => (await storedRedactions(page))[0]!.note).toContain('adviser')
    await page.keyboard.press('Escape')

    await page.keyboard.press('/')
    await page.getByTestId('search-dialog').waitFor()
    await page.getByTestId('search-input').fill('named this adviser')
    const note = page.locator('[data-testid="search-result"][data-kind="note"]')
    await expect.poll(() => note.count(), { timeout: 30_000 }).toBe(1)
    expect(await page.locator('[data-testid="search-result"][data-kind="page"]').count()).toBe(0)
    await note.click()
    await page.locator('.document-viewer[data-state="ready"]').waitFor({ timeout: 60_000 })
    const box = page.locator(`.redaction-box[data-redaction-id="${first.id}"]`)
    await expect.poll(() => box.getAttribute('class'), { timeout: 20_000 }).toContain('selected')
    expect(await page.getByTestId('review-note').inputValue()).toContain('adviser')
  })

  it('search works from the viewer too, within the open document’s release', async () => {
    const { page } = app
    await page.locator('.viewer-scroll').first().focus()
    await page.keyboard.press('Control+f')
    await page.getByTestId('search-input').fill('Official Information Act')
    const results = page.getByTestId('search-result')
    // Page text of both documents: 2 briefing pages (3 hits each at most) and the letter.
    await expect
      .poll(async () => (await page.getByTestId('search-status').textContent()) ?? '')
      .toMatch(/^7 matches/)
    expect(new Set(await results.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))).toEqual(
      new Set(['page'])
    )
    await page.keyboard.press('Escape')
    await page.getByTestId('search-dialog').waitFor({ state: 'detached' })
  })
})
