import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

const alias = {
  '@core': resolve(__dirname, 'src/core'),
  '@shared': resolve(__dirname, 'src/shared'),
  '@node': resolve(__dirname, 'src/node')
}

// pdf.js fetches CMaps, standard fonts, wasm decoders and ICC profiles at run time; ship our own copies
// under pdfjs/ so it never reaches outside the app origin (security.md P4; src/renderer/src/pdf/loadOptions.ts).
const PDFJS_DIST = resolve(__dirname, 'node_modules/pdfjs-dist')
const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts', 'wasm', 'iccs']
// The scripting sandbox (quickjs) stays out: we never run PDF JavaScript (security.md P2).
const isShippedPdfjsAsset = (file: string): boolean => !file.startsWith('.') && !file.startsWith('quickjs')
function pdfjsAssets(): Plugin {
  return {
    name: 'withheld-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const [dir, file, ...rest] = (req.url ?? '').split('?')[0]!.split('/').filter(Boolean)
        if (!dir || !file || rest.length || !PDFJS_ASSET_DIRS.includes(dir) || !isShippedPdfjsAsset(file))
          return next()
        try {
          res.end(readFileSync(resolve(PDFJS_DIST, dir, file)))
        } catch {
          next()
        }
      })
    },
    generateBundle() {
      for (const dir of PDFJS_ASSET_DIRS) {
        for (const file of readdirSync(resolve(PDFJS_DIST, dir)).filter(isShippedPdfjsAsset)) {
          this.emitFile({
            type: 'asset',
            fileName: `pdfjs/${dir}/${file}`,
            source: readFileSync(resolve(PDFJS_DIST, dir, file))
          })
        }
      }
    }
  }
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The analysis worker runs in its own process so a hostile PDF can be killed (security.md P7).
          analysisWorker: resolve(__dirname, 'src/node/analysisWorker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload runs as a classic script: CommonJS, never ESM (Electron's sandbox docs).
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react(), pdfjsAssets()],
    worker: { format: 'es' },
    build: {
      outDir: 'out/renderer',
      target: 'es2023',
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
