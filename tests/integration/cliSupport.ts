/**
 * Test support for everything that runs the built analysis worker or CLI (out/cli/*.js). `npm test`
 * builds first; when a developer runs one test file on its own, the CLI bundle is rebuilt here if any
 * source is newer than it. A lock directory keeps two test files from building at once (the build
 * empties out/cli, which would pull the worker from under a running test).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(import.meta.dirname, '..', '..')
export const cliEntry = join(repoRoot, 'out', 'cli', 'withheld.js')
export const cliWorkerEntry = join(repoRoot, 'out', 'cli', 'analysisWorker.js')
export const robustnessDir = resolve(repoRoot, '..', 'shared', 'corpus', 'robustness')

const SOURCE_DIRS = ['src/core', 'src/node', 'src/shared', 'src/cli', 'resources'].map((dir) =>
  join(repoRoot, dir)
)
const LOCK_DIR = join(tmpdir(), 'withheld-cli-build.lock')
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 5 * 60_000

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)))
  return newest
}

function isFresh(): boolean {
  if (!existsSync(cliEntry) || !existsSync(cliWorkerEntry)) return false
  const built = Math.min(statSync(cliEntry).mtimeMs, statSync(cliWorkerEntry).mtimeMs)
  const sources = Math.max(
    ...SOURCE_DIRS.map(newestMtimeMs),
    newestMtimeMs(join(repoRoot, 'vite.cli.config.ts'))
  )
  return built >= sources
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

async function takeLock(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK_DIR)
      return
    } catch {
      try {
        if (Date.now() - statSync(LOCK_DIR).mtimeMs > STALE_LOCK_MS) rmSync(LOCK_DIR, { recursive: true })
      } catch {
        // Released between the two calls.
      }
      await sleep(250)
    }
  }
}

/** Builds out/cli (the CLI and its analysis worker) unless it is newer than every source. */
export async function ensureCliBuilt(): Promise<void> {
  // WITHHELD_PREBUILT=1: trust out/cli as it is (CI after `npm run build`, or a hand-made build).
  if (process.env['WITHHELD_PREBUILT'] === '1' && existsSync(cliWorkerEntry)) return
  if (isFresh()) return
  await takeLock()
  try {
    if (isFresh()) return
    execFileSync(
      process.execPath,
      [
        join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        'vite.cli.config.ts',
        '--logLevel',
        'error'
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' }
      }
    )
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true })
  }
}

export interface ManifestEntry {
  readonly file: string
  readonly class: string
  readonly expect: 'opens' | 'password' | 'invalid' | 'either'
  readonly password?: string | null
  readonly gzipped?: boolean
  readonly notes?: string
}

/** The robustness corpus manifest, or null when ../shared is absent (tests then skip). */
export function readRobustnessManifest(): ManifestEntry[] | null {
  const path = join(robustnessDir, 'manifest.json')
  if (!existsSync(path)) return null
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown
  const entries = Array.isArray(raw) ? raw : (raw as { files?: unknown }).files
  return Array.isArray(entries) ? (entries as ManifestEntry[]) : null
}
