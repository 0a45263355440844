import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  resolveRendererFile,
  resolveRendererPath,
  responseHeaders
} from './protocolPolicy'

let base: string
let root: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'withheld-protocol-'))
  root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await mkdir(join(root, 'pdfjs', 'cmaps'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'export {}')
  await writeFile(join(root, 'assets', 'pdf.worker.mjs'), 'export {}')
  await writeFile(join(root, 'pdfjs', 'cmaps', 'UniJIS-UCS2-H.bcmap'), 'x')
  await writeFile(join(root, 'assets', 'style.css'), 'body{}')
  await writeFile(join(root, 'assets', 'name with space.wasm'), 'x')
  await writeFile(join(root, 'assets', 'notes.exe'), 'x')
  await writeFile(join(base, 'secret.js'), 'stolen')
  await symlink(join(base, 'secret.js'), join(root, 'assets', 'escape.js'))
  await symlink(join(root, 'assets', 'index-abc.js'), join(root, 'assets', 'alias.js'))
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

const served = async (url: string): Promise<string | null> => {
  const result = await resolveRendererFile(root, url)
  return result.status === 200 ? `${result.filePath.slice(root.length)} ${result.mimeType}` : null
}

describe('resolveRendererFile', () => {
  it('serves files inside the renderer folder with their MIME type', async () => {
    expect(await served('app://withheld/')).toBe('/index.html text/html; charset=utf-8')
    expect(await served('app://withheld')).toBe('/index.html text/html; charset=utf-8')
    expect(await served('app://withheld/index.html?x=1#top')).toBe('/index.html text/html; charset=utf-8')
    expect(await served('app://withheld/assets/index-abc.js')).toBe(
      '/assets/index-abc.js text/javascript; charset=utf-8'
    )
    expect(await served('app://withheld/assets/pdf.worker.mjs')).toBe(
      '/assets/pdf.worker.mjs text/javascript; charset=utf-8'
    )
    expect(await served('app://withheld/assets/style.css')).toBe('/assets/style.css text/css; charset=utf-8')
    expect(await served('app://withheld/pdfjs/cmaps/UniJIS-UCS2-H.bcmap')).toBe(
      '/pdfjs/cmaps/UniJIS-UCS2-H.bcmap application/octet-stream'
    )
    expect(await served('app://withheld/assets/name%20with%20space.wasm')).toBe(
      '/assets/name with space.wasm application/wasm'
    )
    expect(await served('app://withheld/assets/alias.js')).toBe(
      '/assets/index-abc.js text/javascript; charset=utf-8'
    )
  })

  it.each([
    ['parent segment', 'app://withheld/../secret.js'],
    ['nested parent segment', 'app://withheld/assets/../../secret.js'],
    ['encoded dots', 'app://withheld/%2e%2e/secret.js'],
    ['mixed encoded dots', 'app://withheld/assets/.%2E/%2e./secret.js'],
    ['encoded slash', 'app://withheld/..%2fsecret.js'],
    ['encoded backslash', 'app://withheld/..%5csecret.js'],
    ['backslash', 'app://withheld/..\\secret.js'],
    ['absolute path', `app://withheld/${base}/secret.js`],
    ['double slash', 'app://withheld//etc/passwd'],
    ['NUL', 'app://withheld/index.html%00.js'],
    ['bad escape', 'app://withheld/%E0%A4%A.js'],
    ['symlink escaping the root', 'app://withheld/assets/escape.js'],
    ['unknown type', 'app://withheld/assets/notes.exe'],
    ['directory', 'app://withheld/assets/'],
    ['missing file', 'app://withheld/nope.js'],
    ['wrong host', 'app://evil/index.html'],
    ['host prefix', 'app://withheld.evil/index.html'],
    ['other scheme', 'file:///etc/passwd'],
    ['https', 'https://withheld/index.html']
  ])('refuses %s', async (_label, url) => {
    expect(await resolveRendererFile(root, url)).toEqual({ status: 404 })
  })

  it('checks raw paths for the e2e server the same way', async () => {
    expect(await resolveRendererPath(root, '/assets/index-abc.js')).toMatchObject({ status: 200 })
    expect(await resolveRendererPath(root, '/assets/%2e%2e/%2e%2e/secret.js')).toEqual({ status: 404 })
    expect(await resolveRendererPath(root, 'assets/index-abc.js')).toEqual({ status: 404 })
  })
})

describe('scheme and headers', () => {
  it('registers a standard, secure, fetch-capable scheme without CORS or a CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: false,
      bypassCSP: false
    })
  })

  it('sends the strict CSP on every response', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; " +
        "img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'")
    expect(responseHeaders()['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(responseHeaders('text/javascript')['Content-Type']).toBe('text/javascript')
  })
})
