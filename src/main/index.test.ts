// The bootstrap order in src/main/index.ts, with Electron mocked (security.md E1, E5, E12).
import { beforeEach, describe, expect, it, vi } from 'vitest'

const calls: string[] = []
let lockGranted = true

vi.mock('electron', () => {
  const app = {
    isPackaged: true,
    enableSandbox: () => calls.push('enableSandbox'),
    requestSingleInstanceLock: () => {
      calls.push('requestSingleInstanceLock')
      return lockGranted
    },
    quit: () => calls.push('quit'),
    on: (name: string) => calls.push(`on:${name}`),
    // Never resolves: these tests stop before 'ready'.
    whenReady: () => {
      calls.push('whenReady')
      return new Promise(() => undefined)
    }
  }
  return {
    app,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) =>
        calls.push(`registerSchemes:${JSON.stringify(schemes)}`)
    },
    BrowserWindow: { fromWebContents: () => null, getFocusedWindow: () => null },
    dialog: {},
    Menu: {},
    session: {},
    ipcMain: {},
    utilityProcess: {}
  }
})

describe('main bootstrap', () => {
  beforeEach(() => {
    calls.length = 0
    vi.resetModules()
  })

  it('registers the app scheme and enables the sandbox before asking for the lock', async () => {
    lockGranted = true
    await import('./index')
    expect(calls[0]).toBe(
      'registerSchemes:[{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true,' +
        '"corsEnabled":false,"stream":true,"allowServiceWorkers":false,"bypassCSP":false}}]'
    )
    expect(calls.slice(1, 3)).toEqual(['enableSandbox', 'requestSingleInstanceLock'])
    expect(calls).toContain('on:second-instance')
    expect(calls).toContain('whenReady')
    expect(calls).not.toContain('quit')
  })

  it('quits at once when another instance holds the lock', async () => {
    lockGranted = false
    await import('./index')
    expect(calls.slice(1)).toEqual(['enableSandbox', 'requestSingleInstanceLock', 'quit'])
  })
})
