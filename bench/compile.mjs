// Compiles TypeScript entry points (benches, the eval runner) into plain Node ES modules under
// out/, with the repo's path aliases, so they run as real child processes under Node 22 rather than
// inside vitest. Every bare import (pdfjs-dist, pdf-lib, …) stays external and loads from node_modules.
//
// Usage: node bench/compile.mjs OUT_DIR ENTRY.ts [ENTRY.ts ...]   → OUT_DIR/<entry name>.js
import { basename, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..')

const ALIASES = {
  '@core': resolve(repoRoot, 'src/core'),
  '@shared': resolve(repoRoot, 'src/shared'),
  '@node': resolve(repoRoot, 'src/node')
}

function isExternal(id) {
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0')) return false
  if (Object.keys(ALIASES).some((alias) => id === alias || id.startsWith(`${alias}/`))) return false
  return true
}

/** Builds each entry to OUT_DIR/NAME.js (NAME = file name without .ts); returns the output paths. */
export async function compileEntries(outDir, entries) {
  const input = Object.fromEntries(
    entries.map((entry) => [basename(entry).replace(/\.(m?ts|tsx)$/, ''), resolve(repoRoot, entry)])
  )
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'warn',
    resolve: { alias: ALIASES },
    build: {
      ssr: true,
      outDir: resolve(repoRoot, outDir),
      // Kept: the eval compiles run.ts, overlay.ts and the generator CLI into one folder at different times.
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      rollupOptions: {
        input,
        external: isExternal,
        output: { format: 'es', entryFileNames: '[name].js' }
      }
    }
  })
  return Object.keys(input).map((name) => resolve(repoRoot, outDir, `${name}.js`))
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir, ...entries] = process.argv.slice(2)
  if (!outDir || entries.length === 0) {
    console.error('usage: node bench/compile.mjs OUT_DIR ENTRY.ts [ENTRY.ts ...]')
    process.exit(2)
  }
  await compileEntries(outDir, entries)
}
