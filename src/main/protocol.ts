/**
 * Registers the `app://withheld` scheme with Electron. The rules (which file, which headers) live in
 * protocolPolicy.ts, Electron-free, so the e2e server and unit tests apply exactly the same ones.
 */
import { readFile } from 'node:fs/promises'
import { protocol, type Session } from 'electron'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, resolveRendererFile, responseHeaders } from './protocolPolicy'

/** Must run before `app` is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }])
}

export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: responseHeaders() })
    }
    const file = await resolveRendererFile(rendererDir, request.url)
    if (file.status !== 200)
      return new Response('Not found', { status: 404, headers: responseHeaders('text/plain') })
    try {
      const body = await readFile(file.filePath)
      return new Response(request.method === 'HEAD' ? null : body, {
        headers: responseHeaders(file.mimeType)
      })
    } catch {
      return new Response('Not found', { status: 404, headers: responseHeaders('text/plain') })
    }
  })
}
