/**
 * Desktop habits (issue 10 points 10 and 11), through the real renderer and main's own open-request
 * queue: PDFs the OS hands over (`withheld x.pdf`, a second launch, macOS open-file, Open Recent) are
 * imported like dialog picks and become recent, including a mailed PDF with bytes before %PDF-; Help ›
 * User Guide and Keyboard Shortcuts open from the menu; the dark theme follows prefers-color-scheme
 * with the ground families still distinct and readable on the dark panel; Print leaves the controls
 * off the paper. Screenshots at 1024×700 and 1280×800.
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'

/** One box per ground family, its code printed beside it as agencies do; the last has no code. */
const FAMILY_LABELS = ['s6(a)', 's9(2)(a)', 's18(d)', '(b)(6)', ''] as const

async function familiesPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const page = pdf.addPage([612, 792])
  page.drawText('Briefing to the Minister', { x: 72, y: 730, size: 18, font })
  FAMILY_LABELS.forEach((label, index) => {
    const y = 650 - index * 90
    page.drawText(`Paragraph ${index + 1} of the briefing, released in part.`, {
      x: 72,
      y: y + 30,
      size: 11,
      font
    })
    page.drawRectangle({ x: 72, y, width: 260, height: 14, color: rgb(0, 0, 0) })
    if (label) page.drawText(label, { x: 340, y: y + 3, size: 10, font })
  })
  return pdf.save()
}

/** A PDF as a mail gateway saves it: its headers before %PDF- (2.9 kB, past pdf.js's 1024-byte look). */
const mailed = (bytes: Uint8Array): Uint8Array =>
  new Uint8Array(
    Buffer.concat([
      Buffer.from('From: scanner@agency.example\r\nSubject: Scan 0042\r\n\r\n'.repeat(60)),
      Buffer.from(bytes)
    ])
  )

/** WCAG 2 contrast ratio of two CSS `rgb()`/`rgba()` colours (alpha ignored: both are opaque here). */
function contrast(a: string, b: string): number {
  const luminance = (css: string): number => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

/** The page's window, typed for computed styles (this tsconfig has no DOM library). */
interface StyleWindow {
  getComputedStyle(element: unknown): { backgroundColor: string; color: string }
}

/** Computed background and text colour of the first element matching `selector`. */
const colours = (selector: string): Promise<{ backgroundColor: string; color: string }> =>
  app.page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const style = (globalThis as unknown as StyleWindow).getComputedStyle(element)
      return { backgroundColor: style.backgroundColor, color: style.color }
    })

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 }
] as const

let app: App
let files: FixtureDir
let familiesPath: string
let mailedPath: string

beforeAll(async () => {
  files = fixtureDir()
  const families = await familiesPdf()
  familiesPath = files.write('families.pdf', families)
  mailedPath = files.write('mailed scan.pdf', mailed(families))
  app = await launchApp()
})

afterAll(async () => {
  await app?.analysesSettled()
  await app?.close()
  files?.remove()
})

const doneRow = (name: string) =>
  app.page.locator('[data-testid="document-row"][data-state="done"]').filter({ hasText: name })

describe('desktop habits', () => {
  it('imports the PDFs the OS hands over, refuses a non-PDF by name, and lists them as recent', async () => {
    const notPdf = files.write('notes.pdf', 'Meeting notes, not a PDF.\n')
    app.openFromOs([familiesPath, notPdf])
    await doneRow('families.pdf').waitFor({ timeout: 120_000 })
    await app.page.getByTestId('toast-error').filter({ hasText: '“notes.pdf” is not a PDF' }).waitFor()
    expect(app.recentFiles()).toEqual([{ label: 'families.pdf', path: familiesPath }])
  })

  it('opens a PDF with bytes before %PDF- and finds its boxes', async () => {
    app.openFromOs([mailedPath])
    await doneRow('mailed scan.pdf').waitFor({ timeout: 120_000 })
    // The same five boxes as in the file without the headers.
    expect(await doneRow('mailed scan.pdf').textContent()).toContain('5 redactions')
    expect(await doneRow('families.pdf').textContent()).toContain('5 redactions')
    expect(app.recentFiles().map((entry) => entry.label)).toEqual(['mailed scan.pdf', 'families.pdf'])
  })

  it('Help › User Guide and Keyboard Shortcuts open from the menu', async () => {
    const { page } = app
    await app.menu('show-guide')
    const guide = page.getByTestId('user-guide')
    await guide.waitFor()
    expect(await guide.textContent()).toContain('File › Open Recent')
    await page.setViewportSize(SIZES[0])
    await app.screenshot('help-guide-1024x700')
    await page.keyboard.press('Escape')
    await guide.waitFor({ state: 'detached' })
    await app.menu('show-shortcuts')
    const sheet = page.getByTestId('shortcut-sheet')
    await sheet.waitFor()
    // Taller than 700 px: the list scrolls inside, the title and Close stay in the window.
    const title = await sheet.getByText('Keyboard shortcuts', { exact: true }).boundingBox()
    const close = await sheet.getByRole('button', { name: 'Close' }).boundingBox()
    expect(title!.y).toBeGreaterThanOrEqual(0)
    expect(close!.y + close!.height).toBeLessThanOrEqual(SIZES[0].height)
    await app.screenshot('help-shortcuts-1024x700')
    await page.keyboard.press('Escape')
    await page.getByTestId('shortcut-sheet').waitFor({ state: 'detached' })
    await page.setViewportSize(SIZES[1])
  })

  it('follows a dark OS theme, with ground families distinct and readable on the dark panel', async () => {
    const { page } = app
    await page.emulateMedia({ colorScheme: 'dark' })
    const body = await colours('body')
    expect(contrast(body.backgroundColor, 'rgb(0, 0, 0)')).toBeLessThan(1.5)
    expect(contrast(body.color, body.backgroundColor)).toBeGreaterThanOrEqual(7)
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await app.screenshot(`dark-library-${size.width}x${size.height}`)
    }
    // Dialogs too: the guide's text on the dialog's own (dark) ground.
    await app.menu('show-guide')
    const guideText = await colours('[data-testid="user-guide"] .user-guide p')
    const guideGround = await colours('[data-testid="user-guide"]')
    expect(contrast(guideText.color, guideGround.backgroundColor)).toBeGreaterThanOrEqual(7)
    await app.screenshot('dark-guide-1280x800')
    await page.keyboard.press('Escape')
    await page.getByTestId('user-guide').waitFor({ state: 'detached' })

    await app.openDocument('families.pdf')
    await page.locator('.document-viewer[data-state="ready"]').waitFor({ timeout: 60_000 })
    const rows = page.locator('.review-row')
    await rows.nth(FAMILY_LABELS.length - 1).waitFor({ timeout: 30_000 })
    const swatches = await rows.evaluateAll((elements) => {
      const { getComputedStyle } = globalThis as unknown as StyleWindow
      return elements.map((row) => ({
        family: [...row.classList].find((c) => c.startsWith('family-')) ?? '',
        fill: getComputedStyle(row.querySelector('.review-swatch')).backgroundColor,
        behind: getComputedStyle(row.closest('.review-panel')).backgroundColor
      }))
    })
    const families = new Map(swatches.map((s) => [s.family, s]))
    expect([...families.keys()].sort()).toEqual(
      [
        'family-none',
        'family-s18-refusal',
        'family-s6-conclusive',
        'family-s9-public-interest',
        'family-us-foia'
      ].sort()
    )
    const filled = [...families.values()].filter((s) => s.family !== 'family-none')
    for (const swatch of filled) {
      expect(contrast(swatch.fill, swatch.behind), `${swatch.family} on the panel`).toBeGreaterThanOrEqual(
        4.5
      )
    }
    // Families apart from each other: no two filled colours closer than 60 in RGB distance.
    const rgbOf = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
    for (let i = 0; i < filled.length; i++) {
      for (let j = i + 1; j < filled.length; j++) {
        const [a, b] = [rgbOf(filled[i]!.fill), rgbOf(filled[j]!.fill)]
        const distance = Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!)
        expect(distance, `${filled[i]!.family} vs ${filled[j]!.family}`).toBeGreaterThan(60)
      }
    }
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await page.locator('.redaction-box').first().waitFor()
      await app.screenshot(`dark-viewer-${size.width}x${size.height}`)
    }
  })

  it('prints the page view without the controls around it', async () => {
    const { page } = app
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' })
    expect(await page.locator('.app-header').isVisible()).toBe(false)
    expect(await page.locator('.viewer-toolbar').isVisible()).toBe(false)
    expect(await page.locator('.review-panel').isVisible()).toBe(false)
    expect(await page.locator('.viewer-page').first().isVisible()).toBe(true)
    // Paper is printed light whatever the screen's theme.
    expect((await colours('body')).backgroundColor).toBe('rgb(255, 255, 255)')
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' })
  })

  it('takes the README pictures in the light theme at 1280×800', async () => {
    const { page } = app
    await page.setViewportSize(SIZES[1])
    // Notices from earlier steps would cover the page.
    const dismiss = page.locator('.toast button[aria-label="Dismiss"]')
    while ((await dismiss.count()) > 0) await dismiss.first().click()
    await page.locator('.review-row').nth(1).click()
    await page.locator('.review-row[aria-selected="true"]').waitFor()
    await app.screenshot('readme-viewer')
    await page.getByRole('button', { name: '‹ Library' }).click()
    await doneRow('families.pdf').waitFor()
    // A release as a requester describes it, for the picture.
    await page.getByRole('button', { name: 'Edit details' }).click()
    await page.getByLabel('Name').fill('MBIE OIA 2026-0412')
    await page.getByLabel('Agency').fill('Ministry of Business, Innovation and Employment')
    await page.getByLabel('Request reference').fill('DOIA 2526-0412')
    await page.getByLabel('Request date').fill('2026-09-01')
    await page.getByLabel('Response date').fill('2026-10-14')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('heading', { name: 'MBIE OIA 2026-0412' }).waitFor()
    await app.screenshot('readme-library')
  })
})
