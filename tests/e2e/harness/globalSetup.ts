/**
 * Vitest globalSetup for the e2e project: the tests drive the *built* renderer and analysis worker
 * (both from `electron-vite build`), so build when out/ is missing or older than the sources.
 * (`npm test` builds first anyway; this keeps `npx vitest run tests/e2e/…` honest during development.)
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ANALYSIS_WORKER, REPO_ROOT, RENDERER_DIR } from './paths'

function newestMtimeMs(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtimeMs(path))
    else newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

const src = (...dirs: string[]): number =>
  Math.max(...dirs.map((d) => newestMtimeMs(resolve(REPO_ROOT, 'src', d))))
const builtAt = (file: string): number => (existsSync(file) ? statSync(file).mtimeMs : 0)

function run(args: string[]): void {
  execFileSync('npx', args, { cwd: REPO_ROOT, stdio: 'inherit' })
}

export default function setup(): void {
  const built = Math.min(builtAt(join(RENDERER_DIR, 'index.html')), builtAt(ANALYSIS_WORKER))
  if (built < src('renderer', 'core', 'shared', 'node', 'main', 'preload')) run(['electron-vite', 'build'])
}
