// scripts/ensure-electron.mjs (`prestart`, `predev`, `predist`) run as npm runs it: a child process, here
// against a fake electron package whose installer succeeds or fails on cue, and once against the real
// installer pointed at a 127.0.0.1 mirror that answers 404. Nothing leaves this machine.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findElectronBinary } from '../electron/electronBinary'

const script = resolve(import.meta.dirname, '..', '..', 'scripts', 'ensure-electron.mjs')

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** The environment minus every Electron download setting this machine's user might have. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/electron/i.test(key) || key === 'npm_lifecycle_event') continue
    env[key] = value
  }
  return { ...env, NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1', ...extra }
}

function ensure(extra: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [script], { env: cleanEnv(extra) }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      done({ code, stdout, stderr })
    })
  })
}

describe('ensure-electron', () => {
  let dir: string
  let electronDir: string
  let marker: string

  /** A fake electron package whose `install-electron` bin runs `installer` (CommonJS). */
  function fakeElectron(installer: string): void {
    writeFileSync(
      join(electronDir, 'package.json'),
      JSON.stringify({ name: 'electron', version: '45.5.0', bin: { 'install-electron': 'install.js' } })
    )
    writeFileSync(
      join(electronDir, 'install.js'),
      `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')\n${installer}`
    )
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'withheld-ensure-electron-'))
    electronDir = join(dir, 'electron')
    marker = join(dir, 'installer-ran')
    mkdirSync(electronDir)
  })

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('is instant and silent when the binary is already there', async () => {
    fakeElectron('process.exit(1)')
    mkdirSync(join(electronDir, 'dist'))
    writeFileSync(join(electronDir, 'dist', 'electron'), '')
    writeFileSync(join(electronDir, 'path.txt'), 'electron')

    const run = await ensure({ WITHHELD_ELECTRON_DIR: electronDir })

    expect(run).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(existsSync(marker)).toBe(false)
  })

  it('runs the installer when path.txt is missing, and succeeds when it leaves the binary', async () => {
    fakeElectron(
      [
        "const fs = require('fs'), path = require('path')",
        "fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true })",
        "fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '')",
        "fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron')"
      ].join('\n')
    )

    const run = await ensure({ WITHHELD_ELECTRON_DIR: electronDir })

    expect(run.code).toBe(0)
    expect(existsSync(marker)).toBe(true)
    expect(existsSync(join(electronDir, 'dist', 'electron'))).toBe(true)
  })

  it('says in one sentence what to do when the download fails, with no stack trace', async () => {
    // What electron's install.js prints offline: the whole stack of a failed fetch.
    fakeElectron(
      [
        "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:15270:13\\n' +",
        "  '    at async FetchDownloader.download (file:///x/FetchDownloader.js:46:30)')",
        'process.exit(1)'
      ].join('\n')
    )

    const run = await ensure({
      WITHHELD_ELECTRON_DIR: electronDir,
      electron_config_cache: join(dir, 'cache'),
      npm_lifecycle_event: 'predev'
    })

    expect(run.code).toBe(1)
    expect(existsSync(marker)).toBe(true)
    expect(run.stderr).not.toMatch(/^\s+at /m)
    const last = run.stderr.trim().split('\n').at(-1)
    expect(last).toMatch(
      /^withheld: could not download Electron \(GitHub unreachable\?\): fetch failed\. Connect to the internet, or set ELECTRON_MIRROR \/ place electron-v45\.5\.0-\S+\.zip in \S+, then run npm run dev again\.$/
    )
    expect(last).toContain(join(dir, 'cache'))
  })

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    fakeElectron('process.exit(0)')

    const run = await ensure({ WITHHELD_ELECTRON_DIR: electronDir, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })

    expect(run.code).toBe(1)
    expect(existsSync(marker)).toBe(false)
    expect(run.stderr.trim()).toMatch(
      /^withheld: the Electron binary is missing and ELECTRON_SKIP_BINARY_DOWNLOAD/
    )
  })

  // The real electron/install.js against a mirror on 127.0.0.1 that has nothing: the path npm start takes
  // offline. Skipped where the binary is installed (the script then never runs the installer).
  it.skipIf(findElectronBinary() !== null)(
    "reports the real installer's failure in one sentence (ELECTRON_MIRROR honoured)",
    async () => {
      const requested: string[] = []
      const mirror = createServer((request, response) => {
        requested.push(request.url ?? '')
        response.writeHead(404).end()
      })
      await new Promise<void>((listening) => mirror.listen(0, '127.0.0.1', listening))
      const { port } = mirror.address() as AddressInfo
      try {
        const run = await ensure({
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          electron_config_cache: join(dir, 'cache')
        })

        expect(run.code).toBe(1)
        expect(run.stderr).not.toMatch(/^\s+at /m)
        expect(run.stderr.trim().split('\n').at(-1)).toMatch(
          new RegExp(
            `^withheld: could not download Electron \\(mirror http://127\\.0\\.0\\.1:${port}/ unreachable\\?\\): ` +
              'Response code 404 .*, then run npm start again\\.$'
          )
        )
        expect(requested).toHaveLength(1)
        expect(requested[0]).toMatch(/^\/v\d+\.\d+\.\d+\/electron-v\d+\.\d+\.\d+-[a-z0-9]+-[a-z0-9]+\.zip$/)
      } finally {
        await new Promise((closed) => mirror.close(closed))
      }
    }
  )
})
