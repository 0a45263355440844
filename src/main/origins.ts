/**
 * Which origins count as "the app" (security.md E3, E7, V1): `app://withheld` always, the electron-vite
 * dev server only when not packaged. Origins are compared after parsing with the URL class, never with
 * `startsWith` (`app://withheld.evil.com` must not pass). Electron-free.
 */
import { APP_ORIGIN } from './protocolPolicy'

export interface OriginContext {
  readonly packaged: boolean
  /** electron-vite's `ELECTRON_RENDERER_URL` in `npm run dev`; ignored when packaged. */
  readonly devServerUrl?: string | undefined
}

/** scheme://host[:port] in lower case, or null for an unparsable URL. Node's URL gives 'null' as the
 *  origin of custom schemes, so it is rebuilt from protocol and host. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    if (parsed.host === '') return null
    return `${parsed.protocol}//${parsed.host}`.toLowerCase()
  } catch {
    return null
  }
}

export function appOrigins({ packaged, devServerUrl }: OriginContext): readonly string[] {
  const dev = !packaged && devServerUrl ? originOf(devServerUrl) : null
  return dev ? [APP_ORIGIN, dev] : [APP_ORIGIN]
}

export function isAppUrl(url: string, context: OriginContext): boolean {
  const origin = originOf(url)
  return origin !== null && appOrigins(context).includes(origin)
}
