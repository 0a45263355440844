/**
 * Crash safety in Chromium with a persistent profile (security.md D5, R1, R2, E13).
 *
 * Kill: a reviewer accepts a redaction; as soon as the page shows it (the overlay box takes the new
 * status from IndexedDB, i.e. after the transaction committed) the browser process is SIGKILLed: no
 * clean shutdown, no unload handlers. Relaunched on the same profile, every acknowledged decision is
 * there, each with exactly one history entry (one transaction per action: nothing half-written).
 * Repeated for three rounds, each on the profile the previous kill left behind.
 *
 * Renderer crash: main's crash recovery reloads the page (crashRecovery.ts); the harness stands in with
 * a reload. The view comes back as it was: the same document, page, zoom and selected redaction; so
 * does closing the app and starting it again, unless that document is gone.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { reviewPdf } from './review.fixtures'
import { openDocument, pageBoxValue, zoomValue } from './viewer.helpers'

const ROUNDS = 3

interface Stored {
  redactions: { id: string; pageIndex: number; top: number; status: string }[]
  history: string[]
}

/** Redactions in reading order and history labels, read from IndexedDB directly (not via the app). */
function stored(page: Page): Promise<Stored> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('withheld')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction(['redactions', 'history'])
      const out = {}
      tx.objectStore('redactions').getAll().onsuccess = (e) => {
        out.redactions = e.target.result
          .map((r) => ({ id: r.id, pageIndex: r.pageIndex, top: r.pageRect[1], status: r.status }))
          .sort((a, b) => a.pageIndex - b.pageIndex || a.top - b.top)
      }
      tx.objectStore('history').getAll().onsuccess = (e) => { out.history = e.target.result.map((h) => h.label) }
      tx.oncomplete = () => { open.result.close(); resolve(out) }
      tx.onerror = () => reject(tx.error)
    }
  })`)
}

let files: FixtureDir
let app: App | null = null
let profile: string

beforeAll(async () => {
  files = fixtureDir()
  app = await launchApp()
  profile = app.userDataDir
  await app.importViaDialog([files.write('briefing.pdf', await reviewPdf())])
  await app.analysesSettled()
})

afterAll(async () => {
  await app?.close().catch(() => undefined)
  files?.remove()
})

async function reviewOpen(current: App): Promise<void> {
  await openDocument(current, 'briefing.pdf')
  await expect
    .poll(() => current.page.getByTestId('review-list').getAttribute('data-count'), { timeout: 60_000 })
    .toBe('3')
}

describe('killing the browser mid-review', () => {
  it(`loses no acknowledged decision over ${ROUNDS} SIGKILLs`, async () => {
    const acknowledged: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const current = app!
      await reviewOpen(current)
      const { redactions, history } = await stored(current.page)
      expect(redactions.map((r) => r.status)).toEqual(
        redactions.map((r) => (acknowledged.includes(r.id) ? 'accepted' : 'unreviewed'))
      )
      expect(history).toHaveLength(acknowledged.length)

      const target = redactions[round]!
      const box = current.page.locator(`.redaction-box[data-redaction-id="${target.id}"]`)
      await box.click()
      await current.page.keyboard.press('a')
      // The overlay reads IndexedDB: this class appears only once the transaction has committed.
      await box.and(current.page.locator('.status-accepted')).waitFor()
      acknowledged.push(target.id)
      await current.kill()
      app = null
      app = await launchApp({ userDataDir: profile })
    }
    await reviewOpen(app!)
    const after = await stored(app!.page)
    expect(
      after.redactions
        .filter((r) => r.status === 'accepted')
        .map((r) => r.id)
        .sort()
    ).toEqual([...acknowledged].sort())
    expect(after.history).toHaveLength(ROUNDS)
    await app!.screenshot('kill-after-rounds')
  })
})

describe('a renderer crash (reload)', () => {
  it('comes back to the same document, page, zoom and selection', async () => {
    const current = app!
    const { page } = current
    await reviewOpen(current)
    await page.getByLabel('Zoom level').selectOption('fit-width')
    await page.getByLabel('Page number').fill('2')
    await page.getByLabel('Page number').press('Enter')
    await expect.poll(() => pageBoxValue(page)).toBe('2')
    const { redactions } = await stored(page)
    const onPage2 = redactions.find((r) => r.pageIndex === 1)!
    await page.locator(`.redaction-box[data-redaction-id="${onPage2.id}"]`).click()
    await expect
      .poll(() => page.locator('.redaction-box.selected').getAttribute('data-redaction-id'))
      .toBe(onPage2.id)
    const documentId = await page.locator('.document-viewer').getAttribute('data-document-id')
    // The view is saved once the reader settles (debounced): wait for it in IndexedDB, then "crash".
    await expect
      .poll(() =>
        page.evaluate(`new Promise((resolve) => {
          const open = indexedDB.open('withheld')
          open.onsuccess = () => {
            const get = open.result.transaction('viewState').objectStore('viewState').get(${JSON.stringify(documentId)})
            get.onsuccess = () => { open.result.close(); resolve(get.result ? get.result.pageIndex + ':' + get.result.zoom : null) }
          }
        })`)
      )
      .toBe('1:fit-width')

    await page.reload()
    const viewer = page.locator('.document-viewer[data-state="ready"]')
    await viewer.waitFor({ timeout: 60_000 })
    expect(await viewer.getAttribute('data-document-id')).toBe(documentId)
    await expect.poll(() => pageBoxValue(page)).toBe('2')
    expect(await zoomValue(page)).toBe('fit-width')
    await expect
      .poll(() => page.locator('.redaction-box.selected').getAttribute('data-redaction-id'))
      .toBe(onPage2.id)
    await current.screenshot('kill-renderer-reloaded')

    // Closing the app and starting it again (a new session, so nothing in sessionStorage) comes back
    // to the same place too, without a click.
    await current.close({ keepProfile: true })
    app = null
    app = await launchApp({ userDataDir: profile })
    const restarted = app.page.locator('.document-viewer[data-state="ready"]')
    await restarted.waitFor({ timeout: 60_000 })
    expect(await restarted.getAttribute('data-document-id')).toBe(documentId)
    await expect.poll(() => pageBoxValue(app!.page)).toBe('2')
    expect(await zoomValue(app.page)).toBe('fit-width')
    await expect
      .poll(() => app!.page.locator('.redaction-box.selected').getAttribute('data-redaction-id'))
      .toBe(onPage2.id)
    await app.screenshot('kill-app-restarted')
  })

  it('starts in the library when the document it was on has been deleted since', async () => {
    const current = app!
    const documentId = await current.page.locator('.document-viewer').getAttribute('data-document-id')
    // Deleted behind the app's back (as a restore or another copy of the database would leave it).
    await current.page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('withheld')
      open.onsuccess = () => {
        const tx = open.result.transaction('documents', 'readwrite')
        tx.objectStore('documents').delete(${JSON.stringify(documentId)})
        tx.oncomplete = () => { open.result.close(); resolve(null) }
        tx.onerror = () => reject(tx.error)
      }
    })`)
    await current.close({ keepProfile: true })
    app = null
    app = await launchApp({ userDataDir: profile })
    await app.page.getByTestId('import-button').waitFor({ timeout: 60_000 })
    await expect.poll(() => app!.page.locator('.document-viewer').count()).toBe(0)
  })
})
