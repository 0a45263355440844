/**
 * No network (security.md V1): every request that is not for the app scheme is cancelled and noted in
 * a local log (userData/logs/blocked-requests.log), never sent anywhere. DevTools and the dev server
 * are let through only when the app is not packaged.
 */
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Session } from 'electron'
import { isAppUrl, type OriginContext } from './origins'

/** blob: and data: URLs never leave the process; blob: must still belong to the app's own origin. */
export function isAllowedRequestUrl(url: string, context: OriginContext): boolean {
  if (url.startsWith('data:')) return true
  if (url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length), context)
  if (isAppUrl(url, context)) return true
  if (context.packaged) return false
  if (url.startsWith('devtools://')) return true
  // Vite's HMR socket talks to the dev server over ws://.
  if (context.devServerUrl && url.startsWith('ws://')) {
    return isAppUrl(url.replace(/^ws:/, new URL(context.devServerUrl).protocol), context)
  }
  return false
}

export function installRequestFilter(
  session: Session,
  context: OriginContext,
  log: (line: string) => void
): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, context)
    if (!allowed) log(`blocked request (${details.resourceType}) to ${details.url.slice(0, 300)}`)
    callback({ cancel: !allowed })
  })
}

/** 1 MB of log is thousands of lines; past it the file is started again rather than growing forever. */
const MAX_LOG_BYTES = 1024 * 1024

/** A line logger writing to userData/logs/<name> and the console; it never throws. */
export function createLocalLog(userDataDir: string, name: string): (line: string) => void {
  const dir = join(userDataDir, 'logs')
  const file = join(dir, name)
  let written = 0
  return (line) => {
    const entry = `${new Date().toISOString()} ${line.replace(/[\r\n]+/g, ' ')}\n`
    console.warn(`withheld: ${line}`)
    try {
      mkdirSync(dir, { recursive: true })
      written += entry.length
      appendFileSync(file, entry, { flag: written > MAX_LOG_BYTES ? 'w' : 'a' })
      if (written > MAX_LOG_BYTES) written = entry.length
    } catch {
      // Logging must never take the app down (a read-only profile, a full disk).
    }
  }
}
