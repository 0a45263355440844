// `prestart`, `predev` and `predist`: make sure the Electron binary is on disk before electron-vite or
// electron-builder need it. Electron (since 42) downloads its binary lazily, on the first
// `require('electron')`, but electron-vite reads node_modules/electron/path.txt itself and throws
// "Electron uninstall" when it is missing, so the download has to happen here first.
//
// Installed (path.txt names a file under dist/, or ELECTRON_EXEC_PATH names a file): exits 0 at once,
// silently. Otherwise runs Electron's own installer (its `install-electron` bin, which honours
// ELECTRON_MIRROR, electron_config_cache and the zip cache), bounded in time; when that fails, prints
// one sentence saying what to do and exits 1. Plain Node (20+), no dependencies.
//
// WITHHELD_ELECTRON_DIR points at another electron package directory (the tests use a fake one);
// WITHHELD_ELECTRON_TIMEOUT_MS bounds the installer (default 10 minutes).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, join, posix } from 'node:path'

const env = process.env
const again = { predev: 'npm run dev', predist: 'npm run dist' }[env.npm_lifecycle_event ?? ''] ?? 'npm start'

function fail(sentence) {
  console.error(`withheld: ${sentence}`)
  process.exit(1)
}

if (env.ELECTRON_EXEC_PATH) {
  // electron-vite launches this file instead of the package's binary.
  if (existsSync(env.ELECTRON_EXEC_PATH)) process.exit(0)
  fail(`ELECTRON_EXEC_PATH names ${env.ELECTRON_EXEC_PATH}, which does not exist; fix or unset it.`)
}

const electronDir = env.WITHHELD_ELECTRON_DIR
  ? env.WITHHELD_ELECTRON_DIR
  : dirname(createRequire(import.meta.url).resolve('electron/package.json'))
const manifest = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))

/** The binary electron-vite will launch (it reads path.txt the same way), or null when absent. */
function installedBinary() {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  if (relative === '') return null
  const binary = join(electronDir, 'dist', relative)
  return existsSync(binary) ? binary : null
}

if (installedBinary() !== null) process.exit(0)

if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  fail(
    `the Electron binary is missing and ELECTRON_SKIP_BINARY_DOWNLOAD is set; unset it to download ` +
      `Electron ${manifest.version} once, or set ELECTRON_EXEC_PATH to an Electron binary, then run ${again} again.`
  )
}

/** First setting found, in @electron/get's order: .npmrc, package.json config, then ELECTRON_*. */
function electronSetting(name) {
  const snake = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()
  return (
    env[`npm_config_electron_${name.toLowerCase()}`] ||
    env[`NPM_CONFIG_ELECTRON_${snake.toUpperCase()}`] ||
    env[`npm_config_electron_${snake}`] ||
    env[`npm_package_config_electron_${name}`] ||
    env[`npm_package_config_electron_${snake}`] ||
    env[`ELECTRON_${snake.toUpperCase()}`] ||
    undefined
  )
}

/**
 * Where @electron/get looks for an already downloaded zip: <cache root>/<sha256 of the URL's folder>/
 * <zip name>. Told to the user so a zip fetched on another machine can be dropped in.
 */
function cachedZipPath(version) {
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform
  const nodeArch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch
  const arch = nodeArch === 'arm' ? 'armv7l' : nodeArch
  const base = electronSetting('mirror') || 'https://github.com/electron/electron/releases/download/'
  const folder = (electronSetting('customDir') || `v${version}`).replace('{{ version }}', version)
  const zip = electronSetting('customFilename') || `electron-v${version}-${platform}-${arch}.zip`
  const url = new URL(`${base}${folder}/${zip}`)
  url.hash = ''
  url.search = ''
  url.pathname = posix.dirname(url.pathname)
  const root =
    env.electron_config_cache ||
    (process.platform === 'win32'
      ? join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'electron', 'Cache')
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Caches', 'electron')
        : join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron'))
  return { zip, folder: join(root, createHash('sha256').update(url.toString()).digest('hex')) }
}

/** The installer's own error, on one line: it prints a whole stack trace, whose first Error line says it. */
function oneLine(stderr) {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  const line = lines.find((l) => /^[A-Za-z]*Error\b[^:]*: /.test(l)) ?? lines[0] ?? ''
  const reason = line.replace(/^[A-Za-z]*Error\b[^:]*: /, '')
  return reason.length > 300 ? `${reason.slice(0, 297)}...` : reason
}

const installer = join(electronDir, manifest.bin?.['install-electron'] ?? 'install.js')
const timeoutMs = Number(env.WITHHELD_ELECTRON_TIMEOUT_MS) || 10 * 60_000
const mirror = electronSetting('mirror')
console.error(
  `withheld: downloading Electron ${manifest.version} once (about 100 MB, from ${mirror ?? 'GitHub'})...`
)
// The installer's stack trace is captured, not shown; its stdout (nothing, normally) passes through.
const result = spawnSync(process.execPath, [installer], {
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
  timeout: timeoutMs,
  maxBuffer: 16 * 1024 * 1024
})

let reason = null
if (result.error?.code === 'ETIMEDOUT') reason = `no answer within ${Math.round(timeoutMs / 1000)} s`
else if (result.error) reason = result.error.message
else if (result.status !== 0)
  reason = oneLine(result.stderr ?? '') || `the installer exited with ${result.status ?? result.signal}`
else if (installedBinary() === null)
  reason = `the installer finished but left no binary named by ${join(electronDir, 'path.txt')}`

if (reason !== null) {
  const { zip, folder } = cachedZipPath(manifest.version)
  fail(
    `could not download Electron (${mirror ? `mirror ${mirror}` : 'GitHub'} unreachable?): ${reason}. ` +
      `Connect to the internet, or set ELECTRON_MIRROR / place ${zip} in ${folder}, then run ${again} again.`
  )
}
