/**
 * The grounds the reviewer used last, newest first, for the number keys 1–9. A preference, not
 * library data, so it lives in localStorage and survives restarts without a schema change.
 */
import { pushRecent } from '@core/review/reviewActions'
import { useSyncExternalStore } from 'react'

const KEY = 'withheld.recentGrounds'
const EMPTY: readonly string[] = []
let cached: readonly string[] | null = null
const listeners = new Set<() => void>()

function read(): readonly string[] {
  if (cached) return cached
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]')
    cached = Array.isArray(parsed)
      ? parsed.filter((x): x is string => typeof x === 'string').slice(0, 9)
      : EMPTY
  } catch {
    cached = EMPTY
  }
  return cached
}

export function rememberGrounds(codes: readonly string[]): void {
  cached = pushRecent(read(), codes)
  try {
    localStorage.setItem(KEY, JSON.stringify(cached))
  } catch {
    // Quota or privacy mode: the list still works until the window closes.
  }
  for (const listener of listeners) listener()
}

export const useRecentGrounds = (): readonly string[] =>
  useSyncExternalStore((listener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }, read)
