import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PausableDeadline, PdfEngineHang, StallWatchdog } from './watchdog'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('StallWatchdog', () => {
  const make = () => {
    const onStall = vi.fn()
    return { onStall, watchdog: new StallWatchdog(1_000, onStall, () => Date.now()) }
  }

  it('passes results through and never fires when the worker answers', async () => {
    const { onStall, watchdog } = make()
    await expect(watchdog.track(Promise.resolve(7), 'getPage')).resolves.toBe(7)
    vi.advanceTimersByTime(5_000)
    expect(onStall).not.toHaveBeenCalled()
  })

  it('declares a hang when work is pending and nothing comes back, rejecting every pending call', async () => {
    const { onStall, watchdog } = make()
    const render = watchdog.track(new Promise<never>(() => {}), 'render')
    const text = watchdog.track(new Promise<never>(() => {}), 'text')
    const both = Promise.all([
      expect(render).rejects.toMatchObject({ name: 'PdfEngineHang', step: 'render' }),
      expect(text).rejects.toBeInstanceOf(PdfEngineHang)
    ])
    vi.advanceTimersByTime(1_250)
    await both
    expect(onStall).toHaveBeenCalledTimes(1)
    await expect(watchdog.track(Promise.resolve(1), 'getPage')).rejects.toBeInstanceOf(PdfEngineHang)
  })

  it('lets a call wait behind others as long as the worker keeps answering', async () => {
    const { onStall, watchdog } = make()
    let finishSlow: (value: string) => void = () => {}
    const slow = watchdog.track(new Promise<string>((resolve) => (finishSlow = resolve)), 'render')
    // Ten other pages finish one every 600 ms: 6 s in all, well past the 1 s stall limit.
    for (let i = 0; i < 10; i++) {
      let finish: () => void = () => {}
      const other = watchdog.track(new Promise<void>((resolve) => (finish = resolve)), 'render')
      vi.advanceTimersByTime(600)
      finish()
      await other
    }
    finishSlow('drawn')
    await expect(slow).resolves.toBe('drawn')
    expect(onStall).not.toHaveBeenCalled()
  })

  it('counts explicit activity (render chunks) as progress', () => {
    const { onStall, watchdog } = make()
    watchdog.track(new Promise<never>(() => {}), 'render').catch(() => {})
    for (let i = 0; i < 8; i++) {
      vi.advanceTimersByTime(500)
      watchdog.activity()
    }
    expect(onStall).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1_250)
    expect(onStall).toHaveBeenCalledTimes(1)
  })

  it('does not count idle time before a call', async () => {
    const { onStall, watchdog } = make()
    await watchdog.track(Promise.resolve(), 'getPage')
    vi.advanceTimersByTime(60_000)
    watchdog.track(new Promise<never>(() => {}), 'render').catch(() => {})
    vi.advanceTimersByTime(500)
    expect(onStall).not.toHaveBeenCalled()
  })
})

describe('PausableDeadline', () => {
  it('does not count time spent paused (the user typing a password)', () => {
    const onExpire = vi.fn()
    const deadline = new PausableDeadline(1_000, onExpire)
    vi.advanceTimersByTime(900)
    deadline.pause()
    vi.advanceTimersByTime(60_000)
    expect(onExpire).not.toHaveBeenCalled()
    deadline.resume()
    vi.advanceTimersByTime(999)
    expect(onExpire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onExpire).toHaveBeenCalledTimes(1)
  })

  it('stays quiet once stopped', () => {
    const onExpire = vi.fn()
    const deadline = new PausableDeadline(1_000, onExpire)
    deadline.stop()
    deadline.resume()
    vi.advanceTimersByTime(5_000)
    expect(onExpire).not.toHaveBeenCalled()
  })
})
