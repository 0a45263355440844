import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PausableDeadline, PdfEngineHang, withDeadline } from './watchdog'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('withDeadline', () => {
  it('passes a timely result through and never fires', async () => {
    const onExpire = vi.fn()
    const result = withDeadline(Promise.resolve(7), 1_000, 'getPage', onExpire)
    await expect(result).resolves.toBe(7)
    vi.advanceTimersByTime(5_000)
    expect(onExpire).not.toHaveBeenCalled()
  })

  it('rejects a call that never settles and tells the owner once', async () => {
    const onExpire = vi.fn()
    const result = withDeadline(new Promise<never>(() => {}), 1_000, 'render', onExpire)
    const settled = expect(result).rejects.toBeInstanceOf(PdfEngineHang)
    vi.advanceTimersByTime(1_000)
    await settled
    expect(onExpire).toHaveBeenCalledTimes(1)
    expect(onExpire.mock.calls[0]?.[0]).toMatchObject({ step: 'render', timeoutMs: 1_000 })
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
