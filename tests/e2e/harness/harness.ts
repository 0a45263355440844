/**
 * The e2e harness: the built renderer in Debian Chromium, with `window.api` backed by main's real
 * services (src/main/services.ts: real import checks, real analysis worker processes). Each launch
 * gets a fresh profile directory (its own IndexedDB) unless a test passes one to relaunch on.
 *
 * What it enforces, for every test that uses it: no request leaves the local server's origin (each
 * one is recorded and aborted), no CSP violation, no uncaught page error. `close()` throws if any
 * happened, so a test cannot pass while the app misbehaves quietly.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import type { AnalysisStart, ImportResult, ReportSaveRequest } from '../../../src/shared/ipc'
import type { PdfPrinter, SaveDestination } from '../../../src/node/reportFiles'
import { createMainServices, type MainServices } from '../../../src/main/services'
import { createOpenRequests } from '../../../src/main/openRequests'
import type { RecentMenuEntry } from '../../../src/main/recentFiles'
import { nodeSpawner } from '../../../src/node/analysisHost'
import { ANALYSIS_WORKER, CHROMIUM, RENDERER_DIR, SCREENSHOT_DIR } from './paths'
import { createBackupBridge, type BackupBridge } from './backupBridge'
import { browserPid } from './kill'
import { startRendererServer, type StaticServer } from './server'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

/** 1280 × 800: the smallest laptop screen the layout promises to fit. */
export const VIEWPORT = { width: 1280, height: 800 } as const

export interface LaunchOptions {
  /** Reuse a profile (IndexedDB) from an earlier launch; default: a fresh temp directory. */
  readonly userDataDir?: string
  /** Passed to createMainServices: a small cap lets a test exercise the over-size refusal. */
  readonly maxPdfBytes?: number
  /**
   * false: analysis requests are accepted but never run, so documents stay "waiting". For viewer-only
   * tests of many hostile files, where analysis workers would only compete for the CPU (the scan side
   * of the same files has its own tests).
   */
  readonly analyse?: boolean
}

export interface Problems {
  readonly offOrigin: string[]
  readonly csp: string[]
  readonly pageErrors: string[]
  readonly consoleErrors: string[]
}

export interface App {
  readonly page: Page
  readonly context: BrowserContext
  readonly origin: string
  readonly userDataDir: string
  readonly problems: Problems
  /** The next importDialog() call returns these files (then the one after uses the next batch). */
  queueDialog(paths: readonly string[]): void
  /** Lets a synthetic drop of a File named like one of these paths' base names import that path. */
  registerDropFiles(paths: readonly string[]): void
  /**
   * Dispatches dragenter/dragover/drop on the window with Files of these names (content is not
   * used); `{ drop: false }` stops after dragover, with the files held over the window.
   */
  dropFiles(names: readonly string[], options?: { drop?: boolean }): Promise<void>
  /**
   * Imports files through the Import button (queued dialog) and waits until each one's library row
   * has reached one of `states` (default: analysis done). Returns the rows' document ids.
   */
  importViaDialog(paths: readonly string[], states?: readonly string[]): Promise<string[]>
  /** Clicks a document's name in the library and waits for the viewer to show it. */
  openDocument(name: string): Promise<void>
  /**
   * The next saveReport() call "chooses" this destination in its dialog (null: the user cancels).
   * Unqueued, the dialog is cancelled.
   */
  queueSaveDialog(destination: SaveDestination | null): void
  /** Paths main was asked to show in the file manager (report:show). */
  readonly shownInFolder: string[]
  /** Backups in the profile folder (as in userData), with a queue for their save/open dialogs. */
  readonly backups: BackupBridge
  /** Sends `backup:before-close` as main does when the window closes; resolves when the page answered. */
  beforeClose(): Promise<void>
  /**
   * SIGKILLs the Chromium browser process (no clean shutdown, like a crash or power-off of the app),
   * then releases the server and services. The profile stays for `launchApp({ userDataDir })`.
   */
  kill(): Promise<void>
  /** Sends a menu command as main's menu would. */
  menu(command: string): Promise<void>
  /**
   * PDFs the OS asks to open (`withheld x.pdf`, a second launch, macOS open-file, Open Recent): queued
   * in main's own open-request queue (src/main/openRequests.ts), which tells the page to take them.
   */
  openFromOs(paths: readonly string[]): void
  /** File › Open Recent as main would build it now. */
  recentFiles(): RecentMenuEntry[]
  screenshot(name: string): Promise<string>
  /** Waits for analyses the harness started to end (for tests that restart mid-way, or before close). */
  analysesSettled(): Promise<void>
  /** Closes the browser and services, removes the profile unless `keepProfile`; throws on recorded problems. */
  close(options?: { keepProfile?: boolean }): Promise<void>
}

export async function launchApp(options: LaunchOptions = {}): Promise<App> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'withheld-e2e-'))
  // IndexedDB belongs to an origin, and the origin includes the port: a profile keeps its port.
  const portFile = join(userDataDir, 'withheld-e2e-port')
  const previousPort = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : 0
  const server: StaticServer = await startRendererServer(RENDERER_DIR, previousPort)
  writeFileSync(portFile, new URL(server.origin).port)
  const saveQueue: (SaveDestination | null)[] = []
  const shownInFolder: string[] = []
  // Electron's printToPDF does not exist here: Chromium's own page.pdf prints the HTML the same way
  // (the CLI's approach), in a page of its own; the report's CSP (default-src 'none') runs no script.
  let printContext: BrowserContext | null = null
  const printPdf: PdfPrinter = async (html, paper) => {
    if (!printContext) throw new Error('the browser is not running')
    const page = await printContext.newPage()
    try {
      await page.setContent(html, { waitUntil: 'load' })
      const pdf = await page.pdf({
        format: paper === 'letter' ? 'Letter' : 'A4',
        preferCSSPageSize: true,
        printBackground: true
      })
      return new Uint8Array(pdf)
    } finally {
      await page.close()
    }
  }
  const services: MainServices = createMainServices({
    spawner: nodeSpawner(),
    workerEntry: ANALYSIS_WORKER,
    printPdf,
    ...(options.maxPdfBytes !== undefined ? { maxPdfBytes: options.maxPdfBytes } : {})
  })
  const backups = createBackupBridge(userDataDir)
  const problems: Problems = { offOrigin: [], csp: [], pageErrors: [], consoleErrors: [] }
  const dialogQueue: string[][] = []
  const dropPaths = new Map<string, string>()
  const running = new Set<Promise<unknown>>()
  // Main's queue and recent list for files the OS asks to open, kept in the profile as in userData.
  const recentPath = join(userDataDir, 'recent-files.json')
  let notifyOpened: () => void = () => undefined
  const opens = createOpenRequests({
    importPaths: (paths) => services.importPaths(paths),
    readRecent: async () => (existsSync(recentPath) ? readFileSync(recentPath, 'utf8') : null),
    writeRecent: async (text) => writeFileSync(recentPath, text),
    notifyWaiting: () => notifyOpened(),
    recentChanged: () => undefined
  })
  await opens.load()

  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: VIEWPORT,
      deviceScaleFactor: 1
    })
  } catch (error) {
    services.dispose()
    await server.close()
    throw error
  }

  printContext = context
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(`${server.origin}/`)) return route.continue()
    problems.offOrigin.push(url)
    return route.abort('blockedbyclient')
  })

  const encodeResult = (result: ImportResult) => ({
    files: result.files.map((f) => ({ ...f, bytes: Buffer.from(f.bytes).toString('base64') })),
    rejected: result.rejected
  })

  await context.exposeBinding('__withheldReport', (_source, kind: string, message: string) => {
    if (kind === 'csp') problems.csp.push(message)
  })

  await context.exposeBinding('__withheldCall', async (source, method: string, arg: unknown) => {
    switch (method) {
      case 'importDialog': {
        const paths = dialogQueue.shift() ?? []
        return encodeResult(await services.importPaths(paths))
      }
      case 'takeOpenedFiles':
        return encodeResult(await opens.take())
      case 'importDropped': {
        const names = arg as string[]
        const known = names.filter((n) => dropPaths.has(n))
        const result = await services.importPaths(known.map((n) => dropPaths.get(n)!))
        const unknown = names
          .filter((n) => !dropPaths.has(n))
          .map((name) => ({ name, message: `“${name}” is not a file on this computer.` }))
        return encodeResult({ files: result.files, rejected: [...result.rejected, ...unknown] })
      }
      case 'startAnalysis': {
        // Not analysing: answered as started, so the page never sends the bytes as well.
        if (options.analyse === false) return 'started'
        const wire = arg as Omit<AnalysisStart, 'bytes'> & { bytes?: string }
        const { bytes: wireBytes, ...rest } = wire
        const start: AnalysisStart =
          wireBytes === undefined
            ? rest
            : { ...rest, bytes: new Uint8Array(Buffer.from(wireBytes, 'base64')) }
        const page = source.page
        // Events go to the page in order; once it has navigated away they have no one to reach.
        let delivery = Promise.resolve()
        const started = await services.startAnalysis(start, (event) => {
          delivery = delivery
            .then(() =>
              page.evaluate(
                ([jobId, ev]) => {
                  ;(
                    globalThis as unknown as { __withheldDispatch: (...a: unknown[]) => void }
                  ).__withheldDispatch('analysis', jobId, ev)
                },
                [start.jobId, event] as const
              )
            )
            .catch(() => {})
        })
        const done = started.finished.then(() => delivery)
        running.add(done)
        void done.finally(() => running.delete(done))
        return started.status
      }
      case 'cancelAnalysis':
        services.cancelAnalysis(arg as string)
        return undefined
      case 'saveReport': {
        const destination = saveQueue.shift() ?? null
        if (!destination) return { status: 'cancelled' }
        return services.saveReport(arg as ReportSaveRequest, destination)
      }
      case 'showSavedReport': {
        const path = services.savedReportPath(arg as string)
        if (path) shownInFolder.push(path)
        return undefined
      }
      default: {
        const handled = backups.call(method, arg)
        if (handled) return handled
        throw new Error(`unknown api method ${method}`)
      }
    }
  })

  await context.addInitScript({ path: resolve(__dirname, 'pageBridge.js') })

  const page = context.pages()[0] ?? (await context.newPage())
  notifyOpened = () =>
    void page
      .evaluate(() =>
        (globalThis as unknown as { __withheldDispatch: (channel: string) => void }).__withheldDispatch(
          'opened'
        )
      )
      .catch(() => undefined)
  page.on('pageerror', (error) => problems.pageErrors.push(`${error.name}: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text())
  })
  try {
    await page.goto(`${server.origin}/index.html`)
  } catch (error) {
    services.dispose()
    await context.close()
    await server.close()
    throw error
  }

  const app: App = {
    page,
    context,
    origin: server.origin,
    userDataDir,
    problems,
    queueDialog: (paths) => void dialogQueue.push([...paths]),
    openFromOs: (paths) => opens.request(paths),
    recentFiles: () => opens.recentEntries(),
    queueSaveDialog: (destination) => void saveQueue.push(destination),
    shownInFolder,
    registerDropFiles: (paths) => paths.forEach((p) => dropPaths.set(basename(p), p)),
    async dropFiles(names, { drop = true } = {}) {
      const types = drop ? ['dragenter', 'dragover', 'drop'] : ['dragenter', 'dragover']
      await page.evaluate(
        ([fileNames, eventTypes]) => {
          const g = globalThis as unknown as {
            DataTransfer: new () => { items: { add(file: unknown): void } }
            File: new (parts: string[], name: string, options: { type: string }) => unknown
            DragEvent: new (type: string, init: object) => unknown
            dispatchEvent(event: unknown): boolean
          }
          const data = new g.DataTransfer()
          for (const name of fileNames)
            data.items.add(new g.File(['%PDF-'], name, { type: 'application/pdf' }))
          for (const type of eventTypes) {
            g.dispatchEvent(new g.DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }))
          }
        },
        [names, types] as const
      )
    },
    async importViaDialog(paths, states = ['done']) {
      app.queueDialog(paths)
      await page.getByTestId('import-button').click()
      const ids: string[] = []
      for (const name of paths.map((p) => basename(p))) {
        const row = page.getByTestId('document-row').filter({ hasText: name })
        await row.waitFor()
        await page.waitForFunction(
          ([id, wanted]) => {
            const doc = (
              globalThis as unknown as {
                document: { querySelector(s: string): { getAttribute(a: string): string | null } | null }
              }
            ).document
            const state = doc.querySelector(`[data-document-id="${id}"]`)?.getAttribute('data-state')
            return state !== undefined && state !== null && wanted.includes(state)
          },
          [(await row.getAttribute('data-document-id')) ?? '', [...states]] as const,
          { timeout: 120_000 }
        )
        ids.push((await row.getAttribute('data-document-id')) ?? '')
      }
      return ids
    },
    async openDocument(name) {
      await page
        .getByTestId('document-row')
        .filter({ hasText: name })
        .getByRole('button', { name, exact: true })
        .click()
      await page.locator('.document-viewer').waitFor()
    },
    async menu(command) {
      await page.evaluate((c) => {
        ;(globalThis as unknown as { __withheldDispatch: (...a: unknown[]) => void }).__withheldDispatch(
          'menu',
          c
        )
      }, command)
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path })
      return path
    },
    async analysesSettled() {
      while (running.size) await Promise.allSettled([...running])
    },
    backups,
    async beforeClose() {
      const before = backups.closeReadyCount
      await page.evaluate(() => {
        ;(globalThis as unknown as { __withheldDispatch: (...a: unknown[]) => void }).__withheldDispatch(
          'close'
        )
      })
      // Waits on the answer itself; the test's own timeout ends a page that never answers.
      await backups.closeReadyReached(before + 1)
    },
    async kill() {
      const pid = browserPid(userDataDir)
      const closed = new Promise<void>((resolve) => context.once('close', () => resolve()))
      process.kill(pid, 'SIGKILL')
      await closed
      services.dispose()
      await backups.dispose()
      await server.close()
    },
    async close({ keepProfile = false } = {}) {
      services.dispose()
      await backups.dispose()
      await context.close()
      await server.close()
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true })
      if (problems.consoleErrors.length) console.warn(`console errors:\n${problems.consoleErrors.join('\n')}`)
      assertClean(problems)
    }
  }
  return app
}

export function assertClean(problems: Problems): void {
  const lines = [
    ...problems.offOrigin.map((u) => `request outside the app origin: ${u}`),
    ...problems.csp.map((m) => `CSP violation: ${m}`),
    ...problems.pageErrors.map((m) => `page error: ${m}`)
  ]
  if (lines.length) throw new Error(`The app misbehaved:\n${lines.join('\n')}`)
}
