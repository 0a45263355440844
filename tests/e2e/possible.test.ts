/**
 * Issue 11: a candidate the detector is unsure of is shown dimmed and dashed, marked "Possible" in the
 * list, until the reviewer confirms it (a) or dismisses it (Del).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { possibleBoxPdf } from './possible.fixtures'
import { openDocument } from './viewer.helpers'

let app: App
let files: FixtureDir

beforeAll(async () => {
  files = fixtureDir()
  app = await launchApp()
  const path = files.write('scanned.pdf', await possibleBoxPdf())
  await app.importViaDialog([path])
  await openDocument(app, 'scanned.pdf')
})

afterAll(async () => {
  await app?.analysesSettled()
  await app?.close()
  files?.remove()
})

describe('possible redactions', () => {
  it('draws an unsure candidate dimmed and marks it Possible; a confirms it', async () => {
    const { page } = app
    const box = page.locator('.redaction-box.possible').first()
    await box.waitFor({ timeout: 90_000 })
    await expect.poll(() => page.locator('.review-badge-possible').count()).toBeGreaterThan(0)
    expect(await box.getAttribute('title')).toContain('possible: a to confirm, Del to dismiss')
    await app.screenshot('possible-box')
    await page.keyboard.press('j')
    await expect.poll(() => box.getAttribute('class')).toContain('selected')
    await page.keyboard.press('a')
    await expect.poll(() => page.locator('.redaction-box.possible').count()).toBe(0)
    await expect.poll(() => page.locator('.review-badge-possible').count()).toBe(0)
  })
})
