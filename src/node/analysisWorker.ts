/**
 * Entry of the analysis worker process (built to out/main/ and out/cli/analysisWorker.js).
 *
 * pdf.js decides once, when its module loads, whether it runs in Node, and it takes every Electron
 * process whose `process.type` is not 'browser' for a web page:
 *   isNodeJS = … && !(process.versions.electron && process.type && process.type !== 'browser')
 * An Electron utility process (type 'utility') is plain Node without a DOM, so pdf.js would reach for
 * `document`, FontFace and fetch there and fail on every PDF ("document is not defined"). So in
 * Electron, pdf.js and its worker module (which carries its own copy of the check, and which pdf.js's
 * in-process "fake worker" then picks up from globalThis.pdfjsWorker) are loaded here with
 * `process.type` hidden, then it is put back; the analysis code imports the modules already loaded.
 * tests/integration/electronUtilityShim.mjs reproduces a utility process in Node to test this path.
 */

import type { AnalysisEvent } from '@shared/analysis'
import { installNativeJpegDecoder } from './nativeJpeg'
import { nodeVersionProblem } from './nodeVersion'

// Variables, not literals: the bundlers keep these as run-time imports of the installed pdfjs-dist.
const PDFJS_MODULES = ['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs']

async function loadPdfjsAsNode(): Promise<void> {
  const descriptor = Object.getOwnPropertyDescriptor(process, 'type')
  if (!process.versions['electron'] || !descriptor) return
  try {
    Object.defineProperty(process, 'type', { value: undefined, configurable: true, writable: true })
  } catch {
    return // Not redefinable: analysis still runs and fails with one clear sentence per PDF.
  }
  try {
    for (const specifier of PDFJS_MODULES) await import(/* @vite-ignore */ specifier)
  } finally {
    Object.defineProperty(process, 'type', descriptor)
  }
}

/**
 * On a Node older than Withheld needs, pdf.js would fail every PDF as if it were damaged. The worker
 * says why instead: one sentence on stderr and, when a parent is listening (the CLI's host ignores the
 * worker's stderr), as the answer to its first request; then exit status 2.
 */
function refuseOldNode(sentence: string): void {
  process.stderr.write(`withheld: ${sentence}\n`)
  const send = process.send?.bind(process)
  if (!send) {
    process.exitCode = 2
    return
  }
  process.once('message', () => {
    const failed: AnalysisEvent = { type: 'failed', reason: 'crashed', message: sentence }
    send(failed, () => process.exit(2))
  })
}

const nodeTooOld = nodeVersionProblem(process.versions.node)
if (nodeTooOld !== null) refuseOldNode(nodeTooOld)
else {
  // Before the worker module below loads: pdf.js looks for an ImageDecoder once, then (nativeJpeg.ts).
  installNativeJpegDecoder()
  void loadPdfjsAsNode()
    .then(() => import('./analysisRun'))
    .then(({ runWorker }) => runWorker())
    .catch(() => {
      process.stderr.write('withheld: the analysis worker could not start.\n')
      process.exitCode = 2
    })
}
