/**
 * The analysis worker's message protocol, spoken over a process boundary (Electron utilityProcess in
 * the app, a Node child process in the CLI and tests) so that a PDF which hangs pdf.js or exhausts
 * memory ends its own process, never the app or a batch (security.md P7, P9).
 */
import type { DocumentAudit, DocumentMeta, ScanPage, Regime } from '@core/types'

export type { DocumentMeta, PageMeta } from '@core/types'

export interface AnalysisOptions {
  /** Put the recoverable text into `leakedText` (off by default: reports must not re-publish it). */
  readonly revealLeaks: boolean
  /** Metadata only: skip redaction detection (used for a fast first look). */
  readonly metadataOnly?: boolean
  /** Resolution (dots per inch) for finding boxes in scanned page images; 0 skips that pass. Default 100. */
  readonly rasterDpi?: number
  /**
   * Read scanned pages' printed ground labels and placeholder pages with OCR (tesseract.js, offline).
   * Default true; needs the raster pass (rasterDpi above 0).
   */
  readonly ocr?: boolean
  /**
   * Also read the whole of each scanned page that has no text of its own and send its words
   * (ScanPage.ocrWords) for search. Default false: seconds of OCR per page that only the app's search uses.
   */
  readonly pageText?: boolean
  /**
   * Lay out every page in the `meta` event (size, rotation, text layer). Default true: the viewer needs
   * it. The text layer costs a getTextContent parse of each page on top of the scan's own parse, so
   * callers that read only the page count and producer (the CLI) turn it off and `meta.pages` is empty.
   */
  readonly pageLayout?: boolean
}

/** Parent → worker: analyse these bytes. One request per worker process. */
export interface AnalysisRequest {
  readonly type: 'analyse'
  readonly bytes: Uint8Array
  readonly fileName: string
  readonly password?: string
  readonly options: AnalysisOptions
}

export type AnalysisFailure =
  | 'invalid' // not a usable PDF
  | 'password' // needs a (different) password
  | 'timeout' // the watchdog killed it
  | 'memory' // it exceeded its memory cap
  | 'crashed' // the worker died for another reason

/** Worker → parent. `page` events stream in page order after `meta`; `done` or `failed` ends it. */
export type AnalysisEvent =
  | { readonly type: 'meta'; readonly meta: DocumentMeta }
  | { readonly type: 'page'; readonly page: ScanPage }
  | {
      readonly type: 'done'
      readonly regime: Regime
      /** The deep leak audit (issue 13); absent after a metadata-only look. */
      readonly audit?: DocumentAudit
    }
  | {
      readonly type: 'failed'
      readonly reason: AnalysisFailure
      /** One clear sentence for the user; never a stack trace. */
      readonly message: string
      /** pdf.js password reason: 1 = needed, 2 = incorrect. */
      readonly passwordReason?: 1 | 2
    }
