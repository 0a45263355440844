/**
 * How main prints a report to PDF, as pure data and rules (src/main/exportReport.ts does the Electron
 * calls). The report's HTML is built from text taken out of hostile PDFs; it is escaped, but printing
 * it is still loading untrusted markup, so the window that prints it is locked down on every axis:
 *
 * - hidden and offscreen: it never appears and needs no GPU surface;
 * - JavaScript disabled: the report needs none (it is static HTML + CSS), so an escaping bug elsewhere
 *   cannot become script execution;
 * - sandboxed, context-isolated, no Node, no preload: the page has no bridge to main at all;
 * - its own in-memory session (`PRINT_PARTITION`): no cookies, cache or IndexedDB shared with the
 *   library, and a request filter that lets through only the one report document and `data:` images
 *   (the report embeds its page pictures as data URLs): no network, no file://;
 * - the document is served from memory at `app://print/<random>.html` with the report CSP as a
 *   response header too (the HTML carries the same policy in a meta tag): no file is written for it
 *   and no data: URL size limit applies (a 1,000-page report with pictures is ~30 MB of HTML).
 */
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron'
import type { PaperSize } from '@shared/ipc'

/** No `persist:` prefix: Electron keeps this session in memory only. */
export const PRINT_PARTITION = 'withheld-print'
export const PRINT_ORIGIN = 'app://print'

/** The same policy as the report's own meta tag (src/core/report/renderHtml.ts). */
export const PRINT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/** 5,000 redactions print in ~25 s here (bench/report.bench.ts); a print silent for 5 minutes is stuck. */
export const PRINT_TIMEOUT_MS = 5 * 60_000

/** 1,200 CSS px: the report's max-width, so screen layout and the printed one agree. */
const PRINT_WINDOW_WIDTH_PX = 1200
const PRINT_WINDOW_HEIGHT_PX = 900

export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: PRINT_WINDOW_WIDTH_PX,
    height: PRINT_WINDOW_HEIGHT_PX,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      offscreen: true,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      images: true,
      navigateOnDragDrop: false,
      disableDialogs: true,
      autoplayPolicy: 'user-gesture-required',
      partition: PRINT_PARTITION
    }
  }
}

/**
 * `preferCSSPageSize`: the report's @page rules choose the paper and turn the register's pages
 * landscape; `pageSize` is the fallback for a page without a rule. Backgrounds on: the boxes in the
 * thumbnails and the table bands are fills.
 */
export function printToPdfOptions(paper: PaperSize): PrintToPDFOptions {
  return {
    pageSize: paper === 'letter' ? 'Letter' : 'A4',
    preferCSSPageSize: true,
    printBackground: true,
    landscape: false,
    // Margins come from the report's @page rules (14 × 12 mm, the register 10 mm).
    displayHeaderFooter: false
  }
}

export const printDocumentUrl = (token: string): string => `${PRINT_ORIGIN}/${token}.html`

/** The print session lets through the one document it is printing and data: URLs, nothing else. */
export function isPrintRequestAllowed(url: string, documentUrls: ReadonlySet<string>): boolean {
  if (url.startsWith('data:image/')) return true
  return documentUrls.has(url)
}
