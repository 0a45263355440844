/**
 * IndexedDB failures in words a user can act on. The one that matters most is a full disk: Chromium
 * raises QuotaExceededError, which Dexie wraps in an AbortError of the transaction (Dexie #776, #514;
 * security.md D2). Every transaction is atomic, so the message can promise that earlier work is safe.
 */
interface ErrorLike {
  name?: unknown
  message?: unknown
  inner?: unknown
}

const nameOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as ErrorLike).name === 'string'
    ? ((error as ErrorLike).name as string)
    : ''

/** True for a quota error, bare or wrapped (possibly twice) by Dexie. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as ErrorLike).inner, depth++) {
    if (nameOf(e) === 'QuotaExceededError') return true
  }
  return false
}

/** One sentence for a toast: what failed, and what that means for the user's data. */
export function describeDbError(action: string, error: unknown): string {
  if (isQuotaError(error)) {
    return `${action} failed: the disk is full. Everything saved before this is safe; free some space and try again.`
  }
  const name = nameOf(error)
  if (name === 'DatabaseClosedError') {
    return `${action} failed: the library was closed (another Withheld window may have upgraded it). Reload the window.`
  }
  const message =
    typeof error === 'object' && error !== null && typeof (error as ErrorLike).message === 'string'
      ? ((error as ErrorLike).message as string)
      : String(error)
  return `${action} failed: ${message}`
}
