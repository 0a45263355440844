/**
 * The Electron main process, kept thin: it hardens the session, serves the UI from app://withheld,
 * opens the one window and wires IPC to the Electron-free services (src/main/services.ts). Every
 * decision with a rule in it lives in a pure module beside this one, with its own tests.
 * No crash reporter, no auto-updater, no networking (security.md V4, V5).
 */
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, Menu, session, type WebContents } from 'electron'
import type { ImportResult, MenuCommand } from '@shared/ipc'
import { decideAfterRendererGone } from './crashRecovery'
import { WORKSPACE_SCHEMA_VERSION } from '@core/backup/format'
import { createBackupStore } from '@node/backupStore'
import { writeFileAtomic } from '@node/atomicWrite'
import { electronBackupDialogs, installCloseGate, wireBackupIpc } from './backup'
import { createBackupService, type BackupService } from './backupService'
import { createIpcRegistry, send } from './ipc'
import { createElectronPrinter, wireReportIpc } from './exportReport'
import { JobOwners } from './jobOwners'
import { pdfPathsFromArgv } from './launchArgs'
import { createOpenRequests, type OpenRequests } from './openRequests'
import { buildMenuTemplate } from './menu'
import { installNavigationGuards } from './navigation'
import { createLocalLog, installRequestFilter } from './network'
import type { OriginContext } from './origins'
import { denyAllPermissions } from './permissions'
import { registerAppScheme, serveRenderer } from './protocol'
import { APP_INDEX_URL, APP_ORIGIN } from './protocolPolicy'
import { createMainServices, type MainServices } from './services'
import { utilitySpawner } from './utilitySpawner'
import { buildWindowOptions } from './window'

const here = dirname(fileURLToPath(import.meta.url))
const packaged = app.isPackaged
const context: OriginContext = {
  packaged,
  devServerUrl: packaged ? undefined : process.env['ELECTRON_RENDERER_URL']
}

/** An app-origin folder that does not exist: a dictionary download would get a 404, never the CDN. */
const NO_DICTIONARIES_URL = `${APP_ORIGIN}/no-spellcheck-dictionaries/`

const ourWindows = new Set<BrowserWindow>()
let mainWindow: BrowserWindow | null = null

const NO_IMPORT: ImportResult = { files: [], rejected: [] }

function hardenSession(log: (line: string) => void): void {
  const defaultSession = session.defaultSession
  denyAllPermissions(defaultSession, log)
  installRequestFilter(defaultSession, context, log)
  // Electron fetches spellchecker dictionaries from a Google CDN otherwise (security.md V4). Off, and
  // should anything turn it back on, the download URL points into the app, which serves no dictionary.
  defaultSession.setSpellCheckerEnabled(false)
  defaultSession.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARIES_URL)
  serveRenderer(defaultSession, join(here, '..', 'renderer'))
}

function createWindow(log: (line: string) => void): BrowserWindow {
  const window = new BrowserWindow(
    buildWindowOptions({ packaged, preloadPath: join(here, '..', 'preload', 'index.cjs') })
  )
  ourWindows.add(window)
  const contents = window.webContents
  installNavigationGuards(contents, context, log)
  window.once('ready-to-show', () => window.show())

  const crashes: number[] = []
  contents.on('render-process-gone', (_event, details) => {
    const decision = decideAfterRendererGone(details.reason, crashes, Date.now())
    log(`renderer gone (${details.reason}, exit code ${details.exitCode}): ${decision}`)
    crashes.push(Date.now())
    if (decision === 'reload') contents.reload()
    else if (decision === 'give-up') {
      dialog.showErrorBox(
        'Withheld',
        'The window stopped working several times in a row. Your work is saved; restart Withheld to go on.'
      )
    }
  })
  // A renderer that stops answering (Chromium's hang monitor) is noted; the work itself stays in IndexedDB.
  window.on('unresponsive', () => log('window unresponsive'))
  window.on('responsive', () => log('window responsive again'))
  // A reload (crash recovery, or DevTools in development) starts a new page that knows nothing of the
  // jobs the old one started; it re-queues unfinished documents itself, so the old jobs are cancelled.
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) cancelJobsOf(contents)
  })
  window.on('closed', () => {
    ourWindows.delete(window)
    if (mainWindow === window) mainWindow = null
    cancelJobsOf(contents)
  })
  void window.loadURL(context.devServerUrl ?? APP_INDEX_URL)
  return window
}

const jobOwners = new JobOwners<WebContents>()
let cancelJob: (jobId: string) => void = () => undefined
function cancelJobsOf(contents: WebContents): void {
  for (const jobId of jobOwners.releaseAll(contents)) cancelJob(jobId)
}

function wireIpc(services: MainServices, backup: BackupService, opens: OpenRequests): void {
  const registry = createIpcRegistry(context, ourWindows)
  registry.handle('pdf:import-dialog', async (event) => {
    const window = BrowserWindow.fromWebContents(event.sender)
    const options = {
      title: 'Import PDFs',
      properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
      filters: [{ name: 'PDF', extensions: ['pdf'] }]
    }
    const choice = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options)
    return choice.canceled ? NO_IMPORT : opens.importRemembered(choice.filePaths)
  })
  registry.handle('pdf:import-dropped', (_event, paths) => opens.importRemembered(paths))
  registry.handle('pdf:take-opened', () => opens.take())
  registry.handle('analysis:start', async (event, start) => {
    const owner = event.sender
    if (!jobOwners.claim(start.jobId, owner))
      throw new Error('analysis:start: this job id is already in use.')
    const { status, finished } = await services.startAnalysis(start, (analysisEvent) =>
      send(owner, 'analysis:event', start.jobId, analysisEvent)
    )
    void finished.then(() => jobOwners.release(start.jobId, owner))
    return status
  })
  registry.handle('analysis:cancel', async (event, jobId) => {
    // A window may cancel only its own jobs.
    if (jobOwners.release(jobId, event.sender)) services.cancelAnalysis(jobId)
  })
  cancelJob = (jobId) => services.cancelAnalysis(jobId)
  wireReportIpc(registry, services)
  wireBackupIpc(registry, backup, () => closeReady())
}

// The renderer's answer to backup:before-close; set per window by installCloseGate.
let closeReady: () => void = () => undefined

const focusedWindow = (): BrowserWindow | null => {
  const window = BrowserWindow.getFocusedWindow() ?? mainWindow
  return window && ourWindows.has(window) ? window : null
}

function installMenu(opens: OpenRequests): void {
  const sendCommand = (command: MenuCommand): void => {
    const window = focusedWindow()
    if (window) send(window.webContents, 'menu:command', command)
  }
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: process.platform === 'darwin',
        send: sendCommand,
        recent: opens.recentEntries(),
        openRecent: (path) => opens.request([path]),
        clearRecent: () => {
          opens.clearRecent()
          app.clearRecentDocuments()
        },
        // The system print dialog over the window as shown; print CSS (styles/print.css) drops the chrome.
        print: () => focusedWindow()?.webContents.print({ printBackground: true })
      })
    )
  )
}

/** Paths asked for before the services exist (macOS `open-file` comes before `ready`). */
const earlyOpens: string[] = []
let opens: OpenRequests | null = null
const requestOpen = (paths: readonly string[]): void => {
  if (opens) opens.request(paths)
  else earlyOpens.push(...paths)
}

function bringToFront(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

function start(): void {
  // `withheld brief.pdf`, or a double-click on a PDF (file associations) while no instance runs.
  requestOpen(pdfPathsFromArgv(process.argv, process.cwd()))
  // The same while Withheld runs: the second launch quits and hands its argv over to this one.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    requestOpen(pdfPathsFromArgv(argv, workingDirectory))
    bringToFront()
  })
  // macOS opens files through an event, not argv (Finder, the Dock, `open -a Withheld x.pdf`).
  app.on('open-file', (event, path) => {
    event.preventDefault()
    requestOpen(pdfPathsFromArgv(['withheld', '--', path], '/'))
    bringToFront()
  })
  // Any WebContents, even one we did not expect, gets no new windows and no webview tag.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })

  void app.whenReady().then(() => {
    const log = createLocalLog(app.getPath('userData'), 'withheld.log')
    hardenSession(log)
    // Help › About (the app menu on a Mac): all local, no update check, no links fetched.
    app.setAboutPanelOptions({
      applicationName: 'Withheld',
      applicationVersion: app.getVersion(),
      copyright: 'MIT licence',
      credits: 'Review the redactions in government information releases. Works offline; sends nothing.'
    })
    const services = createMainServices({
      spawner: utilitySpawner(),
      workerEntry: join(here, 'analysisWorker.js'),
      printPdf: createElectronPrinter(log)
    })
    const backupStore = createBackupStore({
      userDataDir: app.getPath('userData'),
      maxSchemaVersion: WORKSPACE_SCHEMA_VERSION
    })
    void backupStore.cleanUp()
    const backup = createBackupService(backupStore, electronBackupDialogs())
    const recentPath = join(app.getPath('userData'), 'recent-files.json')
    const openRequests = createOpenRequests({
      importPaths: (paths) => services.importPaths(paths),
      readRecent: () => readFile(recentPath, 'utf8').catch(() => null),
      writeRecent: (text) => writeFileAtomic(recentPath, text),
      notifyWaiting: () => {
        if (mainWindow) send(mainWindow.webContents, 'pdf:opened-waiting')
      },
      recentChanged: (added) => {
        // The OS's own recent list too (macOS Dock, Windows jump list).
        if (added) app.addRecentDocument(added)
        installMenu(openRequests)
      }
    })
    wireIpc(services, backup, openRequests)
    installMenu(openRequests)
    void openRequests.load()
    opens = openRequests
    requestOpen(earlyOpens.splice(0))
    mainWindow = createWindow(log)
    // A final automatic backup when the window closes with unsaved changes (the renderer decides).
    const window = mainWindow
    closeReady = installCloseGate(window, () => {
      // A crashed page cannot answer: close without waiting for the timeout.
      if (window.webContents.isCrashed()) setTimeout(() => closeReady(), 0)
      else send(window.webContents, 'backup:before-close')
    })
    app.on('window-all-closed', () => {
      services.dispose()
      app.quit()
    })
    app.on('before-quit', () => {
      services.dispose()
      void backup.dispose()
    })
  })
}

// Both must happen before 'ready': privileged schemes and the sandbox for every renderer.
registerAppScheme()
app.enableSandbox()

// One instance only: two processes on one IndexedDB store corrupt it (Dexie #859, security.md E12).
if (app.requestSingleInstanceLock()) start()
else app.quit()
