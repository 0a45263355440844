/**
 * Viewer e2e for the hard cases: a generated 1,000-page PDF scrolled end to end (live canvases and
 * JS heap stay bounded), an encrypted PDF (prompt → wrong → cancel → locked → retry → right), a
 * corrupt PDF, and a PDF that hangs pdf.js (watchdog fires, the UI thread keeps running, the next
 * document opens). Corpus files come from ../shared and their tests skip where it is absent.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { sharedPath } from './harness/paths'
import { corruptPdf, manyPagesPdf, wordsPdf } from './viewer.fixtures'
import {
  importFile,
  inkPixels,
  liveCanvasCount,
  openDocument,
  pageBoxValue,
  row,
  scrollToFraction,
  waitPainted
} from './viewer.helpers'

const ROBUSTNESS = sharedPath('corpus', 'robustness')
const ENCRYPTED = 'pdfjs__pr6531_1.pdf'
const HANG = 'pdf101__D1-copy-stack-exhaustion.pdf'
/** Visible pages (≤ 3 at fit width in 800 px) plus 2 either side, with one spare. */
const MAX_LIVE_CANVASES = 8
/** Generous: the viewer holds ~10–20 MB here; a leak of one canvas per page would pass 1 GB. */
const MAX_HEAP_AFTER_SCROLL_BYTES = 200 * 1024 * 1024

function corpusPassword(file: string): string | null {
  if (!ROBUSTNESS) return null
  const manifest = JSON.parse(readFileSync(`${ROBUSTNESS}/manifest.json`, 'utf8')) as {
    file: string
    password?: string
  }[]
  return manifest.find((entry) => entry.file === file)?.password ?? null
}

let app: App
let files: FixtureDir

beforeAll(async () => {
  files = fixtureDir()
  app = await launchApp()
})

afterAll(async () => {
  await app?.close()
  files?.remove()
})

const backToLibrary = (): Promise<void> => app.page.getByRole('button', { name: '‹ Library' }).click()

describe('viewer on hard documents', () => {
  it('scrolls a 1,000-page PDF end to end with few canvases and a flat heap', async () => {
    const path = files.write('thousand.pdf', await manyPagesPdf(1_000))
    await importFile(app, path, 'thousand.pdf')
    await openDocument(app, 'thousand.pdf')
    const { page } = app
    await waitPainted(page, 0)
    const heap = (): Promise<number> =>
      page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : 0')
    const heapAtStart = await heap()
    const steps = 50
    let maxLive = 0
    const heapTrail: number[] = []
    for (let step = 1; step <= steps; step++) {
      await scrollToFraction(page, step / steps)
      maxLive = Math.max(maxLive, await liveCanvasCount(page))
      if (step % 10 === 0) heapTrail.push(await heap())
    }
    await expect.poll(() => pageBoxValue(page)).toBe('1000')
    await waitPainted(page, 999)
    expect(await inkPixels(page, 999)).toBeGreaterThan(1_000)
    maxLive = Math.max(maxLive, await liveCanvasCount(page))
    const heapAtEnd = await heap()
    console.log(
      `1,000 pages: max live canvases ${maxLive}; JS heap MB start ${(heapAtStart / 1e6).toFixed(1)}, ` +
        `trail ${heapTrail.map((h) => (h / 1e6).toFixed(1)).join(' → ')}, end ${(heapAtEnd / 1e6).toFixed(1)}`
    )
    expect(maxLive).toBeGreaterThan(0)
    expect(maxLive).toBeLessThanOrEqual(MAX_LIVE_CANVASES)
    expect(heapAtEnd).toBeLessThan(MAX_HEAP_AFTER_SCROLL_BYTES)
    expect(await page.locator('.viewer-thumb.current').textContent()).toBe('1000')
    await app.screenshot('viewer-1000-pages-end')
    await backToLibrary()
  })

  it('shows a clear error for a corrupt PDF, never a blank window', async () => {
    const path = files.write('corrupt.pdf', corruptPdf())
    await importFile(app, path, 'corrupt.pdf')
    await openDocument(app, 'corrupt.pdf', 'invalid')
    const message = app.page.locator('.viewer-message')
    expect(await message.getByRole('heading').textContent()).toBe(
      'This file is not a readable PDF: its structure is broken.'
    )
    expect(await message.textContent()).toContain('Invalid PDF structure')
    await app.screenshot('viewer-corrupt')
    await message.getByRole('button', { name: 'Back to library' }).click()
    await row(app, 'corrupt.pdf').waitFor()
  })

  it.skipIf(!ROBUSTNESS)(
    'asks for a password, says when it is wrong, stays locked on cancel, opens when right',
    async () => {
      const { page } = app
      const password = corpusPassword(ENCRYPTED)
      expect(password).toBeTruthy()
      await importFile(app, `${ROBUSTNESS}/${ENCRYPTED}`, ENCRYPTED)
      await openDocument(app, ENCRYPTED, 'password')
      const dialog = page.getByRole('dialog', { name: 'Password required' })
      await dialog.getByLabel('Password').fill('qwerty')
      await dialog.getByRole('button', { name: 'Open' }).click()
      await dialog.getByText('Wrong password, try again.').waitFor()
      await app.screenshot('viewer-password-wrong')
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      await page.locator('.document-viewer[data-state="locked"]').waitFor()
      await app.screenshot('viewer-locked')
      await page.getByRole('button', { name: 'Enter password…' }).click()
      await dialog.getByLabel('Password').fill(password!)
      await dialog.getByRole('button', { name: 'Open' }).click()
      await page.locator('.document-viewer[data-state="ready"]').waitFor()
      await waitPainted(page, 0)
      expect(await inkPixels(page, 0)).toBeGreaterThan(1_000)
      await app.screenshot('viewer-password-opened')
      await backToLibrary()
    }
  )

  it.skipIf(!ROBUSTNESS)(
    'stops a PDF that hangs pdf.js, keeps the UI running, and opens the next one',
    async () => {
      const { page } = app
      await importFile(app, `${ROBUSTNESS}/${HANG}`, HANG)
      await page.evaluate(`(() => {
      window.__heartbeats = 0
      window.__heartbeat = setInterval(() => { window.__heartbeats++ }, 100)
    })()`)
      await row(app, HANG).getByRole('button', { name: HANG, exact: true }).click()
      await page.locator('.document-viewer[data-state="hang"]').waitFor({ timeout: 90_000 })
      const beats = Number(await page.evaluate('window.__heartbeats'))
      await page.evaluate('clearInterval(window.__heartbeat)')
      // The watchdog needs ≥ 10 s (getPage/render deadlines); a frozen UI thread would tick ~0 times.
      console.log(`hang: main-thread heartbeats while pdf.js was stuck: ${beats}`)
      expect(beats).toBeGreaterThan(50)
      expect(await page.locator('.viewer-message h2').textContent()).toBe(
        'This PDF made the PDF engine hang; it was stopped.'
      )
      await app.screenshot('viewer-hang')
      await backToLibrary()

      const path = files.write('after-hang.pdf', await wordsPdf(1))
      await importFile(app, path, 'after-hang.pdf')
      await openDocument(app, 'after-hang.pdf')
      await waitPainted(page, 0)
      expect(await inkPixels(page, 0)).toBeGreaterThan(1_000)
    }
  )
})
