/**
 * Report export in Electron, thin: the one save dialog (a file for one format, a folder for several),
 * the PDF printer (printToPDF in a locked-down hidden window: the rules and why are in exportPdf.ts),
 * and "Show in folder". Writing the files is the services' job (src/node/reportFiles.ts, atomic).
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, session, shell, type Session } from 'electron'
import type { PaperSize, ReportSaveOutcome, ReportSaveRequest } from '@shared/ipc'
import {
  REPORT_EXTENSIONS,
  suggestedFileName,
  type PdfPrinter,
  type SaveDestination
} from '@node/reportFiles'
import {
  isPrintRequestAllowed,
  PRINT_CSP,
  PRINT_PARTITION,
  PRINT_TIMEOUT_MS,
  printDocumentUrl,
  printToPdfOptions,
  printWindowOptions
} from './exportPdf'
import type { IpcRegistry } from './ipc'
import { denyAllPermissions } from './permissions'
import type { MainServices } from './services'

const FORMAT_NAMES = { html: 'Web page', pdf: 'PDF', csv: 'CSV spreadsheet', json: 'JSON', md: 'Markdown' }

/** Reports being printed, by their app://print URL; served from memory, then forgotten. */
const printing = new Map<string, string>()
let printSession: Session | null = null

function preparePrintSession(log: (line: string) => void): Session {
  if (printSession) return printSession
  const ses = session.fromPartition(PRINT_PARTITION)
  denyAllPermissions(ses, log)
  ses.setSpellCheckerEnabled(false)
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isPrintRequestAllowed(details.url, new Set(printing.keys()))
    if (!allowed) log(`print window: blocked request to ${details.url.slice(0, 200)}`)
    callback({ cancel: !allowed })
  })
  ses.protocol.handle('app', (request) => {
    const html = printing.get(request.url)
    if (html === undefined) return new Response('Not found', { status: 404 })
    return new Response(html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CSP }
    })
  })
  printSession = ses
  return ses
}

export function createElectronPrinter(log: (line: string) => void): PdfPrinter {
  return async (html: string, paper: PaperSize) => {
    preparePrintSession(log)
    const url = printDocumentUrl(randomBytes(16).toString('hex'))
    printing.set(url, html)
    const window = new BrowserWindow(printWindowOptions())
    // The report never navigates; a link followed by accident must not load anything in this window.
    window.webContents.on('will-navigate', (event) => event.preventDefault())
    let timer: NodeJS.Timeout | undefined
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('printing took too long')), PRINT_TIMEOUT_MS)
      })
      await Promise.race([window.loadURL(url), timeout])
      const pdf = await Promise.race([window.webContents.printToPDF(printToPdfOptions(paper)), timeout])
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
    } finally {
      clearTimeout(timer)
      printing.delete(url)
      window.destroy()
    }
  }
}

/** The one dialog: Save As for a single format, a folder picker for several. Null when cancelled. */
async function chooseDestination(
  window: BrowserWindow | null,
  request: ReportSaveRequest
): Promise<SaveDestination | null> {
  const documents = app.getPath('documents')
  const [only] = request.outputs
  if (only && request.outputs.length === 1) {
    const options = {
      title: 'Save report',
      defaultPath: join(documents, suggestedFileName(request.baseName, only.format)),
      filters: [{ name: FORMAT_NAMES[only.format], extensions: [REPORT_EXTENSIONS[only.format]] }]
    }
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options)
    return choice.canceled || !choice.filePath ? null : { kind: 'file', path: choice.filePath }
  }
  const formats = request.outputs.map((o) => REPORT_EXTENSIONS[o.format]).join(', ')
  const options = {
    title: `Choose a folder for the report (${formats})`,
    buttonLabel: 'Save here',
    defaultPath: documents,
    properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[]
  }
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  const folder = choice.filePaths[0]
  return choice.canceled || !folder ? null : { kind: 'folder', path: folder }
}

export function wireReportIpc(registry: IpcRegistry, services: MainServices): void {
  registry.handle('report:save', async (event, request): Promise<ReportSaveOutcome> => {
    const destination = await chooseDestination(BrowserWindow.fromWebContents(event.sender), request)
    return destination ? services.saveReport(request, destination) : { status: 'cancelled' }
  })
  registry.handle('report:show', async (_event, saveId) => {
    const path = services.savedReportPath(saveId)
    if (path) shell.showItemInFolder(path)
  })
}
