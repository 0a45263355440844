/**
 * Storage e2e: a library written by a newer Withheld (a downgrade) is refused with a clear message
 * and left untouched, instead of a crash or a silent "fix" of its schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness/harness'

let app: App

beforeAll(async () => {
  app = await launchApp()
})
afterAll(async () => {
  await app?.close()
})

describe('library storage', () => {
  it('refuses a database from a newer version and leaves it as it was', async () => {
    await app.page.getByRole('heading', { name: 'No releases yet' }).waitFor()
    // Upgrade the database behind the app's back, as a far newer Withheld would (Dexie v100 = native
    // 1000; the app is at a single-digit schema version).
    const upgraded = await app.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const idb = (globalThis as unknown as { indexedDB: IDBFactoryLike }).indexedDB
          const request = idb.open('withheld', 1000)
          request.onupgradeneeded = () => request.result.createObjectStore('tags', { keyPath: 'id' })
          request.onsuccess = () => {
            const version = request.result.version
            request.result.close()
            resolve(version)
          }
          request.onerror = () => reject(new Error('upgrade failed'))
          request.onblocked = () => reject(new Error('blocked by the app’s open connection'))
        })
    )
    expect(upgraded).toBe(1000)
    await app.page.reload()
    const message = app.page.getByTestId('db-error')
    await message.waitFor()
    expect(await message.textContent()).toContain('saved by a newer version of Withheld')
    await app.screenshot('library-newer-database')
    const stores = await app.page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const request = (globalThis as unknown as { indexedDB: IDBFactoryLike }).indexedDB.open('withheld')
          request.onsuccess = () => {
            const names = Array.from(request.result.objectStoreNames)
            request.result.close()
            resolve(names)
          }
        })
    )
    expect(stores).toContain('tags')
    expect(stores).toContain('documents')
  })
})

/** The slice of IndexedDB these evaluate callbacks use (the Node tsconfig has no DOM types). */
interface IDBFactoryLike {
  open(
    name: string,
    version?: number
  ): {
    result: {
      version: number
      objectStoreNames: ArrayLike<string>
      createObjectStore(name: string, options: object): unknown
      close(): void
    }
    onupgradeneeded: (() => void) | null
    onsuccess: (() => void) | null
    onerror: (() => void) | null
    onblocked: (() => void) | null
  }
}
