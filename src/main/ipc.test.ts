import { beforeEach, describe, expect, it, vi } from 'vitest'

const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
const windows = new Map<object, object>()

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
      handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel)
  },
  BrowserWindow: { fromWebContents: (contents: object) => windows.get(contents) ?? null }
}))

const { createIpcRegistry } = await import('./ipc')

function eventFrom(url: string | null, options: { subFrame?: boolean; foreignWindow?: boolean } = {}) {
  const mainFrame = { url }
  const sender = { mainFrame }
  const window = {}
  windows.set(sender, window)
  return {
    event: { sender, senderFrame: url === null ? null : options.subFrame ? { url } : mainFrame },
    window: options.foreignWindow ? {} : window
  }
}

describe('IPC registry', () => {
  beforeEach(() => handlers.clear())

  it('calls the handler with validated arguments for a trusted sender', async () => {
    const { event, window } = eventFrom('app://withheld/index.html')
    const registry = createIpcRegistry({ packaged: true }, new Set([window]) as never)
    const handler = vi.fn(async () => undefined)
    registry.handle('analysis:cancel', handler)
    await handlers.get('analysis:cancel')!(event, 'job-1')
    expect(handler).toHaveBeenCalledWith(event, 'job-1')
    registry.dispose()
    expect(handlers.size).toBe(0)
  })

  it.each([
    ['a destroyed frame', eventFrom(null)],
    ['a sub-frame', eventFrom('app://withheld/index.html', { subFrame: true })],
    ['a window we did not create', eventFrom('app://withheld/index.html', { foreignWindow: true })],
    ['a web origin', eventFrom('https://evil.example/')]
  ])('refuses %s before the handler runs', (_label, { event, window }) => {
    const registry = createIpcRegistry({ packaged: true }, new Set([window]) as never)
    const handler = vi.fn(async () => undefined)
    registry.handle('analysis:cancel', handler)
    expect(() => handlers.get('analysis:cancel')!(event, 'job-1')).toThrow(
      /refused a call from a frame outside the app/
    )
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses an invalid payload before the handler runs', () => {
    const { event, window } = eventFrom('app://withheld/index.html')
    const registry = createIpcRegistry({ packaged: true }, new Set([window]) as never)
    const handler = vi.fn(async () => ({ files: [], rejected: [] }))
    registry.handle('pdf:import-dropped', handler)
    expect(() => handlers.get('pdf:import-dropped')!(event, '/etc/passwd')).toThrow(/paths must be a list/)
    expect(handler).not.toHaveBeenCalled()
  })
})
