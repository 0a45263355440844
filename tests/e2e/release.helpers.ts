/**
 * What the release, search and palette e2e tests share: the fixture release imported into a fresh
 * app, and rows read straight from IndexedDB (not through the app's code), as page-side expressions
 * (this tsconfig has no DOM types).
 */
import type { Page } from 'playwright-core'
import type { App } from './harness/harness'
import type { FixtureDir } from './harness/libraryFixtures'
import { releaseBriefingPdf, responseLetterPdf } from './release.fixtures'

export interface StoredRedaction {
  id: string
  documentId: string
  pageIndex: number
  pageRect: number[]
  grounds: string[]
  label: string | null
  status: string
  note: string
}

export interface StoredDocument {
  id: string
  name: string
  releaseId: string
  isResponseLetter: boolean
}

function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('withheld')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const get = open.result.transaction(${JSON.stringify(store)}).objectStore(${JSON.stringify(store)}).getAll()
      get.onsuccess = () => {
        open.result.close()
        resolve(get.result)
      }
      get.onerror = () => reject(get.error)
    }
  })`)
}

/** Every stored redaction in reading order (page, top). */
export async function storedRedactions(page: Page): Promise<StoredRedaction[]> {
  const rows = await readStore<StoredRedaction>(page, 'redactions')
  return rows.sort((a, b) => a.pageIndex - b.pageIndex || a.pageRect[1]! - b.pageRect[1]!)
}

export const storedDocuments = (page: Page): Promise<StoredDocument[]> => readStore(page, 'documents')

/** Imports the briefing and the letter in one go (one release) and waits for both analyses. */
export async function importRelease(app: App, files: FixtureDir): Promise<void> {
  const briefing = files.write('briefing.pdf', await releaseBriefingPdf())
  const letter = files.write('letter.pdf', await responseLetterPdf())
  await app.importViaDialog([briefing, letter])
  await app.analysesSettled()
}
