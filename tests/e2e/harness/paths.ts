/** Where the harness finds the repo, the build and the shared corpus, and where it writes artifacts. */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

export const REPO_ROOT = resolve(__dirname, '../../..')
export const RENDERER_DIR = resolve(REPO_ROOT, 'out/renderer')
/**
 * The analysis worker exactly as the app ships it (electron-vite's main build; Electron runs it in a
 * utilityProcess, the harness in a Node child: src/node/analysisWorker.ts speaks to both).
 */
export const ANALYSIS_WORKER = resolve(REPO_ROOT, 'out/main/analysisWorker.js')
export const SCREENSHOT_DIR = resolve(REPO_ROOT, 'tests/.artifacts/screenshots')
export const CHROMIUM = '/usr/bin/chromium'

/** ../shared next to the repo: reference corpora; absent on other machines, where tests using it skip. */
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared')
export const sharedPath = (...parts: string[]): string | null => {
  const path = resolve(SHARED_DIR, ...parts)
  return existsSync(path) ? path : null
}
