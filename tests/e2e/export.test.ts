/**
 * Export e2e on the built renderer: import a release (three labelled boxes, plus a memo whose box
 * leaks its text), review it by keys (accept, dispute with a hostile note, change a ground), export
 * HTML + PDF + CSV + JSON through the dialog into a folder, and check the files themselves: the HTML
 * parsed (one row per redaction, the notes, no script, page pictures under the boxes), the CSV's
 * rows, the JSON schema, the PDF turned into PNGs by pdftoppm. Leaked text goes in only after the
 * warning is confirmed.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { machinePatterns, parseCsv } from '../integration/reportSupport'
import { launchApp, type App } from './harness/harness'
import { SCREENSHOT_DIR } from './harness/paths'
import { fixtureDir, leakyPdf, type FixtureDir } from './harness/libraryFixtures'
import { holdBlobReads } from './harness/holdBlobReads'
import { reviewPdf } from './review.fixtures'
import { openDocument } from './viewer.helpers'

let app: App
let files: FixtureDir
let out: string

const HOSTILE_NOTE = 'Already public <script>alert(1)</script> & "named" in the 2025 annual report.'
const BASE = 'briefing – redaction report'

/** A long release: a labelled black box on every page, so every page gets a picture in the report. */
async function longPdf(pageCount: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (let n = 1; n <= pageCount; n++) {
    const page = pdf.addPage([595, 842])
    page.drawText(`Annex page ${n}: correspondence with the supplier.`, { x: 72, y: 780, size: 12, font })
    page.drawRectangle({ x: 72, y: 600, width: 300, height: 16, color: rgb(0, 0, 0) })
    page.drawText('s9(2)(b)(ii)', { x: 380, y: 604, size: 10, font })
  }
  return pdf.save()
}

beforeAll(async () => {
  files = fixtureDir()
  out = mkdtempSync(join(tmpdir(), 'withheld-export-out-'))
  app = await launchApp()
  const briefing = files.write('briefing.pdf', await reviewPdf())
  const memo = files.write('memo.pdf', await leakyPdf())
  await app.importViaDialog([briefing, memo])
  await openDocument(app, 'briefing.pdf')
})

afterAll(async () => {
  await app?.analysesSettled()
  await app?.close()
  files?.remove()
  if (out) rmSync(out, { recursive: true, force: true })
})

describe('export a reviewed release', () => {
  it('reviews by keys: accept, dispute with a note, change a ground', async () => {
    const { page } = app
    const list = page.getByTestId('review-list')
    await expect.poll(() => list.getAttribute('data-count'), { timeout: 60_000 }).toBe('3')
    await page.locator('.viewer-page[data-page-index="0"] .redaction-box').first().waitFor()
    await page.keyboard.press('j')
    await page.keyboard.press('a')
    await page.keyboard.press('j')
    await page.keyboard.press('d')
    const note = page.getByTestId('review-note')
    await expect.poll(() => note.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await page.keyboard.type(HOSTILE_NOTE)
    await page.keyboard.press('Enter')
    await page.keyboard.press('j')
    await page.keyboard.press('g')
    const search = page.getByTestId('grounds-search')
    await search.fill('free frank')
    await search.press('Enter')
    await page.getByTestId('grounds-apply').click()
    await page.getByTestId('grounds-picker').waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe('2 of 3 reviewed')
  })

  it('exports this document as HTML, PDF, CSV and JSON into a chosen folder, then shows it', async () => {
    const { page } = app
    await page.getByTestId('export-button').click()
    const dialog = page.getByTestId('export-dialog')
    await dialog.waitFor()
    for (const format of ['pdf', 'csv', 'json']) await page.getByTestId(`export-format-${format}`).check()
    expect(await page.getByTestId('export-format-html').isChecked()).toBe(true)
    expect(await page.getByTestId('export-leaked-text').isChecked()).toBe(false)
    // No paper chosen yet: it follows the release's law (an NZ release: A4), as the CLI's does.
    expect(await page.getByTestId('export-paper').inputValue()).toBe('regime')
    for (const size of [
      { width: 1024, height: 700 },
      { width: 1280, height: 800 }
    ]) {
      await page.setViewportSize(size)
      await app.screenshot(`export-dialog-paper-${size.width}`)
    }
    await page.getByTestId('export-paper').selectOption('letter')
    await app.screenshot('export-dialog')
    app.queueSaveDialog({ kind: 'folder', path: out })
    await page.getByTestId('export-start').click()
    await page.getByTestId('export-saved').waitFor({ timeout: 120_000 })
    expect(await page.getByTestId('export-saved').textContent()).toContain('Saved 4 files')
    await app.screenshot('export-saved')
    await page.getByTestId('export-show-in-folder').click()
    await expect.poll(() => app.shownInFolder).toEqual([join(out, `${BASE}.html`)])
    await page.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(readdirSync(out).sort()).toEqual(['csv', 'html', 'json', 'pdf'].map((ext) => `${BASE}.${ext}`))
  })

  it('the HTML lists each redaction with the reviewer’s decisions, escaped, with page pictures and no script', () => {
    const html = readFileSync(join(out, `${BASE}.html`), 'utf8')
    const doc = new JSDOM(html).window.document
    const rows = [...doc.querySelectorAll('table.register tbody tr')]
    expect(rows).toHaveLength(3)
    const text = rows.map((r) => r.textContent ?? '')
    expect(text[0]).toContain('accepted')
    expect(text[1]).toContain('disputed')
    expect(text[1]).toContain(HOSTILE_NOTE)
    expect(text[2]).toContain('9(2)(g)(i)')
    expect(doc.querySelectorAll('script')).toHaveLength(0)
    expect(html).not.toContain('<script>alert')
    const pictures = [...doc.querySelectorAll('svg image')].map((el) => el.getAttribute('href') ?? '')
    expect(pictures).toHaveLength(2)
    for (const href of pictures) expect(href).toMatch(/^data:image\/(?:png|jpeg);base64,/)
    expect(html).toContain('@page { size: letter; }')
    expect(html).not.toContain(files.dir)
    expect(html).not.toContain(out)
  })

  it('no file names a folder, the user or the machine (security.md V6)', () => {
    for (const ext of ['html', 'csv', 'json']) {
      const text = readFileSync(join(out, `${BASE}.${ext}`), 'utf8')
      for (const pattern of machinePatterns()) expect(text).not.toMatch(pattern)
      expect(text).not.toContain(files.dir)
    }
  })

  it('the CSV has one record per redaction and the JSON is withheld.report/1', () => {
    const csv = parseCsv(readFileSync(join(out, `${BASE}.csv`), 'utf8'))
    expect(csv.length - 1).toBe(3)
    const report = JSON.parse(readFileSync(join(out, `${BASE}.json`), 'utf8')) as {
      schema: string
      register: { status: string; note: string; grounds: string[] }[]
      cover: { scope: string }
    }
    expect(report.schema).toBe('withheld.report/1')
    expect(report.cover.scope).toBe('briefing.pdf')
    expect(report.register.map((r) => r.status)).toEqual(['accepted', 'disputed', 'unreviewed'])
    expect(report.register[1]!.note).toBe(HOSTILE_NOTE)
    expect(report.register[2]!.grounds).toEqual(['9(2)(a)', '9(2)(g)(i)'])
  })

  it('the PDF is a printed report on US Letter; its pages turned into PNGs', () => {
    const pdf = join(out, `${BASE}.pdf`)
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0)
    expect(pages).toBeGreaterThanOrEqual(3)
    // US Letter is 612 × 792 pt (portrait) or 792 × 612 (the register's landscape pages).
    expect(info).toMatch(/Page size:\s+(612 x 792|792 x 612) pts/)
    const prefix = join(SCREENSHOT_DIR, 'export-pdf')
    execFileSync('pdftoppm', ['-r', '110', '-png', pdf, prefix])
    const pngs = readdirSync(SCREENSHOT_DIR).filter((n) => n.startsWith('export-pdf') && n.endsWith('.png'))
    expect(pngs.length).toBe(pages)
  })
})

describe('leaked text and cancelling', () => {
  it('a cancelled save dialog goes back to the choices and writes nothing', async () => {
    const { page } = app
    await app.menu('export-report')
    await page.getByTestId('export-dialog').waitFor()
    await page.getByLabel(/The whole release/).check()
    app.queueSaveDialog(null)
    const before = readdirSync(out).length
    await page.getByTestId('export-start').click()
    await page.getByTestId('export-start').waitFor()
    expect(readdirSync(out)).toHaveLength(before)
  })

  it('includes leaked text only after the warning is confirmed', async () => {
    const { page } = app
    const box = page.getByTestId('export-leaked-text')
    await box.click()
    const warning = page.getByTestId('export-leak-warning')
    await warning.waitFor()
    expect(await box.isChecked()).toBe(false)
    await app.screenshot('export-leak-warning')
    await page.getByRole('button', { name: 'Keep it out' }).click()
    await warning.waitFor({ state: 'detached' })
    expect(await box.isChecked()).toBe(false)
    await box.click()
    await page.getByTestId('export-leak-confirm').click()
    expect(await box.isChecked()).toBe(true)
    for (const format of ['html', 'pdf', 'csv']) await page.getByTestId(`export-format-${format}`).uncheck()
    await page.getByTestId('export-format-json').check()
    const target = join(out, 'leaks')
    app.queueSaveDialog({ kind: 'file', path: target })
    await page.getByTestId('export-start').click()
    await page.getByTestId('export-saved').waitFor({ timeout: 120_000 })
    const report = JSON.parse(readFileSync(`${target}.json`, 'utf8')) as {
      cover: { includesLeakedText: boolean }
      leaks: { documentName: string; leakedText: string | null }[]
    }
    expect(report.cover.includesLeakedText).toBe(true)
    expect(report.leaks.map((l) => [l.documentName, l.leakedText])).toEqual([
      ['memo.pdf', expect.stringContaining('1,250,000')]
    ])
    expect(existsSync(join(out, 'leaks.json'))).toBe(true)
    await page.getByRole('button', { name: 'Close' }).click()
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' })
  })

  it('exports only what the review filter shows', async () => {
    const { page } = app
    await page
      .getByRole('group', { name: 'Filter by status' })
      .getByRole('button', { name: /Disputed/ })
      .click()
    await page.getByTestId('export-button').click()
    const filtered = page.getByLabel(/Only the redactions the review filter shows/)
    await filtered.check()
    expect(await page.getByTestId('export-dialog').textContent()).toContain('(disputed)')
    await page.getByTestId('export-format-html').uncheck()
    await page.getByTestId('export-format-json').check()
    const target = join(out, 'disputed.json')
    app.queueSaveDialog({ kind: 'file', path: target })
    await page.getByTestId('export-start').click()
    await page.getByTestId('export-saved').waitFor({ timeout: 120_000 })
    await page.getByRole('button', { name: 'Close' }).click()
    const report = JSON.parse(readFileSync(target, 'utf8')) as {
      cover: { scope: string }
      register: { status: string; note: string }[]
    }
    expect(report.register.map((r) => [r.status, r.note])).toEqual([['disputed', HOSTILE_NOTE]])
    expect(report.cover.scope).toBe('briefing.pdf: only redactions shown by the review filter (disputed)')
    await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: /All/ }).click()
  })

  it('shows progress while drawing page pictures of a long release, and Cancel stops it', async () => {
    const { page } = app
    const annex = files.write('annex.pdf', await longPdf(120))
    await app.importViaDialog([annex])
    await page.getByTestId('export-button').click()
    await page.getByLabel(/The whole release/).check()
    // The dialog remembers the last formats (JSON only, from the test before): pictures need HTML.
    await page.getByTestId('export-format-html').check()
    expect(await page.getByTestId('export-format-json').isChecked()).toBe(true)
    await page.getByTestId('export-thumbnails').check()
    const before = readdirSync(out).sort()
    // Pictures are drawn oldest import first: the briefing's and memo's pages, then the annex's. The
    // annex's bytes are held back until the test has seen the progress and pressed Cancel, so a fast
    // machine cannot finish the export before the test looks, nor a slow one make it wait on a clock.
    const hold = await holdBlobReads(page, statSync(annex).size)
    try {
      await page.getByTestId('export-start').click()
      await hold.reached()
      const progress = page.locator('[data-testid="export-progress"][data-phase="pictures"]')
      await progress.waitFor()
      await expect
        .poll(async () => Number(/: (\d+) of/.exec((await progress.textContent()) ?? '')?.[1] ?? 0))
        .toBeGreaterThan(0)
      expect(await progress.textContent()).toMatch(/Drawing page pictures: \d+ of 12[0-9]/)
      await app.screenshot('export-progress')
      await page.getByTestId('export-cancel').click()
    } finally {
      await hold.release()
    }
    await page.getByTestId('export-start').waitFor()
    expect(readdirSync(out).sort()).toEqual(before)
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' })
  })

  it('reconciles the marked response letter with the grounds used, for the whole release', async () => {
    const { page } = app
    // The library's row buttons are under the export dialog while it is open: an export left running
    // by the test before (its progress unseen on a busy machine) once made the click below time out.
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' })
    const letter = await PDFDocument.create()
    const font = await letter.embedFont(StandardFonts.Helvetica)
    const sheet = letter.addPage([595, 842])
    // A letter of prose: a page holding only "withheld under …" would read as a placeholder page.
    const lines = [
      'Dear Ms Citizen,',
      'Thank you for your request of 2 March 2026 under the Official Information Act 1982 for the',
      'briefings on the housing package. I am releasing the documents listed in the table below.',
      'Some information is withheld under sections 9(2)(a) and 18(d) of the Act, as noted in the',
      'documents. You have the right to ask the Ombudsman to investigate and review my decision.',
      'Yours sincerely, the Deputy Chief Executive'
    ]
    lines.forEach((line, i) => sheet.drawText(line, { x: 72, y: 760 - i * 18, size: 11, font }))
    await app.importViaDialog([files.write('letter.pdf', await letter.save())])
    await page
      .getByTestId('document-row')
      .filter({ hasText: 'letter.pdf' })
      .getByTestId('toggle-letter')
      .click()
    await page.getByTestId('letter-badge').waitFor()
    await page.getByTestId('export-button').click()
    await page.getByLabel(/The whole release/).check()
    await page.getByTestId('export-format-html').uncheck()
    await page.getByTestId('export-format-json').check()
    const target = join(out, 'release.json')
    app.queueSaveDialog({ kind: 'file', path: target })
    await page.getByTestId('export-start').click()
    await page.getByTestId('export-saved').waitFor({ timeout: 120_000 })
    await page.getByRole('button', { name: 'Close' }).click()
    const report = JSON.parse(readFileSync(target, 'utf8')) as {
      reconciliation: { letterGrounds: string[]; citedNotUsed: string[] } | null
    }
    expect(report.reconciliation?.letterGrounds).toEqual(['9(2)(a)', '18(d)'])
    expect(report.reconciliation?.citedNotUsed).toEqual(['18(d)'])
  })
})
