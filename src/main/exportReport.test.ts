// The thin Electron side of export, with Electron mocked: which dialog for how many formats, what a
// cancel returns, "Show in folder" by id, and the print window's life (one per print, destroyed after,
// its document served from memory only while it prints).
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReportSaveRequest } from '@shared/ipc'
import type { MainServices } from './services'

const calls: string[] = []
let saveAnswer: { canceled: boolean; filePath?: string } = { canceled: true }
let openAnswer: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] }
let served: ((request: { url: string }) => Response) | null = null
let allow: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | null = null

vi.mock('electron', () => {
  class FakeWindow {
    webContents = {
      on: () => undefined,
      printToPDF: async (options: { pageSize: string }) => {
        calls.push(`printToPDF:${options.pageSize}`)
        return Buffer.from('%PDF-1.7 fake')
      }
    }
    constructor(options: { show: boolean; webPreferences: { javascript: boolean } }) {
      calls.push(`window:show=${options.show},js=${options.webPreferences.javascript}`)
    }
    loadURL = async (url: string) => {
      calls.push(`load:${served?.({ url }).status ?? 'no handler'}`)
    }
    destroy = () => calls.push('destroy')
    static fromWebContents = () => null
  }
  return {
    app: { getPath: () => '/home/u/Documents' },
    BrowserWindow: FakeWindow,
    dialog: {
      showSaveDialog: async (options: { defaultPath: string }) => {
        calls.push(`save:${options.defaultPath}`)
        return saveAnswer
      },
      showOpenDialog: async (options: { properties: string[] }) => {
        calls.push(`open:${options.properties.join(',')}`)
        return openAnswer
      }
    },
    shell: { showItemInFolder: (path: string) => calls.push(`show:${path}`) },
    session: {
      fromPartition: (name: string) => {
        calls.push(`partition:${name}`)
        return {
          setPermissionRequestHandler: () => undefined,
          setPermissionCheckHandler: () => undefined,
          setDevicePermissionHandler: () => undefined,
          setDisplayMediaRequestHandler: () => undefined,
          on: () => undefined,
          setSpellCheckerEnabled: () => undefined,
          webRequest: { onBeforeRequest: (f: typeof allow) => (allow = f) },
          protocol: { handle: (_scheme: string, f: typeof served) => (served = f) }
        }
      }
    }
  }
})

const { createElectronPrinter, wireReportIpc } = await import('./exportReport')

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>
const handlers = new Map<string, Handler>()
const registry = {
  handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
  dispose: () => handlers.clear()
}
const saved: unknown[] = []
const services = {
  saveReport: async (request: unknown, destination: unknown) => {
    saved.push(destination)
    return { status: 'saved', saveId: 's1', fileNames: [], folderName: 'x', request }
  },
  savedReportPath: (id: string) => (id === 's1' ? '/home/u/Documents/r.html' : null)
} as unknown as MainServices
wireReportIpc(registry as never, services)

const event = { sender: {} }
const one: ReportSaveRequest = { baseName: 'R/1', outputs: [{ format: 'csv', text: 'a' }] }
const several: ReportSaveRequest = {
  baseName: 'R',
  outputs: [
    { format: 'csv', text: 'a' },
    { format: 'json', text: '{}' }
  ]
}

describe('report:save and report:show', () => {
  beforeEach(() => {
    calls.length = 0
    saved.length = 0
  })

  it('asks for a file for one format, suggesting a safe name in Documents', async () => {
    saveAnswer = { canceled: false, filePath: '/tmp/r.csv' }
    await handlers.get('report:save')!(event, one)
    expect(calls).toEqual(['save:/home/u/Documents/R 1.csv'])
    expect(saved).toEqual([{ kind: 'file', path: '/tmp/r.csv' }])
  })

  it('asks for a folder for several formats, and a cancel writes nothing', async () => {
    openAnswer = { canceled: true, filePaths: [] }
    expect(await handlers.get('report:save')!(event, several)).toEqual({ status: 'cancelled' })
    expect(calls).toEqual(['open:openDirectory,createDirectory'])
    expect(saved).toEqual([])
    openAnswer = { canceled: false, filePaths: ['/tmp/out'] }
    await handlers.get('report:save')!(event, several)
    expect(saved).toEqual([{ kind: 'folder', path: '/tmp/out' }])
  })

  it('shows a saved report by its id, and nothing for an unknown id', async () => {
    await handlers.get('report:show')!(event, 'made-up')
    await handlers.get('report:show')!(event, 's1')
    expect(calls).toEqual(['show:/home/u/Documents/r.html'])
  })
})

describe('the Electron printer', () => {
  it('prints in a hidden window without JavaScript, serves the report only while printing, then destroys the window', async () => {
    calls.length = 0
    const print = createElectronPrinter(() => undefined)
    const pdf = await print('<p>r</p>', 'letter')
    expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF-1.7 fake')
    expect(calls).toEqual([
      'partition:withheld-print',
      'window:show=false,js=false',
      'load:200',
      'printToPDF:Letter',
      'destroy'
    ])
    // Afterwards the document is gone from memory and the filter lets nothing through.
    const url = 'app://print/anything.html'
    expect(served!({ url }).status).toBe(404)
    let cancelled: boolean | null = null
    allow!({ url }, (r) => (cancelled = r.cancel))
    expect(cancelled).toBe(true)
  })
})
