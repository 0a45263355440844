/**
 * Serves the built renderer (out/renderer) on 127.0.0.1 at a random port through the app's own
 * protocol rules: main's resolveRendererPath decides what may be served and responseHeaders puts the
 * same CSP on every response, so a CSP violation in these tests is one in the app.
 */
import { createReadStream } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolveRendererPath, responseHeaders } from '../../../src/main/protocolPolicy'

export interface StaticServer {
  readonly origin: string
  close(): Promise<void>
}

/** `port` 0 picks a free one; a relaunch passes the previous port, since IndexedDB is per origin. */
export async function startRendererServer(rootDir: string, port = 0): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const rawPath = (request.url ?? '/').replace(/[?#].*$/, '')
    void resolveRendererPath(rootDir, rawPath).then((file) => {
      if (file.status !== 200 || request.method !== 'GET') {
        response.writeHead(404, responseHeaders('text/plain; charset=utf-8')).end('Not found')
        return
      }
      response.writeHead(200, responseHeaders(file.mimeType))
      createReadStream(file.filePath).pipe(response)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  const bound = (server.address() as AddressInfo).port
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
