/**
 * Release level e2e (issue 5) on the built renderer: import a briefing and its response letter →
 * mark the letter from the library → the release panel reads the letter's grounds from its text and
 * lists cited-but-unused (9(2)(g)(i)), used-but-uncited (9(2)(b)(ii), one box) and the box with no
 * ground → its numbers match the redactions stored in IndexedDB → a reconciliation link opens the
 * viewer with that box selected, and the unused ground to where the letter cites it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { LETTER_CODES, RELEASE_BOXES } from './release.fixtures'
import { importRelease, storedDocuments, storedRedactions } from './release.helpers'
import { row } from './viewer.helpers'

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

describe('release panel', () => {
  it('stores the fixture’s four boxes with their printed grounds', async () => {
    const stored = await storedRedactions(app.page)
    expect(stored.map((r) => [r.pageIndex, r.grounds])).toEqual(
      RELEASE_BOXES.map(([pageIndex, , label]) => [pageIndex, label ? [label.slice(1)] : []])
    )
  })

  it('marks the letter from the library, one per release', async () => {
    const { page } = app
    await row(app, 'letter.pdf').getByTestId('toggle-letter').click()
    await row(app, 'letter.pdf').getByTestId('letter-badge').waitFor()
    await expect
      .poll(async () => (await storedDocuments(page)).filter((d) => d.isResponseLetter).map((d) => d.name))
      .toEqual(['letter.pdf'])
    await app.screenshot('release-library-letter')
  })

  it('reads the letter’s grounds and reconciles them with the pages', async () => {
    const { page } = app
    await page.getByTestId('open-release-panel').click()
    const panel = page.getByTestId('release-panel')
    await panel.waitFor()
    const cites = page.getByTestId('letter-grounds')
    await cites.waitFor({ timeout: 30_000 })
    expect(await cites.getAttribute('data-codes')).toBe(LETTER_CODES.join(' '))

    const citedNotUsed = page.getByTestId('cited-not-used').locator('li')
    expect(await citedNotUsed.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual([
      '9(2)(g)(i)'
    ])
    const uncited = page.getByTestId('used-not-cited').locator('li[data-code]')
    expect(await uncited.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual([
      '9(2)(b)(ii)'
    ])
    const stored = await storedRedactions(page)
    const commercial = stored.find((r) => r.grounds.includes('9(2)(b)(ii)'))!
    const noGround = stored.find((r) => r.grounds.length === 0)!
    expect(
      await uncited
        .locator('button[data-redaction-id]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-redaction-id')))
    ).toEqual([commercial.id])
    const withoutGround = page.getByTestId('without-ground').locator('button[data-redaction-id]')
    expect(
      await withoutGround.evaluateAll((els) => els.map((e) => e.getAttribute('data-redaction-id')))
    ).toEqual([noGround.id])
    expect(await withoutGround.textContent()).toBe('briefing.pdf, page 2')
  })

  it('shows totals and per-ground counts equal to the stored redactions', async () => {
    const { page } = app
    const stored = await storedRedactions(page)
    const fact = async (key: string): Promise<string> =>
      (await page.locator(`[data-testid="release-totals"] [data-fact="${key}"] dd`).textContent()) ?? ''
    expect(await fact('documents')).toBe('2')
    expect(await fact('pages')).toBe('3')
    expect(await fact('redactions')).toBe(String(stored.length))
    expect(await fact('withheld-in-full')).toBe('0')

    const expected = new Map<string, number>()
    for (const r of stored)
      for (const code of r.grounds.length ? r.grounds : ['__none__']) {
        expected.set(code, (expected.get(code) ?? 0) + 1)
      }
    const table = await page
      .locator('[data-testid="by-ground-table"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-ground'), r.querySelector('[data-cell="count"]')?.textContent])
      )
    expect(new Map(table.map(([code, count]) => [code, Number(count)]))).toEqual(expected)
    // The chart draws one bar per row of the table, with the same values.
    const bars = await page
      .locator('[data-testid="chart-count"] g[data-bar]')
      .evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-bar'), Number(g.getAttribute('data-value'))]))
    expect(new Map(bars as [string, number][])).toEqual(expected)
    expect(await page.locator('[data-testid="chart-count"] svg title').first().textContent()).toBe(
      'Redactions by ground'
    )
    const perDocument = await page
      .locator('[data-testid="per-document"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('[data-cell="redactions"]')?.textContent))
    expect(perDocument).toEqual([String(stored.length), '0'])
    await app.screenshot('release-panel')
    await page.getByTestId('per-document').scrollIntoViewIfNeeded()
    await app.screenshot('release-panel-lower')
  })

  it('a reconciliation link opens the viewer on that page with the box selected', async () => {
    const { page } = app
    const noGround = (await storedRedactions(page)).find((r) => r.grounds.length === 0)!
    await page.getByTestId('without-ground').locator(`button[data-redaction-id="${noGround.id}"]`).click()
    await page.locator('.document-viewer[data-state="ready"]').waitFor({ timeout: 60_000 })
    const box = page.locator(`.redaction-box[data-redaction-id="${noGround.id}"]`)
    await expect.poll(() => box.getAttribute('class'), { timeout: 20_000 }).toContain('selected')
    expect(await page.getByTestId('review-detail').textContent()).toContain('page 2')
    await app.screenshot('release-link-opened')
    // Closing the viewer goes back to the release panel it came from.
    await page
      .getByRole('button', { name: /library/i })
      .first()
      .click()
    await page.getByTestId('release-panel').waitFor()
  })

  it('a ground cited but never used links to where the letter cites it, marked', async () => {
    const { page } = app
    await page.getByTestId('cited-not-used').locator('button[data-citation="9(2)(g)(i)"]').click()
    await page.locator('.document-viewer[data-state="ready"]').waitFor({ timeout: 60_000 })
    const marked = (): Promise<string | null> =>
      page.evaluate(`(() => {
        const h = CSS.highlights.get('withheld-search')
        return h ? [...h].map((range) => range.toString()).join('|') : null
      })()`)
    await expect.poll(marked, { timeout: 20_000 }).toBe('(g)(i)')
    expect(await page.locator('.document-viewer').getAttribute('data-document-id')).toBe(
      (await storedDocuments(page)).find((d) => d.name === 'letter.pdf')!.id
    )
    await app.screenshot('release-letter-citation')
  })
})
