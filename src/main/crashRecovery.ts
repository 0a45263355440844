/**
 * What to do when the renderer process dies (security.md E13): reload it, so the user is back in the
 * app with their work (it lives in IndexedDB, committed per action). A renderer that keeps dying, e.g.
 * on a document that crashes it at once, must not reload forever: after 3 crashes within 60 s, stop.
 */
export const MAX_RELOADS = 3
export const RELOAD_WINDOW_MS = 60_000

export type CrashDecision = 'reload' | 'give-up' | 'ignore'

/** `reason` is Electron's render-process-gone reason; `recentCrashesMs` the times of earlier crashes. */
export function decideAfterRendererGone(
  reason: string,
  recentCrashesMs: readonly number[],
  nowMs: number
): CrashDecision {
  // clean-exit: the window is closing or the app quitting, nothing to recover.
  if (reason === 'clean-exit') return 'ignore'
  const recent = recentCrashesMs.filter((timeMs) => nowMs - timeMs < RELOAD_WINDOW_MS)
  return recent.length >= MAX_RELOADS ? 'give-up' : 'reload'
}
