/**
 * The leak audit's verdict in the app (issue 13): a release whose metadata names the person under
 * its box and its clean twin (the same release, its metadata holding only the page's own heading)
 * are imported and analysed by the real worker; the library rows say "Leaks found (1)" and "Clean",
 * the open document's header says the same, the hover names the kind, and the withheld name shows
 * nowhere. Screenshots at 1024×700 and 1280×800.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { HEADING, SECRET, release, save } from '../fixtures/audit/pdfParts'
import { openDocument, waitPainted } from './viewer.helpers'

let app: App
let files: FixtureDir
let leakPath: string
let cleanPath: string

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 }
] as const

beforeAll(async () => {
  files = fixtureDir()
  const leaking = await release()
  leaking.doc.setSubject(`Complaint made by ${SECRET}`)
  leakPath = files.write('metadata-leak.pdf', await save(leaking.doc))
  const twin = await release()
  twin.doc.setTitle(HEADING)
  cleanPath = files.write('clean-twin.pdf', await save(twin.doc))
  app = await launchApp()
})

afterAll(async () => {
  await app?.close()
  files?.remove()
})

const verdictIn = (documentId: string) =>
  app.page.locator(
    `[data-testid="document-row"][data-document-id="${documentId}"] [data-testid="audit-verdict"]`
  )

describe('leak audit verdict', () => {
  it('shows "Leaks found" and "Clean" in the library and the document header, never the withheld name', async () => {
    const [leakId, cleanId] = await app.importViaDialog([leakPath, cleanPath])
    const leak = verdictIn(leakId!)
    const clean = verdictIn(cleanId!)
    await leak.waitFor()
    await clean.waitFor()
    expect(await leak.getAttribute('data-verdict')).toBe('leaks')
    expect(await leak.locator('.verdict-label').textContent()).toBe('Leaks found (1)')
    expect(await leak.getAttribute('title')).toBe('Found:\nmetadata: 1')
    expect(await clean.getAttribute('data-verdict')).toBe('clean')
    expect(await clean.locator('.verdict-label').textContent()).toBe('Clean')
    expect(await app.page.locator('body').textContent()).not.toContain('Parata')

    for (const size of SIZES) {
      await app.page.setViewportSize(size)
      // Both badges whole inside the window, not cut off by the table or the window's edge.
      for (const badge of [leak, clean]) {
        const box = await badge.boundingBox()
        expect(box, `${size.width}×${size.height}`).not.toBeNull()
        expect(box!.x + box!.width).toBeLessThanOrEqual(size.width)
      }
      await app.screenshot(`audit-verdict-library-${size.width}x${size.height}`)
    }

    await openDocument(app, 'metadata-leak.pdf')
    await waitPainted(app.page, 0)
    const header = app.page.locator('.viewer-toolbar [data-testid="audit-verdict"]')
    await header.waitFor()
    expect(await header.getAttribute('data-verdict')).toBe('leaks')
    expect(await header.locator('.verdict-label').textContent()).toBe('Leaks found (1)')
    for (const size of SIZES) {
      await app.page.setViewportSize(size)
      const box = await header.boundingBox()
      expect(box!.x + box!.width).toBeLessThanOrEqual(size.width)
      // Beside the name, not over the page box or the zoom controls.
      const controls = await app.page.locator('.viewer-controls').boundingBox()
      expect(box!.x + box!.width).toBeLessThanOrEqual(controls!.x)
      await app.screenshot(`audit-verdict-header-${size.width}x${size.height}`)
    }
    expect(await app.page.locator('body').textContent()).not.toContain('Parata')
  })
})
