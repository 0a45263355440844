/**
 * A gate for tests that must see a long step while it runs (issue 10, point 12): the page's reads of
 * Blobs of one exact size (one stored PDF's bytes, read back from IndexedDB) wait until the test
 * releases them. An export drawing page pictures then stops at that document, its progress on the
 * screen, for as long as the test needs to look and press Cancel, however fast or slow the machine.
 * Patches `Blob.prototype.arrayBuffer` in the page until `release()`; nothing in the app changes.
 */
import type { Page } from 'playwright-core'

export interface BlobReadHold {
  /** Resolves once a read of that size is being held. */
  reached(): Promise<void>
  /** Lets the held read (and any later ones) through, and puts `arrayBuffer` back. */
  release(): Promise<void>
}

interface HoldState {
  holding: boolean
  release: () => void
}

type PageGlobals = {
  __withheldBlobHold?: HoldState
  Blob: { prototype: { arrayBuffer(this: { size: number }): Promise<ArrayBuffer> } }
}

export async function holdBlobReads(page: Page, byteSize: number): Promise<BlobReadHold> {
  await page.evaluate((size) => {
    const g = globalThis as unknown as PageGlobals
    const proto = g.Blob.prototype
    const original = proto.arrayBuffer
    let open!: () => void
    const released = new Promise<void>((resolve) => (open = resolve))
    const state: HoldState = {
      holding: false,
      release: () => {
        proto.arrayBuffer = original
        open()
      }
    }
    g.__withheldBlobHold = state
    proto.arrayBuffer = function (this: { size: number }) {
      if (this.size !== size) return original.call(this)
      state.holding = true
      return released.then(() => original.call(this))
    }
  }, byteSize)
  return {
    reached: async () => {
      await page.waitForFunction(
        () => (globalThis as unknown as PageGlobals).__withheldBlobHold?.holding === true,
        undefined,
        { timeout: 120_000 }
      )
    },
    release: async () => {
      await page.evaluate(() => {
        const g = globalThis as unknown as PageGlobals
        g.__withheldBlobHold?.release()
        delete g.__withheldBlobHold
      })
    }
  }
}
