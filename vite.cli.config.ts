// Builds the `withheld` command and its analysis worker for plain Node (no Electron).
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  /^pdfjs-dist/,
  /^@napi-rs\//,
  /^tesseract/,
  /^@tesseract/
]

export default defineConfig({
  resolve: {
    alias: {
      '@core': resolve(__dirname, 'src/core'),
      '@shared': resolve(__dirname, 'src/shared'),
      '@node': resolve(__dirname, 'src/node')
    }
  },
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        withheld: resolve(__dirname, 'src/cli/withheld.ts'),
        analysisWorker: resolve(__dirname, 'src/node/analysisWorker.ts')
      },
      external,
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        banner: (chunk) => (chunk.name === 'withheld' ? '#!/usr/bin/env node' : '')
      }
    }
  }
})
