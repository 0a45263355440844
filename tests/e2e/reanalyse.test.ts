/**
 * Re-analysis e2e: a scanned release (page images with boxes burned in) is imported, its library row
 * offers "Re-analyse at…", and choosing 200 dpi runs the real analysis worker again: the row goes
 * through running back to done, and the scanned pages' boxes are still there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'
import { fixtureDir, type FixtureDir } from './harness/libraryFixtures'
import { generateScanCorpus } from '../fixtures/scans/generateScans'
import { generateVectorOverScan } from '../fixtures/scans/vectorOverScan'

let app: App
let files: FixtureDir
let scanPath: string
let policePath: string

beforeAll(async () => {
  files = fixtureDir()
  // Two scanned pages (150 and 200 dpi JPEG images, boxes burned into the pixels).
  scanPath = files.write('scanned-release.pdf', (await generateScanCorpus(2, 3)).pdf)
  // One scanned page with black vector boxes drawn over it, some over words still in the image.
  policePath = files.write('police-release.pdf', (await generateVectorOverScan(1, 11)).pdf)
  app = await launchApp()
})

afterAll(async () => {
  await app?.close()
  files?.remove()
})

const row = () => app.page.getByTestId('document-row').filter({ hasText: 'scanned-release.pdf' })

interface StoredBox {
  readonly id: string
  readonly status: string
  readonly source: string | null
  readonly leak: string | null
}

/**
 * The document's boxes as stored in IndexedDB. Page-side code goes as a string: this project's Node
 * typings have no DOM.
 */
const storedBoxes = (documentId: string): Promise<StoredBox[]> =>
  app.page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('withheld')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const request = open.result.transaction('redactions').objectStore('redactions').index('documentId')
        .getAll(${JSON.stringify(documentId)})
      request.onsuccess = () => {
        resolve(request.result.map((r) => ({ id: r.id, status: r.status, source: r.source, leak: r.leak ? r.leak.kind : null })))
        open.result.close()
      }
      request.onerror = () => reject(request.error)
    }
  })`)

describe('re-analyse a scanned document at a higher resolution', () => {
  it('runs the analysis again at 200 dpi, showing its progress, and keeps the boxes', async () => {
    const [documentId] = await app.importViaDialog([scanPath])
    const before = await storedBoxes(documentId!)
    expect(before.filter((b) => b.source === 'raster').length).toBeGreaterThan(0)

    const select = row().getByTestId('reanalyse-dpi')
    await select.waitFor()
    await app.screenshot('reanalyse-offered')

    // Record every state the row shows from here on, so a quick run cannot slip past the test.
    await app.page.evaluate(`(() => {
      const seen = []
      window.__states = seen
      const target = document.querySelector('[data-testid="document-row"]')
      new MutationObserver(() => {
        const state = target.getAttribute('data-state') || ''
        if (seen[seen.length - 1] !== state) seen.push(state)
      }).observe(target, { attributes: true, attributeFilter: ['data-state'] })
    })()`)
    await select.selectOption('200')
    const states = (): Promise<string[]> => app.page.evaluate('window.__states')
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

  it('warns of a box drawn over a scan whose image still shows the words under it', async () => {
    const [documentId] = await app.importViaDialog([policePath])
    const police = app.page.getByTestId('document-row').filter({ hasText: 'police-release.pdf' })
    await expect.poll(() => police.getByTestId('document-state').textContent()).toMatch(/leak warning/)
    const leaky = (await storedBoxes(documentId!)).filter((b) => b.leak === 'image-under-box')
    expect(leaky.length).toBeGreaterThanOrEqual(5)
    await app.openDocument('police-release.pdf')
    const box = app.page.locator(`.redaction-box[data-redaction-id="${leaky[0]!.id}"]`)
    await box.waitFor({ timeout: 30_000 })
    await box.click()
    await expect
      .poll(() => app.page.getByTestId('review-detail').textContent())
      .toContain('The page image under this box still shows what it covers')
    await app.screenshot('image-under-box-detail')
  })
})
