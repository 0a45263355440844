/**
 * The one place that decides how the renderer asks pdf.js to open a document (security.md P2–P4, P8).
 * Documents arrive as bytes read by main, never as URLs; every helper file pdf.js may fetch (CMaps,
 * standard fonts, wasm decoders, ICC profiles) is a copy bundled with the app under `pdfjs/`, so
 * opening a PDF makes no request outside the app origin. Pure: a unit test snapshots the result.
 */
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api'

/** Images above 4096 × 4096 px (16.8 Mpx, ~67 MB as RGBA) are skipped rather than decoded. */
export const MAX_IMAGE_PIXELS = 4096 * 4096

/** Where the build puts the pdf.js helper files, relative to the renderer's index.html. */
export const PDFJS_ASSET_DIR = 'pdfjs/'

/** Options for `getDocument` without `data` and `worker`, which each open call adds. */
export type PdfLoadOptions = Readonly<
  Pick<
    DocumentInitParameters,
    | 'cMapUrl'
    | 'cMapPacked'
    | 'standardFontDataUrl'
    | 'wasmUrl'
    | 'iccUrl'
    | 'enableXfa'
    | 'maxImageSize'
    | 'useWorkerFetch'
    | 'disableWorkerRendering'
    | 'stopAtErrors'
    | 'verbosity'
  > & { isEvalSupported: false }
>

/**
 * @param documentBaseUrl the page's own URL (`document.baseURI`). Helper URLs are made absolute
 *   because the pdf.js worker would otherwise resolve relative ones against its own script URL.
 */
export function pdfLoadOptions(documentBaseUrl: string): PdfLoadOptions {
  const asset = (dir: string): string => new URL(`${PDFJS_ASSET_DIR}${dir}/`, documentBaseUrl).href
  return {
    cMapUrl: asset('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: asset('standard_fonts'),
    wasmUrl: asset('wasm'),
    iccUrl: asset('iccs'),
    // XFA and its scripting are where GHSA-hq66-cqwq-w95j lived; we render static content only.
    enableXfa: false,
    // Removed from pdf.js ≥5.7 (PR #21005), kept so an older pdf.js can never compile fonts with eval.
    isEvalSupported: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    // pdf.js fetches helpers in the worker only for http(s) pages; the app runs on app://, so make
    // the main thread fetch them everywhere: the same path in the app and in the Chromium tests.
    useWorkerFetch: false,
    // Render on the main thread's canvas: a second (renderer) worker would escape our watchdog.
    disableWorkerRendering: true,
    stopAtErrors: false,
    // 0 = errors only: warnings about malformed PDFs are routine and would flood the console.
    verbosity: 0
  }
}
