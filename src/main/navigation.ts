/**
 * Navigation lock (security.md E7, E8): the window never leaves the app origin, never opens another
 * window, never hosts a webview tag. A PDF's links (URI, GoToR, Launch actions) therefore go nowhere;
 * opening one in the browser needs `isSafeExternalUrl` plus a user confirmation.
 */
import type { WebContents } from 'electron'
import { isAppUrl, type OriginContext } from './origins'

/** Only web and mail links may ever be handed to the OS, and never with credentials in them. */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.username !== '' || parsed.password !== '') return false
  if (parsed.protocol === 'https:') return parsed.hostname !== ''
  if (parsed.protocol === 'mailto:') return parsed.pathname !== ''
  return false
}

interface PreventableEvent {
  preventDefault(): void
}

/** The will-navigate / will-frame-navigate / will-redirect decision, as a function of the target URL. */
export function shouldBlockNavigation(url: string, context: OriginContext): boolean {
  return !isAppUrl(url, context)
}

export function installNavigationGuards(
  contents: WebContents,
  context: OriginContext,
  log: (line: string) => void
): void {
  const guard = (event: PreventableEvent, url: string): void => {
    if (shouldBlockNavigation(url, context)) {
      event.preventDefault()
      log(`blocked navigation to ${url.slice(0, 300)}`)
    }
  }
  contents.on('will-navigate', (event) => guard(event, event.url))
  contents.on('will-frame-navigate', (event) => guard(event, event.url))
  contents.on('will-redirect', (event) => guard(event, event.url))
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log('blocked a webview tag')
  })
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked a new window for ${url.slice(0, 300)}`)
    return { action: 'deny' }
  })
}
