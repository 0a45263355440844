// The packaging config (electron-builder.json) as the release machine will use it (security.md E10,
// V4): fuses flipped before signing, the app only from its asar, nothing shipped but the build and
// the grounds catalogues, no update feed. Reading the binary's fuses back (`npx @electron/fuses read`)
// needs a packaged app, so that part stays with the release job (docs/security-coverage.md).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const repoRoot = resolve(import.meta.dirname, '..', '..')

interface BuilderConfig {
  readonly asar?: unknown
  readonly files?: unknown
  readonly publish?: unknown
  readonly electronFuses?: Record<string, unknown>
  readonly [key: string]: unknown
}

const config = JSON.parse(readFileSync(join(repoRoot, 'electron-builder.json'), 'utf8')) as BuilderConfig

/**
 * Electron 45's defaults for RunAsNode, NodeOptions, CliInspect and GrantFileProtocolExtraPrivileges
 * are "enabled": each is spelt out so a default can never slip through.
 */
const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false
} as const

/** Fuses whose configured value differs from the expected one (missing counts as different). */
function fuseMismatches(fuses: Record<string, unknown> | undefined): string[] {
  return Object.entries(EXPECTED_FUSES)
    .filter(([name, value]) => fuses?.[name] !== value)
    .map(([name, value]) => `${name} should be ${String(value)}, is ${String(fuses?.[name])}`)
}

describe('electron-builder packaging config (security.md E10)', () => {
  it.each(Object.entries(EXPECTED_FUSES))('flips %s to %s', (name, value) => {
    expect(config.electronFuses?.[name]).toBe(value)
  })

  it('sets no fuse it does not mean to', () => {
    expect(Object.keys(config.electronFuses ?? {}).sort()).toEqual(Object.keys(EXPECTED_FUSES).sort())
    expect(fuseMismatches(config.electronFuses)).toEqual([])
  })

  it('fuseMismatches names a flipped or missing fuse', () => {
    expect(fuseMismatches({ ...EXPECTED_FUSES, runAsNode: true, onlyLoadAppFromAsar: undefined })).toEqual([
      'runAsNode should be false, is true',
      'onlyLoadAppFromAsar should be true, is undefined'
    ])
  })

  it('packs the app into an asar and ships only the build and the grounds catalogues', () => {
    expect(config.asar).toBe(true)
    expect(Array.isArray(config.files)).toBe(true)
    for (const pattern of config.files as string[]) {
      expect(pattern).toMatch(
        /^(package\.json|out\/(main|preload|renderer)\/\*\*\/\*|resources\/grounds\/\*\*\/\*)$/
      )
    }
  })

  it('publishes no update feed (security.md V4: no auto-update by default)', () => {
    expect(config.publish).toBeNull()
  })

  it('is the only packaging config: no "build" key in package.json competes with it', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(pkg['build']).toBeUndefined()
  })

  it("passes electron-builder's own schema check, which refuses an unknown fuse", async () => {
    // The packager's validator, run offline: a typo in a fuse name would otherwise surface only on
    // the release machine.
    const require = createRequire(import.meta.url)
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    const typo = { ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } }
    await expect(validateConfiguration(typo, new DebugLogger(false))).rejects.toThrow(/electronFuses/)
  })
})

describe('electron-builder file associations (issue 10 point 10)', () => {
  it('offers Withheld for .pdf in the file manager without taking over as the default viewer', () => {
    expect(config['fileAssociations']).toEqual([
      expect.objectContaining({ ext: 'pdf', mimeType: 'application/pdf', role: 'Viewer', rank: 'Alternate' })
    ])
  })
})
