/**
 * No network during a whole review (security.md V1, V3, P4; issue 7): every request the page and its
 * workers make is recorded while a reviewer imports PDFs (a briefing with boxes, x-ray court filings,
 * one with 36 web links, and PDFs whose actions phone home: URI, JavaScript, SubmitForm, Launch,
 * file:// links, XSS payloads), lets them be analysed, opens the viewer, clicks across linked pages,
 * scrolls to the end, selects and tags a redaction, and searches. None of those requests may leave the
 * app's origin. The harness aborts and fails on any that would (Playwright's route sees page,
 * dedicated-worker and image requests); this test also keeps its own list of every request, so it can
 * show the recorder saw the pdf.js worker's traffic, i.e. that "nothing recorded" means something.
 * Corpus files come from ../shared and are left out where it is absent.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { sharedPath } from './harness/paths'
import { reviewPdf } from './review.fixtures'
import { openDocument, waitPainted } from './viewer.helpers'

const XRAY = sharedPath('corpus', 'xray')
const ROBUSTNESS = sharedPath('corpus', 'robustness')
/** rectangles_yes: boxes over live text; no_bad_redactions.6.2: 36 /URI links to social sites. */
const XRAY_FILES = ['rectangles_yes.pdf', 'no_bad_redactions.6.2.pdf', 'rect_ordering_4.1.pdf']
/** Phone-home PDFs: URI, JavaScript, SubmitForm, Launch and GoToR actions, file:// links, XSS strings. */
const ACTIVE_FILES = [
  'pdf101__uri-doc.pdf',
  'pdf101__js-doc.pdf',
  'pdf101__01-via-submit-form.pdf',
  'pdf101__launch-windows.pdf',
  'pdf101__gotor-doc.pdf',
  'pdfjs__file_url_link.pdf',
  'patp__payload1.pdf'
]
const LINKED = XRAY ? 'no_bad_redactions.6.2.pdf' : null

let app: App
let files: FixtureDir
const requests: { url: string; type: string }[] = []
const workerUrls: string[] = []

beforeAll(async () => {
  files = fixtureDir()
  app = await launchApp()
  app.context.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }))
  app.page.on('worker', (worker) => workerUrls.push(worker.url()))
})

afterAll(async () => {
  await app?.analysesSettled()
  // The CSP test provokes a string eval on purpose; Chromium may also report that refusal as an
  // uncaught EvalError some time later. Only that error is forgiven: any other page error fails.
  if (app) {
    const provoked = (m: string): boolean => /EvalError/.test(m) && /unsafe-eval/.test(m)
    const others = app.problems.pageErrors.filter((m) => !provoked(m))
    app.problems.pageErrors.splice(0, app.problems.pageErrors.length, ...others)
  }
  await app?.close()
  files?.remove()
})

async function backToLibrary(): Promise<void> {
  await app.page.getByTitle('Back to the library').click()
  await app.page.locator('.document-viewer').waitFor({ state: 'detached' })
}

describe('a whole review makes no request outside the app', () => {
  it('records from the first byte: the app reloaded is seen request by request', async () => {
    await app.page.reload()
    await app.page.getByTestId('import-button').waitFor()
    const seen = requests.map(({ type, url }) => `${type} ${url.slice(app.origin.length)}`)
    expect(seen).toContain('document /index.html')
    expect(seen.some((line) => /^script \/assets\/index-[^/]+\.js$/.test(line))).toBe(true)
  })

  it('imports and analyses a briefing, x-ray filings and phone-home PDFs', async () => {
    const paths = [
      files.write('briefing.pdf', await reviewPdf()),
      ...(XRAY ? XRAY_FILES.map((file) => join(XRAY, file)) : []),
      ...(ROBUSTNESS ? ACTIVE_FILES.map((file) => join(ROBUSTNESS, file)) : [])
    ]
    const ids = await app.importViaDialog(paths, ['done', 'failed', 'password'])
    expect(ids).toHaveLength(paths.length)
  })

  it.skipIf(!LINKED)('opens a page full of links and clicks across it without leaving', async () => {
    const { page } = app
    await openDocument(app, LINKED!)
    await waitPainted(page, 0)
    const box = await page.locator('.viewer-page[data-page-index="0"]').boundingBox()
    expect(box).not.toBeNull()
    // A 6 × 8 grid of clicks over the page lands on its link rectangles among other things.
    for (let col = 1; col <= 6; col++) {
      for (let line = 1; line <= 8; line++) {
        await page.mouse.click(box!.x + (box!.width * col) / 7, box!.y + (box!.height * line) / 9)
      }
    }
    expect(page.url()).toBe(`${app.origin}/index.html`)
    expect(app.context.pages()).toHaveLength(1)
    await backToLibrary()
  })

  it.skipIf(!ROBUSTNESS)('opens each phone-home PDF and clicks its first page', async () => {
    const { page } = app
    for (const file of ACTIVE_FILES) {
      await openDocument(app, file)
      await waitPainted(page, 0)
      const box = (await page.locator('.viewer-page[data-page-index="0"]').boundingBox())!
      for (const [fx, fy] of [
        [0.2, 0.1],
        [0.5, 0.2],
        [0.3, 0.5],
        [0.7, 0.8]
      ] as const) {
        await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy)
      }
      expect(page.url()).toBe(`${app.origin}/index.html`)
      await backToLibrary()
    }
    expect(app.context.pages()).toHaveLength(1)
  })

  it('reviews the briefing: scroll to the end, select a box, accept it, set a ground', async () => {
    const { page } = app
    await openDocument(app, 'briefing.pdf')
    await expect
      .poll(() => page.getByTestId('review-list').getAttribute('data-count'), { timeout: 60_000 })
      .toBe('3')
    await page.evaluate(`(() => {
      const el = document.querySelector('.viewer-scroll')
      el.scrollTop = el.scrollHeight
    })()`)
    await waitPainted(page, 1)
    await page.keyboard.press('j')
    await page.keyboard.press('a')
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe('1 of 3 reviewed')
    await page.keyboard.press('j')
    await page.keyboard.press('g')
    const picker = page.getByTestId('grounds-picker')
    await picker.waitFor()
    await page.getByTestId('grounds-search').fill('free frank')
    await page.getByTestId('grounds-search').press('Enter')
    await page.getByTestId('grounds-apply').click()
    await picker.waitFor({ state: 'detached' })
    expect(await page.getByTestId('review-grounds').textContent()).toContain('Free and frank')
    await app.screenshot('no-network-review')
    await backToLibrary()
  })

  it('searches the page text and opens the hit', async () => {
    const { page } = app
    await page.keyboard.press('Control+f')
    await page.getByTestId('search-dialog').waitFor()
    await page.getByTestId('search-input').fill('Minister')
    const results = page.getByTestId('search-result')
    await expect.poll(() => results.count(), { timeout: 30_000 }).toBeGreaterThan(0)
    await page.keyboard.press('Enter')
    await page.locator('.document-viewer[data-state="ready"]').waitFor({ timeout: 60_000 })
  })

  it('lets CSP refuse an inline script, string eval, a remote fetch and a worker from a blob (E6, V3)', async () => {
    const { page } = app
    const before = app.problems.csp.length
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: {
          createElement(tag: string): { textContent: string }
          body: { append(node: unknown): void }
        }
        Blob: new (parts: string[]) => unknown
        URL: { createObjectURL(blob: unknown): string }
        Worker: new (url: string) => unknown
        fetch(url: string): Promise<unknown>
      }
      const script = g.document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      g.document.body.append(script)
      try {
        new g.Worker(g.URL.createObjectURL(new g.Blob(['postMessage(1)'])))
      } catch {
        // Refused outright (SecurityError) or reported as a violation: either way no worker runs.
      }
      return g.fetch('https://canary.invalid/beacon').then(
        () => 'sent',
        () => 'refused'
      )
    })
    // A false string predicate is polled through eval by page-side code, not by the debugger (which
    // CSP exempts): with no 'unsafe-eval' the page refuses it. The refusal comes at the first poll;
    // the timeout only bounds a page that would (wrongly) keep polling, so it is generous for a busy machine.
    await expect(
      page.waitForFunction('globalThis.__neverSet === 1', undefined, { timeout: 30_000 })
    ).rejects.toThrow(/unsafe-eval/)
    expect(await page.evaluate(() => (globalThis as { __inlineRan?: boolean }).__inlineRan ?? false)).toBe(
      false
    )
    await expect.poll(() => app.problems.csp.length - before).toBeGreaterThanOrEqual(4)
    const violations = app.problems.csp.splice(before).join('\n')
    expect(violations).toMatch(/script-src(-elem)? blocked \(?inline/)
    expect(violations).toMatch(/eval/)
    expect(violations).toMatch(/connect-src.*canary\.invalid/)
    expect(violations).toMatch(/worker-src blocked blob/)
    // Refused by CSP before any request was made: nothing reached the network recorder.
    expect(requests.filter(({ url }) => url.includes('canary.invalid'))).toEqual([])
  })

  it('saw the app and pdf.js worker traffic, and not one request off the app origin', () => {
    const off = requests.filter(({ url }) => !url.startsWith(`${app.origin}/`))
    console.log(
      `no-network: ${requests.length} requests recorded (${new Set(requests.map((r) => r.type)).size} kinds), ` +
        `${workerUrls.length} workers, ${off.length} off-origin`
    )
    // The recorder works: it saw each pdf.js worker's script being fetched (one per opened document).
    const workerScripts = requests.filter(({ url }) => /\/assets\/pdfWorker-[^/]+\.js$/.test(url))
    expect(workerScripts.length).toBeGreaterThanOrEqual(3)
    expect(workerUrls.length).toBeGreaterThan(0)
    expect(workerUrls.filter((url) => !url.startsWith(`${app.origin}/`))).toEqual([])
    expect(off).toEqual([])
    expect(app.problems.offOrigin).toEqual([])
    expect(app.problems.csp).toEqual([])
  })
})
