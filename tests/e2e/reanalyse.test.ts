/**
 * Re-analysis e2e: a scanned release (page images with boxes burned in) is imported, its library row
 * offers "Re-analyse at…", and choosing 200 dpi runs the real analysis worker again: the row goes
 * through running back to done, and the scanned pages' boxes are still there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { generateScanCorpus } from '../fixtures/scans/generateScans'

let app: App
let files: FixtureDir
let scanPath: string

beforeAll(async () => {
  files = fixtureDir()
  // Two scanned pages (150 and 200 dpi JPEG images, boxes burned into the pixels).
  scanPath = files.write('scanned-release.pdf', (await generateScanCorpus(2, 3)).pdf)
  app = await launchApp()
})

afterAll(async () => {
  await app?.close()
  files?.remove()
})

const row = () => app.page.getByTestId('document-row').filter({ hasText: 'scanned-release.pdf' })

/** The document's detected boxes as stored, with their review status. */
const storedBoxes = (documentId: string) =>
  app.page.evaluate(
    (id) =>
      new Promise<{ id: string; status: string; source: string | null }[]>((resolve, reject) => {
        const open = indexedDB.open('withheld')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const request = open.result
            .transaction('redactions')
            .objectStore('redactions')
            .index('documentId')
            .getAll(id)
          request.onsuccess = () => {
            resolve(
              (request.result as { id: string; status: string; source: string | null }[]).map((r) => ({
                id: r.id,
                status: r.status,
                source: r.source
              }))
            )
            open.result.close()
          }
          request.onerror = () => reject(request.error)
        }
      }),
    documentId
  )

describe('re-analyse a scanned document at a higher resolution', () => {
  it('runs the analysis again at 200 dpi, showing its progress, and keeps the boxes', async () => {
    const [documentId] = await app.importViaDialog([scanPath])
    const before = await storedBoxes(documentId!)
    expect(before.filter((b) => b.source === 'raster').length).toBeGreaterThan(0)

    const select = row().getByTestId('reanalyse-dpi')
    await select.waitFor()
    await app.screenshot('reanalyse-offered')

    // Record every state the row shows from here on, so a quick run cannot slip past the test.
    await app.page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { __states: string[] }).__states = seen
      const target = document.querySelector('[data-testid="document-row"]')!
      new MutationObserver(() => {
        const state = target.getAttribute('data-state') ?? ''
        if (seen[seen.length - 1] !== state) seen.push(state)
      }).observe(target, { attributes: true, attributeFilter: ['data-state'] })
    })
    await select.selectOption('200')
    const states = () => app.page.evaluate(() => (window as unknown as { __states: string[] }).__states)
    await expect.poll(states, { timeout: 60_000 }).toContain('running')
    await app.screenshot('reanalyse-running')
    await expect.poll(() => row().getAttribute('data-state'), { timeout: 120_000 }).toBe('done')
    const seen = await states()
    expect(seen[seen.length - 1]).toBe('done')
    expect(seen.indexOf('running')).toBeLessThan(seen.lastIndexOf('done'))

    const after = await storedBoxes(documentId!)
    expect(after.filter((b) => b.source === 'raster').length).toBeGreaterThan(0)
    await expect.poll(() => row().getByTestId('document-state').textContent()).toMatch(/\d+ redactions?/)
    await app.screenshot('reanalyse-done')
  })
})
