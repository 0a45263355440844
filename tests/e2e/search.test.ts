/**
 * Release search e2e (issue 5): Ctrl+F in the library searches the release's page text (read with
 * pdf.js in the renderer) → the hit names the document and page → Enter opens the viewer there with
 * the words marked in the text layer; a reviewer's note, written in the viewer, is found with "/"
 * and choosing it selects its box. Issue 10 point 8: a word printed on a scanned (image-only) page
 * is found through the OCR words kept at analysis and marked on the page from its word box, while
 * names under boxes on that page are never found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { RARE_WORD } from './release.fixtures'
import { importRelease, storedRedactions } from './release.helpers'
import {
  NAME_UNDER_BOX,
  NAME_UNDER_MARK,
  NAME_UNDER_TEXT_BOX,
  PAGE_TWO_WORDS,
  SCANNED_RARE_WORD,
  scannedSearchPdf
} from './scannedSearch.fixtures'

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

describe('search on a scanned page (issue 10 point 8)', () => {
  let scanApp: App
  let scanFiles: FixtureDir
  let rareWordLine: readonly number[]

  beforeAll(async () => {
    scanFiles = fixtureDir()
    scanApp = await launchApp()
    const fixture = await scannedSearchPdf()
    rareWordLine = fixture.rareWordLine
    await scanApp.importViaDialog([scanFiles.write('scan.pdf', fixture.pdf)])
    await scanApp.analysesSettled()
  })

  afterAll(async () => {
    await scanApp?.analysesSettled()
    await scanApp?.close()
    scanFiles?.remove()
  })

  /** Searches and waits for the status to say `expected` with every document read (no progress). */
  const expectStatus = async (query: string, expected: string): Promise<void> => {
    const { page } = scanApp
    await page.getByTestId('search-input').fill(query)
    await expect
      .poll(async () => ((await page.getByTestId('search-status').textContent()) ?? '').trim(), {
        timeout: 30_000
      })
      .toBe(expected)
  }

  it('finds a word printed on an image-only page and marks it on the page', async () => {
    const { page } = scanApp
    await page.keyboard.press('Control+f')
    await page.getByTestId('search-dialog').waitFor()
    await expectStatus(SCANNED_RARE_WORD.toUpperCase(), '1 match')
    const hit = page.getByTestId('search-result').first()
    expect(await hit.getAttribute('data-kind')).toBe('scan')
    expect(await hit.textContent()).toContain('scan.pdf · page 1 · Scanned text')
    expect((await hit.locator('mark').textContent())?.toLowerCase()).toBe(SCANNED_RARE_WORD)
    await scanApp.screenshot('search-scanned-results')
    // Withheld names on the page (the page's words are loaded: the word above was found): one under
    // a vector box, one under an unapplied /Redact mark whose pixels still print it. Never found.
    await expectStatus(NAME_UNDER_BOX, '0 matches')
    await expectStatus(NAME_UNDER_MARK, '0 matches')
    // Page 2's text layer is read (its visible words are found), but not the name under its box.
    await expectStatus(PAGE_TWO_WORDS, '1 match')
    await expectStatus(NAME_UNDER_TEXT_BOX, '0 matches')
    await expectStatus(SCANNED_RARE_WORD, '1 match')
    await page.keyboard.press('Enter')
    await page.locator('.document-viewer[data-state="ready"]').waitFor({ timeout: 60_000 })
    const mark = page.locator('.viewer-page[data-page-index="0"] [data-testid="search-mark"]')
    await expect.poll(() => mark.count(), { timeout: 20_000 }).toBe(1)
    // The mark lies on the printed word's line, wherever the zoom put the page.
    const where = async (): Promise<number[]> => {
      const pageBox = (await page.locator('.viewer-page[data-page-index="0"]').boundingBox())!
      const box = (await mark.boundingBox())!
      const ptPerPx = 612 / pageBox.width
      return [
        (box.x - pageBox.x) * ptPerPx,
        (box.y - pageBox.y) * ptPerPx,
        (box.x + box.width - pageBox.x) * ptPerPx,
        (box.y + box.height - pageBox.y) * ptPerPx
      ]
    }
    const inside = (r: number[]): boolean =>
      r[0]! >= rareWordLine[0]! - 2 &&
      r[2]! <= rareWordLine[2]! &&
      r[1]! >= rareWordLine[1]! - 4 &&
      r[3]! <= rareWordLine[3]! + 4 &&
      r[2]! - r[0]! > 20
    expect(inside(await where())).toBe(true)
    await scanApp.screenshot('search-scanned-marked-1280')
    await page.setViewportSize({ width: 1024, height: 700 })
    await expect.poll(async () => inside(await where())).toBe(true)
    await scanApp.screenshot('search-scanned-marked-1024')
    await page.setViewportSize({ width: 1280, height: 800 })
  })
})
