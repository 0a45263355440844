/**
 * Library e2e: import through the dialog → the row appears with name, pages, size and state → the
 * real analysis worker finishes → a reload keeps everything. Also duplicates, refusals, a locked PDF,
 * delete + undo, and moving documents between releases.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import {
  briefingPdf,
  brokenBodyPdf,
  fixtureDir,
  oversizedPdf,
  type FixtureDir
} from './harness/libraryFixtures'
import { sharedPath } from './harness/paths'

let app: App
let files: FixtureDir
let briefing: string
let letter: string

/** 64 KiB: the fixtures stay far below it, the over-size file sits above it. */
const TEST_CAP_BYTES = 64 * 1024

beforeAll(async () => {
  files = fixtureDir()
  briefing = files.write('briefing.pdf', await briefingPdf('Briefing to the Minister', 3))
  letter = files.write('response-letter.pdf', await briefingPdf('Response letter', 1))
  app = await launchApp({ maxPdfBytes: TEST_CAP_BYTES })
})

afterAll(async () => {
  await app?.close()
  files?.remove()
})

const row = (name: string) => app.page.getByTestId('document-row').filter({ hasText: name })

describe('library', () => {
  it('shows an empty library with a way to import', async () => {
    await expect.poll(() => app.page.getByRole('heading', { name: 'No releases yet' }).isVisible()).toBe(true)
    await app.screenshot('library-empty')
  })

  it('works from the keyboard: Tab reaches the buttons, Enter and Escape drive the dialogs', async () => {
    const focused = () =>
      app.page.evaluate(() => {
        const el = (
          globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } }
        ).document.activeElement
        return el?.textContent?.trim() ?? ''
      })
    await app.page.keyboard.press('Tab')
    expect(await focused()).toBe('Import PDFs…')
    await app.page.keyboard.press('Tab')
    expect(await focused()).toBe('New release')
    await app.screenshot('library-keyboard-focus')
    await app.page.keyboard.press('Enter')
    const form = app.page.getByTestId('release-form')
    await form.waitFor()
    await app.page.keyboard.press('Escape')
    await expect.poll(() => form.isVisible()).toBe(false)
    await app.page.keyboard.press('Enter')
    await form.waitFor()
    await app.page.keyboard.type('Keyboard release')
    await app.page.keyboard.press('Enter')
    await expect.poll(() => app.page.getByTestId('release-name').textContent()).toBe('Keyboard release')
    // Undo from the keyboard removes it again (focus is not in a text field any more).
    await app.page.keyboard.press('Control+z')
    await app.page.getByRole('heading', { name: 'No releases yet' }).waitFor()
  })

  it('imports through the dialog, analyses, and keeps the result across a reload', async () => {
    app.queueDialog([briefing])
    await app.page.getByTestId('import-button').click()
    const r = row('briefing.pdf')
    await r.waitFor()
    await expect.poll(() => r.getAttribute('data-state'), { timeout: 60_000 }).toBe('done')
    expect(await r.getByTestId('document-pages').textContent()).toBe('3')
    expect(await r.getByTestId('document-size').textContent()).toMatch(/^\d+(\.\d+)? KB$/)
    // The count depends on the detection engine; the state must say it in words either way.
    expect(await r.getByTestId('document-state').textContent()).toMatch(
      /^(\d+ redactions?|No redactions found)/
    )
    expect(await app.page.getByTestId('release-name').textContent()).toBe('Unsorted')
    await app.screenshot('library-imported')

    await app.page.reload()
    await row('briefing.pdf').waitFor()
    expect(await row('briefing.pdf').getAttribute('data-state')).toBe('done')
    expect(await row('briefing.pdf').getByTestId('document-pages').textContent()).toBe('3')
  })

  it('recognises a duplicate by its bytes and points at the existing document', async () => {
    const renamed = join(files.dir, 'copy-of-briefing.pdf')
    copyFileSync(briefing, renamed)
    app.queueDialog([renamed])
    await app.page.getByTestId('import-button').click()
    const toast = app.page.getByTestId('toast-info').filter({ hasText: 'already imported as “briefing.pdf”' })
    await toast.waitFor()
    expect(await app.page.getByTestId('document-row').count()).toBe(1)
    expect(await row('briefing.pdf').getAttribute('class')).toContain('is-highlighted')
  })

  it('refuses a non-PDF, an empty file and one over the size cap, each with its own message', async () => {
    const notPdf = files.write('notes.pdf', 'These are meeting notes, not a PDF.\n')
    const empty = files.write('empty.pdf', '')
    const big = files.write('huge.pdf', oversizedPdf(TEST_CAP_BYTES + 1))
    app.queueDialog([notPdf, empty, big])
    await app.page.getByTestId('import-button').click()
    const errors = app.page.getByTestId('toast-error')
    await expect.poll(() => errors.count()).toBe(3)
    const text = (await errors.allTextContents()).join('\n')
    expect(text).toMatch(/notes\.pdf.*not a PDF/i)
    expect(text).toMatch(/empty\.pdf.*empty/i)
    expect(text).toMatch(/huge\.pdf.*(large|size|limit|over)/i)
    await app.screenshot('library-refused')
    // Errors stay until dismissed.
    for (let i = 0; i < 3; i++) await errors.first().getByRole('button', { name: 'Dismiss' }).click()
    expect(await errors.count()).toBe(0)
    expect(await app.page.getByTestId('document-row').count()).toBe(1)
  })

  it('shows why the analysis failed for a PDF whose body is broken, and offers a retry', async () => {
    const broken = files.write('broken.pdf', brokenBodyPdf())
    const [id] = await app.importViaDialog([broken], ['failed'])
    const r = app.page.locator(`[data-document-id="${id}"]`)
    expect(await r.getByTestId('document-state').textContent()).toMatch(/^Analysis failed: \S.+/)
    await app.screenshot('library-analysis-failed')
    await r.getByRole('button', { name: 'Retry' }).click()
    await expect.poll(() => r.getAttribute('data-state'), { timeout: 60_000 }).toBe('failed')
    await r.getByRole('button', { name: 'Delete broken.pdf' }).click()
    await app.page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => r.count()).toBe(0)
  })

  it('shows "needs password" for an encrypted PDF', async (ctx) => {
    const encrypted = sharedPath('corpus', 'robustness', 'pdfjs__pr6531_1.pdf')
    if (!encrypted) return ctx.skip()
    app.queueDialog([encrypted])
    await app.page.getByTestId('import-button').click()
    const r = row('pdfjs__pr6531_1.pdf')
    await expect.poll(() => r.getAttribute('data-state'), { timeout: 60_000 }).toBe('needs-password')
    expect(await r.getByTestId('document-state').textContent()).toContain('Needs a password')
    await r.getByRole('button', { name: 'Enter password…' }).click()
    await app.page.getByTestId('password-dialog').getByRole('textbox', { name: 'Password' }).fill('asdfasdf')
    await app.page.getByRole('button', { name: 'Analyse' }).click()
    await expect.poll(() => r.getAttribute('data-state'), { timeout: 60_000 }).toBe('done')
    expect(await r.getByTestId('document-pages').textContent()).toBe('1')
  })

  it('deletes a document after confirmation, and undo brings it back', async () => {
    await row('briefing.pdf').getByRole('button', { name: 'Delete briefing.pdf' }).click()
    const dialog = app.page.getByTestId('confirm-dialog')
    await dialog.waitFor()
    await app.screenshot('library-confirm-delete')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => row('briefing.pdf').count()).toBe(0)
    await app.page.keyboard.press('Control+z')
    await row('briefing.pdf').waitFor()
    expect(await row('briefing.pdf').getAttribute('data-state')).toBe('done')
    // Redo (menu) deletes it again; undo after a reload restores it: history lives in IndexedDB.
    await app.menu('redo')
    await expect.poll(() => row('briefing.pdf').count()).toBe(0)
    await app.page.reload()
    await app.page.getByTestId('release-item').first().waitFor()
    await app.menu('undo')
    await row('briefing.pdf').waitFor()
  })

  it('creates a release and moves a document into it, by menu and by drag', async () => {
    await app.page.getByRole('button', { name: 'New release' }).click()
    const form = app.page.getByTestId('release-form')
    await form.getByLabel('Name').fill('MBIE OIA 2026-0412')
    await form.getByLabel('Agency').fill('Ministry of Business, Innovation and Employment')
    await form.getByLabel('Request reference').fill('DOIA 2526-0412')
    await form.getByLabel('Request date').fill('2026-09-01')
    await form.getByLabel('Response date').fill('2026-10-14')
    await app.screenshot('library-release-form')
    await form.getByRole('button', { name: 'Create release' }).click()
    await expect.poll(() => app.page.getByTestId('release-name').textContent()).toBe('MBIE OIA 2026-0412')

    // New imports go into the selected release.
    app.queueDialog([letter])
    await app.page.getByTestId('import-button').click()
    await row('response-letter.pdf').waitFor()
    await expect
      .poll(() => row('response-letter.pdf').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('done')

    await app.page.getByTestId('release-item').filter({ hasText: 'Unsorted' }).click()
    await row('briefing.pdf').getByRole('combobox').selectOption({ label: 'MBIE OIA 2026-0412' })
    await expect.poll(() => row('briefing.pdf').count()).toBe(0)
    await app.page.getByTestId('release-item').filter({ hasText: 'MBIE' }).click()
    await row('briefing.pdf').waitFor()
    await app.screenshot('library-release')

    // Drag the letter back to Unsorted.
    await row('response-letter.pdf').dragTo(
      app.page.getByTestId('release-item').filter({ hasText: 'Unsorted' })
    )
    await expect.poll(() => row('response-letter.pdf').count()).toBe(0)
    await app.page.getByTestId('release-item').filter({ hasText: 'Unsorted' }).click()
    await row('response-letter.pdf').waitFor()

    // Rename through the edit form; undo puts the old name back.
    await app.page.getByRole('button', { name: 'Edit details' }).click()
    const edit = app.page.getByTestId('release-form')
    await edit.getByLabel('Name').fill('DIA OIA responses')
    await edit.getByLabel('Notes').fill('Second batch, released late.')
    await edit.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => app.page.getByTestId('release-name').textContent()).toBe('DIA OIA responses')
    expect(await app.page.getByTestId('release-item').filter({ hasText: 'DIA OIA responses' }).count()).toBe(
      1
    )
    expect(await app.page.locator('.release-notes').textContent()).toBe('Second batch, released late.')
    await app.menu('undo')
    await expect.poll(() => app.page.getByTestId('release-name').textContent()).toBe('Unsorted')
  })
})
