// Static checks over the source tree, package.json and the built bundles (security.md E1, E5, E11,
// D1, P2, P3, V4, V5, X3): settings and
// modules that must never appear, whatever a future change intends.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from './protocolPolicy'

const repoRoot = resolve(import.meta.dirname, '..', '..')
const srcDir = join(repoRoot, 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|html|mjs|js)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

const files = sourceFiles(srcDir).map((path) => ({
  path: relative(repoRoot, path),
  text: readFileSync(path, 'utf8')
}))

const FORBIDDEN: [string, RegExp][] = [
  ['nodeIntegration: true', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
  ['sandbox: false', /sandbox\s*:\s*false/],
  ['contextIsolation: false', /contextIsolation\s*:\s*false/],
  ['webSecurity: false', /webSecurity\s*:\s*false/],
  ['allowRunningInsecureContent: true', /allowRunningInsecureContent\s*:\s*true/],
  ['experimentalFeatures', /experimentalFeatures\s*:/],
  ['enableBlinkFeatures', /enableBlinkFeatures\s*:/],
  ['webviewTag: true', /webviewTag\s*:\s*true/],
  ['<webview', /<webview/i],
  ['loadFile(', /\.loadFile\(/],
  ['file:// UI', /loadURL\(\s*['"`]file:/],
  ['disable-web-security', /disable-web-security/],
  ['no-sandbox switch', /appendSwitch\(\s*['"]no-sandbox/],
  ['crashReporter (any use)', /\bcrashReporter\b/],
  ['autoUpdater', /\bautoUpdater\b/],
  ['an updater package', /from\s*['"](electron-updater|update-electron-app|electron-simple-updater)['"]/],
  ['spellcheck: true', /spellcheck\s*:\s*true/],
  ['setSpellCheckerEnabled(true)', /setSpellCheckerEnabled\(\s*true/],
  ['navigator.sendBeacon', /sendBeacon\(/],
  ['WebSocket or EventSource', /new\s+(WebSocket|EventSource)\(/],
  ['fetch of a remote URL', /fetch\(\s*['"`](https?|wss?|ftp):/],
  ['electron net module', /import\s*\{[^}]*\bnet\b[^}]*\}\s*from\s*['"]electron['"]/],
  ['Node networking', /from\s*['"](node:)?(http|https|net|tls|dns|undici)['"]/],
  ['shell.openExternal without the URL check', /shell\.openExternal\((?![^)]*isSafeExternalUrl)/]
]

describe('static security checks over src/', () => {
  it('finds source files to check', () => {
    expect(files.length).toBeGreaterThan(20)
    expect(files.some((file) => file.path === 'src/main/window.ts')).toBe(true)
  })

  it.each(FORBIDDEN)('no %s', (_label, pattern) => {
    const offenders = files.filter((file) => pattern.test(file.text)).map((file) => file.path)
    expect(offenders).toEqual([])
  })

  it('registers IPC handlers only through src/main/ipc.ts', () => {
    const offenders = files
      .filter((file) => /ipcMain\s*\.\s*(handle|on|once)\(/.test(file.text))
      .map((file) => file.path)
    expect(offenders.filter((path) => path !== 'src/main/ipc.ts')).toEqual([])
  })

  it('touches ipcRenderer only in the preload', () => {
    const offenders = files.filter((file) => /\bipcRenderer\b/.test(file.text)).map((file) => file.path)
    expect(offenders.filter((path) => !path.startsWith('src/preload/'))).toEqual([])
  })
})

describe('spellchecker (security.md V4)', () => {
  const index = files.find((file) => file.path === 'src/main/index.ts')!.text
  const window = files.find((file) => file.path === 'src/main/window.ts')!.text

  it('is off in the session and in the window, and can never download a remote dictionary', () => {
    expect(index).toMatch(/defaultSession\.setSpellCheckerEnabled\(false\)/)
    expect(index).toMatch(/defaultSession\.setSpellCheckerDictionaryDownloadURL\(NO_DICTIONARIES_URL\)/)
    // The download base is inside the app's own origin, which serves no dictionaries.
    expect(index).toMatch(/const NO_DICTIONARIES_URL = `\$\{APP_ORIGIN\}\/[^`]+\/`/)
    expect(window).toMatch(/spellcheck: false/)
  })

  it('is never pointed anywhere else', () => {
    const calls = files.filter((file) => /setSpellCheckerDictionaryDownloadURL\(/.test(file.text))
    expect(calls.map((file) => file.path)).toEqual(['src/main/index.ts'])
  })
})

describe('dependency allowlist (security.md V4)', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })

  it.each([
    [
      'telemetry and crash upload',
      /^(@sentry\/|sentry|posthog|mixpanel|@segment\/|analytics|@amplitude\/|@datadog\/|bugsnag|@bugsnag\/|newrelic|applicationinsights|@opentelemetry\/)/
    ],
    ['auto-updaters', /^(electron-updater|update-electron-app|electron-simple-updater)$/],
    ['remote fetchers in the app', /^(axios|node-fetch|got|request|superagent|ky)$/]
  ])('has no %s', (_label, pattern) => {
    expect(names.filter((name) => pattern.test(name))).toEqual([])
  })
})

describe('the app origin never changes (security.md D1)', () => {
  it('is app://withheld, where every user’s IndexedDB lives', () => {
    // Changing scheme or host (or moving to file://) would open an empty database for every user.
    expect(APP_ORIGIN).toBe('app://withheld')
  })
})

describe('no jsPDF and no AcroForm writing (security.md X3)', () => {
  it('exports without jsPDF, so its AcroForm injection bugs cannot reach a report', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>
    }
    expect(Object.keys(pkg.dependencies ?? {}).filter((name) => /jspdf/i.test(name))).toEqual([])
    expect(files.filter((file) => /from\s*['"]jspdf['"]/.test(file.text)).map((f) => f.path)).toEqual([])
    // The leak audit's reader looks up a release's /AcroForm to read its field values (issue 13);
    // nothing else in the app may name one, and nothing writes one.
    expect(
      files
        .filter((file) => /\bAcroForm\b/.test(file.text) && !file.path.startsWith('src/core/audit/'))
        .map((f) => f.path)
    ).toEqual([])
  })
})

describe('Electron is never downgraded (security.md E11)', () => {
  /** Raise this with each release; a downgrade deletes users' IndexedDB (electron/electron#24882). */
  const LAST_SHIPPED_ELECTRON = [45, 5, 0]

  it('locks an Electron at or above the last shipped version', () => {
    const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>
    }
    const locked = (lock.packages['node_modules/electron']?.version ?? '0.0.0').split('.').map(Number)
    const compare = locked.map((part, i) => part - LAST_SHIPPED_ELECTRON[i]!).find((diff) => diff !== 0) ?? 0
    expect(compare).toBeGreaterThanOrEqual(0)
  })
})

describe('built bundles (after `npm run build`)', () => {
  const bundle = (path: string): string | null => {
    try {
      return readFileSync(join(repoRoot, path), 'utf8')
    } catch {
      return null
    }
  }
  const main = bundle('out/main/index.js')
  const preload = bundle('out/preload/index.cjs')

  it.skipIf(main === null || preload === null)('load electron at run time instead of bundling it', () => {
    expect(main).toMatch(/from "electron"/)
    expect(preload).toMatch(/require\("electron"\)/)
    // Electron's own npm entry (it downloads and locates the binary) must never end up inside.
    for (const text of [main!, preload!]) expect(text).not.toMatch(/path\.txt|Downloading Electron binary/)
  })

  const rendererAssets = (() => {
    try {
      const dir = join(repoRoot, 'out', 'renderer', 'assets')
      return readdirSync(dir)
        .filter((name) => /\.m?js$/.test(name))
        .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }))
    } catch {
      return []
    }
  })()

  it.skipIf(rendererAssets.length === 0)(
    'ship no PDF scripting, no XFA and no eval path in the renderer (security.md P2, P3)',
    () => {
      for (const { name, text } of rendererAssets) {
        expect(text, name).not.toMatch(/pdf\.sandbox|quickjs|PDFScriptingManager/)
        expect(text, name).not.toMatch(/enableXfa\s*:\s*(true|!0)/)
        expect(text, name).not.toMatch(/isEvalSupported\s*:\s*(true|!0)/)
      }
    }
  )

  it.skipIf(preload === null)(
    'ship the preload as a classic CommonJS script, as the sandbox requires',
    () => {
      expect(preload).not.toMatch(/^\s*import\s|^\s*export\s/m)
    }
  )
})
