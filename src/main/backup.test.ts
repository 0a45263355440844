import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ BrowserWindow: {}, dialog: {} }))
const { installCloseGate } = await import('./backup')
const { defaultBackupName, withBackupExtension } = await import('./backupService')

class FakeWindow extends EventEmitter {
  closed = 0
  destroyed = false
  close(): void {
    const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) }
    this.emit('close', event)
    if (!event.defaultPrevented) {
      this.closed++
      this.destroyed = true
    }
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

describe('close gate', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('asks once, closes when the renderer is ready', () => {
    const window = new FakeWindow()
    const ask = vi.fn()
    const ready = installCloseGate(window, ask, 60_000)
    window.close()
    window.close()
    expect(ask).toHaveBeenCalledTimes(1)
    expect(window.closed).toBe(0)
    ready()
    expect(window.closed).toBe(1)
  })

  it('closes anyway after the timeout', () => {
    const window = new FakeWindow()
    installCloseGate(window, () => undefined, 60_000)
    window.close()
    vi.advanceTimersByTime(59_999)
    expect(window.closed).toBe(0)
    vi.advanceTimersByTime(1)
    expect(window.closed).toBe(1)
  })

  it('ignores a ready that nobody asked for', () => {
    const window = new FakeWindow()
    const ready = installCloseGate(window, () => undefined)
    ready()
    expect(window.closed).toBe(0)
  })
})

describe('backup file names', () => {
  it('proposes a dated name and adds the extension a Linux dialog leaves off', () => {
    expect(defaultBackupName(new Date(2026, 10, 8, 9))).toBe('Withheld workspace 2026-11-08.withheld-backup')
    expect(withBackupExtension('/home/u/mine')).toBe('/home/u/mine.withheld-backup')
    expect(withBackupExtension('/home/u/mine.WITHHELD-BACKUP')).toBe('/home/u/mine.WITHHELD-BACKUP')
  })
})
