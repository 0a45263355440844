/**
 * Command palette e2e: Ctrl+K lists the shell's commands with their keys (the same list the keyboard
 * runs), a typed filter and Enter run one; in the viewer Ctrl+Shift+P adds the review's commands,
 * greys out those that cannot run (Accept with nothing selected), and runs them against the open
 * document: "next redaction" selects the first box, then "accept" is stored in IndexedDB; "mark this
 * document as the response letter" marks the open one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { importRelease, storedDocuments, storedRedactions } from './release.helpers'

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

const item = (name: string) => app.page.locator(`[data-testid="palette-item"][data-name="${name}"]`)

describe('command palette', () => {
  it('Ctrl+K lists the shell commands with their shortcuts', async () => {
    const { page } = app
    await page.keyboard.press('Control+k')
    await page.getByTestId('palette').waitFor()
    expect(await item('shell.search').locator('kbd').allTextContents()).toEqual(['Ctrl+F', '/'])
    expect(await item('shell.import').locator('kbd').allTextContents()).toEqual(['Ctrl+O'])
    expect(await item('shell.redo').locator('kbd').allTextContents()).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y'])
    // In the library there is no document open, so no review command.
    expect(await page.locator('[data-testid="palette-item"][data-name^="review."]').count()).toBe(0)
    expect(await item('shell.library').getAttribute('aria-disabled')).toBe('true')
    await app.screenshot('palette-library')
  })

  it('filters as you type and Enter runs the command', async () => {
    const { page } = app
    await page.getByTestId('palette-input').fill('overview')
    const first = page.getByTestId('palette-item').first()
    expect(await first.getAttribute('data-name')).toBe('shell.release-overview')
    await page.keyboard.press('Enter')
    await page.getByTestId('palette').waitFor({ state: 'detached' })
    await page.getByTestId('release-panel').waitFor()
  })

  it('in the viewer runs review commands, respecting enabled', async () => {
    const { page } = app
    await page.locator('[data-testid="per-document"] button', { hasText: 'briefing.pdf' }).click()
    await page.locator('.document-viewer[data-state="ready"]').waitFor({ timeout: 60_000 })
    await page.locator('.redaction-box').first().waitFor({ timeout: 30_000 })
    await page.keyboard.press('Control+Shift+P')
    await page.getByTestId('palette').waitFor()
    expect(await item('review.accept').getAttribute('aria-disabled')).toBe('true')
    expect(await item('review.next').locator('kbd').allTextContents()).toEqual(['J'])
    await page.getByTestId('palette-input').fill('next red')
    expect(await page.getByTestId('palette-item').first().getAttribute('data-name')).toBe('review.next')
    await app.screenshot('palette-viewer')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.redaction-box.selected').count()).toBe(1)
    expect(await page.getByTestId('review-detail').textContent()).toContain('Redaction 1 of 4')

    // A disabled command does nothing on Enter; an enabled one runs on click.
    await page.keyboard.press('Control+k')
    await page.getByTestId('palette-input').fill('accept the')
    expect(await item('review.accept').getAttribute('aria-disabled')).toBe('false')
    await item('review.accept').click()
    await expect.poll(async () => (await storedRedactions(page))[0]!.status).toBe('accepted')
  })

  it('marks the open document as the response letter from the viewer', async () => {
    const { page } = app
    await page.keyboard.press('Control+k')
    await page.getByTestId('palette-input').fill('response letter')
    await item('shell.mark-letter').click()
    await expect
      .poll(async () => (await storedDocuments(page)).filter((d) => d.isResponseLetter).map((d) => d.name))
      .toEqual(['briefing.pdf'])
  })
})
