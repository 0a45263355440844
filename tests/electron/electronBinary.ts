/**
 * Finds the Electron binary without triggering its download. `require('electron')` would download it
 * when missing (lazily since electron 42), which fails on machines without network; tests must skip
 * instead. Returns null when the binary is absent.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(import.meta.dirname, '..', '..')

export function findElectronBinary(): string | null {
  const packageDir = join(repoRoot, 'node_modules', 'electron')
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relativeBinary = readFileSync(pathFile, 'utf8').trim()
  if (relativeBinary === '') return null
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const binary = override ? join(override, relativeBinary) : join(packageDir, 'dist', relativeBinary)
  return existsSync(binary) ? binary : null
}
