// Launches the built app in real Electron (security.md "R" checks). Skips cleanly where the Electron
// binary is absent, as on CI machines without network: it is never downloaded from here.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findElectronBinary, repoRoot } from './electronBinary'

const binary = findElectronBinary()
const built = existsSync(join(repoRoot, 'out', 'main', 'index.js'))

describe.skipIf(binary === null || !built)(
  'Electron smoke (needs the Electron binary and `npm run build`)',
  () => {
    let app: ElectronApplication
    let page: Page

    beforeAll(async () => {
      const env = { ...process.env }
      delete env['ELECTRON_RENDERER_URL']
      app = await _electron.launch({ executablePath: binary!, args: [repoRoot], env, timeout: 60_000 })
      page = await app.firstWindow()
      await page.waitForLoadState('domcontentloaded')
    }, 90_000)

    afterAll(async () => {
      await app?.close()
    })

    it('serves the UI from app://withheld, not file://', () => {
      expect(page.url()).toMatch(/^app:\/\/withheld\//)
    })

    it('gives the page no Node and exactly the window.api functions', async () => {
      const probe = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        api: Object.keys((globalThis as unknown as { api: object }).api).sort()
      }))
      expect(probe).toEqual({
        require: 'undefined',
        process: 'undefined',
        api: [
          'cancelAnalysis',
          'importDialog',
          'importDropped',
          'onAnalysisEvent',
          'onMenuCommand',
          'startAnalysis'
        ]
      })
    })

    it('sends the CSP header, denies permissions, blocks the network and new windows', async () => {
      const result = await page.evaluate(async () => {
        const response = await fetch('/index.html')
        type Permissions = { query(q: { name: string }): Promise<{ state: string }> }
        const { permissions } = (globalThis as unknown as { navigator: { permissions: Permissions } })
          .navigator
        const geolocation = await permissions.query({ name: 'geolocation' })
        let network = 'allowed'
        try {
          await fetch('https://example.com/')
        } catch {
          network = 'blocked'
        }
        return {
          csp: response.headers.get('content-security-policy'),
          geolocation: geolocation.state,
          network,
          opened:
            (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/') === null
        }
      })
      expect(result.csp).toContain("default-src 'none'")
      expect(result.geolocation).toBe('denied')
      expect(result.network).toBe('blocked')
      expect(result.opened).toBe(true)
    })

    it('runs the main process sandboxed and single-instance', async () => {
      const facts = await app.evaluate(({ app: electronApp, BrowserWindow }) => ({
        ready: electronApp.isReady(),
        windows: BrowserWindow.getAllWindows().length,
        sandboxed: BrowserWindow.getAllWindows()[0]?.webContents.getLastWebPreferences()?.sandbox
      }))
      expect(facts).toEqual({ ready: true, windows: 1, sandboxed: true })
    })
  }
)
