import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Api } from '@shared/ipc'

const exposed = new Map<string, unknown>()
const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
const invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ files: [], rejected: [] }))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(listener)
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      listeners.get(channel)?.delete(listener)
  },
  webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' }
}))

const { EVENT_CHANNELS, INVOKE_CHANNELS } = await import('./index')
const api = exposed.get('api') as Api

const emit = (channel: string, ...args: unknown[]): void => {
  for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the IPC event' }, ...args)
}

describe('preload window.api', () => {
  beforeEach(() => invoke.mockClear())

  it('exposes exactly one object with the allowlisted functions', () => {
    expect([...exposed.keys()]).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual(
      [
        'cancelAnalysis',
        'beginBackup',
        'writeBackup',
        'finishBackup',
        'abortBackup',
        'listBackups',
        'openRestore',
        'readRestore',
        'closeRestore',
        'readWorkspaceMarker',
        'writeWorkspaceMarker',
        'closeReady',
        'onBeforeClose',
        'importDialog',
        'importDropped',
        'takeOpenedFiles',
        'onOpenedFilesWaiting',
        'onAnalysisEvent',
        'onMenuCommand',
        'saveReport',
        'showSavedReport',
        'startAnalysis'
      ].sort()
    )
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('invokes only allowlisted channels', async () => {
    const start = {
      jobId: 'j',
      bytes: new Uint8Array([1]),
      fileName: 'a.pdf',
      options: { revealLeaks: false }
    }
    await api.importDialog()
    await api.startAnalysis(start)
    await api.cancelAnalysis('j')
    await api.importDropped([{ name: 'a.pdf', path: '/home/u/a.pdf' } as unknown as File])
    const save = { baseName: 'r', outputs: [{ format: 'csv' as const, text: 'a' }] }
    await api.saveReport(save)
    await api.showSavedReport('s1')
    await api.takeOpenedFiles()
    expect(invoke.mock.calls).toEqual([
      ['pdf:import-dialog'],
      ['analysis:start', start],
      ['analysis:cancel', 'j'],
      ['pdf:import-dropped', ['/home/u/a.pdf']],
      ['report:save', save],
      ['report:show', 's1'],
      ['pdf:take-opened']
    ])
    for (const [channel] of invoke.mock.calls) expect(INVOKE_CHANNELS).toContain(channel)
  })

  it('refuses dropped Files without a path by name and skips the call when none has one', async () => {
    const result = await api.importDropped([{ name: 'made-in-js.pdf' } as unknown as File])
    expect(invoke).not.toHaveBeenCalled()
    expect(result).toEqual({
      files: [],
      rejected: [{ name: 'made-in-js.pdf', message: '“made-in-js.pdf” is not a file on this computer.' }]
    })
  })

  it('gives listeners the payload only and unsubscribes', () => {
    const menu = vi.fn()
    const analysis = vi.fn()
    const offMenu = api.onMenuCommand(menu)
    const offAnalysis = api.onAnalysisEvent(analysis)
    emit('menu:command', 'undo')
    emit('analysis:event', 'job-1', { type: 'done', regime: 'nz-oia' })
    expect(menu.mock.calls).toEqual([['undo']])
    expect(analysis.mock.calls).toEqual([['job-1', { type: 'done', regime: 'nz-oia' }]])
    expect(
      [...listeners.keys()].every((channel) => (EVENT_CHANNELS as readonly string[]).includes(channel))
    ).toBe(true)
    offMenu()
    offAnalysis()
    emit('menu:command', 'redo')
    expect(menu).toHaveBeenCalledTimes(1)
    expect([...listeners.values()].every((set) => set.size === 0)).toBe(true)
  })
})
