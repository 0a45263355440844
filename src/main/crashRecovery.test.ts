import { describe, expect, it } from 'vitest'
import { decideAfterRendererGone, MAX_RELOADS, RELOAD_WINDOW_MS } from './crashRecovery'

describe('decideAfterRendererGone', () => {
  it('reloads after a crash, an OOM or a kill', () => {
    for (const reason of [
      'crashed',
      'oom',
      'killed',
      'abnormal-exit',
      'launch-failed',
      'integrity-failure'
    ]) {
      expect(decideAfterRendererGone(reason, [], 1000)).toBe('reload')
    }
  })

  it('does nothing on a clean exit', () => {
    expect(decideAfterRendererGone('clean-exit', [], 1000)).toBe('ignore')
  })

  it('gives up when the renderer keeps dying, and tries again once the burst is over', () => {
    const now = 10 * RELOAD_WINDOW_MS
    const burst = Array.from({ length: MAX_RELOADS }, (_, i) => now - 1000 * (i + 1))
    expect(decideAfterRendererGone('crashed', burst, now)).toBe('give-up')
    expect(decideAfterRendererGone('crashed', burst.slice(1), now)).toBe('reload')
    expect(decideAfterRendererGone('crashed', burst, now + RELOAD_WINDOW_MS)).toBe('reload')
  })
})
