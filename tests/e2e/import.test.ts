/**
 * Import e2e: files dropped on the window, the menu command, an analysis interrupted by closing the
 * app and resumed on the next start, and opening an imported document in the viewer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { briefingPdf, fixtureDir, leakyPdf, type FixtureDir } from './harness/libraryFixtures'

let app: App
let files: FixtureDir
let first: string
let second: string
let third: string
let long: string

/** Pages in the long release: enough that closing the app lands mid-analysis. */
const LONG_PAGES = 400

beforeAll(async () => {
  files = fixtureDir()
  first = files.write('cabinet-paper.pdf', await briefingPdf('Cabinet paper', 2))
  second = files.write('aide-memoire.pdf', await briefingPdf('Aide-memoire', 4))
  third = files.write('minutes.pdf', await briefingPdf('Minutes', 1))
  long = files.write('long-release.pdf', await briefingPdf('Long release', LONG_PAGES))
  app = await launchApp()
})

afterAll(async () => {
  await app?.close()
  files?.remove()
})

const row = (name: string) => app.page.getByTestId('document-row').filter({ hasText: name })
const stateOf = (name: string) => row(name).getAttribute('data-state')

describe('import', () => {
  it('highlights the window while files are dragged over it and imports what is dropped', async () => {
    await app.page.getByRole('heading', { name: 'No releases yet' }).waitFor()
    app.registerDropFiles([first, second])
    await app.dropFiles(['cabinet-paper.pdf', 'aide-memoire.pdf'], { drop: false })
    await app.page.getByTestId('drop-overlay').waitFor()
    await app.screenshot('import-drag-over')
    await app.dropFiles(['cabinet-paper.pdf', 'aide-memoire.pdf', 'not-registered.pdf'])
    await expect.poll(() => app.page.getByTestId('drop-overlay').count()).toBe(0)
    await expect.poll(() => stateOf('cabinet-paper.pdf'), { timeout: 60_000 }).toBe('done')
    await expect.poll(() => stateOf('aide-memoire.pdf'), { timeout: 60_000 }).toBe('done')
    expect(await row('aide-memoire.pdf').getByTestId('document-pages').textContent()).toBe('4')
    const error = app.page.getByTestId('toast-error')
    expect(await error.textContent()).toContain('“not-registered.pdf” is not a file on this computer.')
    await error.getByRole('button', { name: 'Dismiss' }).click()
  })

  it('imports from the File menu command', async () => {
    app.queueDialog([third])
    await app.menu('import-pdfs')
    await expect.poll(() => stateOf('minutes.pdf'), { timeout: 60_000 }).toBe('done')
  })

  it('warns on a document whose redacted text can still be copied out', async () => {
    const leaky = files.write('leaky-memo.pdf', await leakyPdf())
    await app.importViaDialog([leaky])
    const state = row('leaky-memo.pdf').getByTestId('document-state')
    expect(await state.textContent()).toMatch(/^1 redaction1 leak warning/)
    // The leak audit's verdict follows (issue 13): text under a box is one of its leaks.
    await expect
      .poll(() => row('leaky-memo.pdf').getByTestId('audit-verdict').textContent())
      .toMatch(/^Leaks found \(1\)/)
    await app.screenshot('import-leak-warning')
  })

  it('does nothing when the dialog is cancelled', async () => {
    const before = await app.page.getByTestId('document-row').count()
    await app.page.getByTestId('import-button').click()
    await expect.poll(() => app.page.getByTestId('import-button').isEnabled()).toBe(true)
    expect(await app.page.getByTestId('document-row').count()).toBe(before)
    expect(await app.page.getByTestId('toast-error').count()).toBe(0)
  })

  it('opens a document in the viewer and comes back to the library', async () => {
    await row('aide-memoire.pdf').getByRole('button', { name: 'aide-memoire.pdf', exact: true }).click()
    await app.page.locator('.document-viewer[data-state="ready"]').waitFor({ timeout: 30_000 })
    await app.page.locator('.document-viewer canvas').first().waitFor()
    await app.screenshot('import-viewer-open')
    await app.page.getByRole('button', { name: /Library/ }).click()
    await row('aide-memoire.pdf').waitFor()
  })

  it('resumes an analysis interrupted by closing the app, without doubling its results', async () => {
    app.queueDialog([long])
    await app.page.getByTestId('import-button').click()
    // Close while the analysis is part-way through.
    await expect
      .poll(
        async () =>
          Number(/Analysing (\d+) of/.exec((await row('long-release.pdf').textContent()) ?? '')?.[1] ?? 0),
        { timeout: 60_000, interval: 50 }
      )
      .toBeGreaterThan(0)
    await app.screenshot('import-progress')
    const stoppedAt = await row('long-release.pdf').getByTestId('document-state').textContent()
    expect(stoppedAt).toMatch(new RegExp(`Analysing \\d+ of ${LONG_PAGES}`))
    const profile = app.userDataDir
    await app.close({ keepProfile: true })

    app = await launchApp({ userDataDir: profile })
    await row('long-release.pdf').waitFor()
    await expect.poll(() => stateOf('long-release.pdf'), { timeout: 120_000 }).toBe('done')
    expect(await row('long-release.pdf').getByTestId('document-pages').textContent()).toBe(
      LONG_PAGES.toString()
    )
    // Every page has exactly the boxes the first run would have found; a re-run replaces, never adds.
    // The count is its own live query, so it can trail the 'done' state by a commit: poll it.
    const perPage = Number(
      /^(\d+)/.exec((await row('minutes.pdf').getByTestId('document-state').textContent()) ?? '')?.[1]
    )
    const expected = `${(perPage * LONG_PAGES).toLocaleString('en-US')} redactions`
    await expect
      .poll(() => row('long-release.pdf').getByTestId('document-state').textContent())
      .toContain(expected)
  })
})
