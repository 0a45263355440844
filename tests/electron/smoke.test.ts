// Launches the built app in real Electron (security.md "R" checks). Skips cleanly where the Electron
// binary is absent, as on CI machines without network: it is never downloaded from here.
// Page code is typed through globalThis casts: this project's tsconfig has no DOM library.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findElectronBinary, repoRoot } from './electronBinary'

const binary = findElectronBinary()
const built = existsSync(join(repoRoot, 'out', 'main', 'index.js'))

type PageGlobals = {
  api: object
  require?: unknown
  process?: unknown
  open(url: string): unknown
  navigator: { permissions: { query(q: { name: string }): Promise<{ state: string }> } }
}

describe.skipIf(binary === null || !built)(
  'Electron smoke (needs the Electron binary and `npm run build`)',
  () => {
    let app: ElectronApplication
    let page: Page

    beforeAll(async () => {
      // Without ELECTRON_RENDERER_URL the app serves its built renderer, as a packaged app does.
      const env = Object.fromEntries(
        Object.entries(process.env).filter(
          (pair): pair is [string, string] => pair[1] !== undefined && pair[0] !== 'ELECTRON_RENDERER_URL'
        )
      )
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
      const probe = await page.evaluate(() => {
        const page = globalThis as unknown as PageGlobals
        return {
          require: typeof page.require,
          process: typeof page.process,
          api: Object.keys(page.api).sort()
        }
      })
      expect(probe).toEqual({
        require: 'undefined',
        process: 'undefined',
        api: [
          'abortBackup',
          'beginBackup',
          'cancelAnalysis',
          'closeReady',
          'closeRestore',
          'finishBackup',
          'importDialog',
          'importDropped',
          'listBackups',
          'onAnalysisEvent',
          'onBeforeClose',
          'onMenuCommand',
          'onOpenedFilesWaiting',
          'openRestore',
          'readRestore',
          'readWorkspaceMarker',
          'saveReport',
          'showSavedReport',
          'startAnalysis',
          'takeOpenedFiles',
          'writeBackup',
          'writeWorkspaceMarker'
        ]
      })
    })

    it('sends the CSP header, denies permissions, blocks the network and new windows', async () => {
      const result = await page.evaluate(async () => {
        const page = globalThis as unknown as PageGlobals
        const response = await fetch('/index.html')
        const geolocation = await page.navigator.permissions.query({ name: 'geolocation' })
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
          opened: page.open('https://example.com/') === null
        }
      })
      expect(result.csp).toContain("default-src 'none'")
      expect(result.geolocation).toBe('denied')
      expect(result.network).toBe('blocked')
      expect(result.opened).toBe(true)
    })

    it('runs one window whose preload has no Node require (sandboxed renderer)', async () => {
      const facts = await app.evaluate(async ({ app: electronApp, BrowserWindow }) => {
        const windows = BrowserWindow.getAllWindows()
        return {
          ready: electronApp.isReady(),
          windows: windows.length,
          isolatedRequire: (await windows[0]?.webContents.executeJavaScript(
            'typeof require',
            true
          )) as unknown
        }
      })
      expect(facts).toEqual({ ready: true, windows: 1, isolatedRequire: 'undefined' })
    })

    it('prints a report to PDF in its hidden print window and saves it where the dialog said', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'withheld-electron-report-'))
      try {
        const target = join(dir, 'smoke.pdf')
        // The save dialog is main's; answer it from main, as a user would.
        await app.evaluate(({ dialog }, path) => {
          dialog.showSaveDialog = (() => Promise.resolve({ canceled: false, filePath: path })) as never
        }, target)
        const outcome = await page.evaluate(() => {
          const api = (globalThis as unknown as { api: { saveReport(r: unknown): Promise<unknown> } }).api
          return api.saveReport({
            baseName: 'smoke',
            outputs: [{ format: 'pdf', html: '<!doctype html><h1>Smoke report</h1>', paper: 'a4' }]
          })
        })
        expect(outcome).toMatchObject({ status: 'saved', fileNames: ['smoke.pdf'] })
        expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-')
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    it('imports a PDF a second launch hands over (second-instance argv, relative to its folder)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'withheld-electron-open-'))
      try {
        const doc = await PDFDocument.create()
        doc.addPage([595, 842])
        writeFileSync(join(dir, 'second launch.pdf'), await doc.save())
        // What Electron emits in the running instance when `withheld "second launch.pdf"` starts in dir.
        await app.evaluate(({ app: electronApp }, folder) => {
          electronApp.emit('second-instance', {}, ['withheld', '--no-sandbox', 'second launch.pdf'], folder)
        }, dir)
        await page
          .locator('[data-testid="document-row"]')
          .filter({ hasText: 'second launch.pdf' })
          .waitFor({ timeout: 60_000 })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  }
)
