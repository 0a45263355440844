import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@core': resolve(__dirname, 'src/core'),
  '@shared': resolve(__dirname, 'src/shared'),
  '@node': resolve(__dirname, 'src/node')
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'src/**/*.test.tsx',
            'tests/integration/**/*.test.ts',
            // The eval's scorer and the fixture generator test themselves beside their code.
            'tests/eval/**/*.test.ts',
            'tests/fixtures/**/*.test.ts'
          ],
          environment: 'node',
          testTimeout: 60_000
        }
      },
      {
        resolve: { alias },
        test: {
          // Real Electron: skips where the binary is absent (it is never downloaded by the tests).
          name: 'electron',
          include: ['tests/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Builds out/renderer and the analysis worker when missing or older than src/.
          globalSetup: ['tests/e2e/harness/globalSetup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // expect.poll waits for a state, however busy the machine: its 1 s default is shorter than a
          // click's effect can take to reach IndexedDB and the DOM on a loaded 2-core machine.
          expect: { poll: { timeout: 30_000 } },
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false
        }
      }
    ]
  }
})
