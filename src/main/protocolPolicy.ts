/**
 * What the `app://withheld` scheme serves, without Electron (security.md E5, E6): only files inside
 * the built renderer folder, only known file types, always with the strict CSP as a response header
 * (a worker takes its CSP from its own response, so the pdf.js worker script gets it too).
 * src/main/protocol.ts registers this with Electron; the e2e static server reuses it so Chromium
 * tests see exactly the app's rules.
 */
import { realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'withheld'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/** `protocol.registerSchemesAsPrivileged` privileges: standard + secure give the page IndexedDB. */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  stream: true,
  allowServiceWorkers: false,
  bypassCSP: false
})

/** security.md E6. 'wasm-unsafe-eval': pdf.js ≥ 5.7 decodes JPX/ICC/PostScript in wasm; no 'unsafe-eval'. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** Only these extensions are served; anything else is a 404 even when the file exists. */
export const MIME_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.icc': 'application/vnd.iccprofile',
  '.pfb': 'application/x-font-type1',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8'
})

/** Headers on every response, 404s included. */
export function responseHeaders(mimeType?: string): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
    ...(mimeType ? { 'Content-Type': mimeType } : {})
  }
}

export type RendererFile =
  { readonly status: 200; readonly filePath: string; readonly mimeType: string } | { readonly status: 404 }

const NOT_FOUND = { status: 404 } as const

const inside = (root: string, candidate: string): boolean => {
  const rel = relative(root, candidate)
  return rel === '' ? false : !rel.startsWith('..') && !isAbsolute(rel)
}

/**
 * Maps a raw URL path (still percent-encoded, query and fragment removed) to a file inside `rootDir`.
 * Refused: `.`/`..` segments in any spelling, encoded `/` or `\`, backslashes, NUL, control characters,
 * paths that leave the root, and symlinks whose target is outside it.
 */
export async function resolveRendererPath(rootDir: string, rawPath: string): Promise<RendererFile> {
  if (!rawPath.startsWith('/') || rawPath.startsWith('//')) return NOT_FOUND
  if (/%2f|%5c|%00|\\/i.test(rawPath)) return NOT_FOUND
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return NOT_FOUND
  }
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return NOT_FOUND
  const segments = decoded.split('/').slice(1)
  if (segments.some((segment) => segment === '.' || segment === '..')) return NOT_FOUND
  const relativePath = decoded === '/' ? 'index.html' : decoded.slice(1)
  if (relativePath === '' || relativePath.endsWith('/')) return NOT_FOUND
  const mimeType = MIME_TYPES[extname(relativePath).toLowerCase()]
  if (!mimeType) return NOT_FOUND

  const root = resolve(rootDir)
  const candidate = resolve(root, ...relativePath.split('/'))
  if (!inside(root, candidate)) return NOT_FOUND
  try {
    // Symlinks: compare real paths, so a link inside dist pointing at /etc stays unreachable.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)])
    if (!inside(realRoot, realFile) || !realFile.startsWith(realRoot + sep)) return NOT_FOUND
    if (!(await stat(realFile)).isFile()) return NOT_FOUND
    return { status: 200, filePath: realFile, mimeType }
  } catch {
    return NOT_FOUND
  }
}

/** Splits `app://withheld/path?query#hash` without normalising the path (the URL class would fold `..`). */
const APP_URL = /^app:\/\/([^/?#]*)([^?#]*)/i

/** Resolves a full request URL: only `app://withheld/...`; anything else, or a bad path, is a 404. */
export async function resolveRendererFile(rootDir: string, requestUrl: string): Promise<RendererFile> {
  const match = APP_URL.exec(requestUrl)
  if (!match || match[1]!.toLowerCase() !== APP_HOST) return NOT_FOUND
  return resolveRendererPath(rootDir, match[2] === '' ? '/' : match[2]!)
}
