/**
 * In-process convenience for Node callers that trust the file (tests, eval, bench): hash, open, scan,
 * close. Untrusted batches go through the analysis worker instead, which can be killed.
 */
import { createHash } from 'node:crypto'
import type { ScanResult } from '@core/types'
import { readDocumentMeta } from '@core/scan/readDocumentMeta'
import { scanDocument } from '@core/scan/scanDocument'
import { openPdf } from './pdfjs'
import { nodeInflate } from './inflate'
import { rasteriser } from './rasterPage'
import { lazyTesseractOcr, scanOcr } from './tesseractOcr'

export interface ScanPdfOptions {
  readonly revealLeaks: boolean
  readonly password?: string
  /** Resolution for finding boxes in scanned page images; 0 turns the raster pass off. */
  readonly rasterDpi?: number
  /** OCR of scanned pages' labels and placeholder pages (default true; tesseract starts only if needed). */
  readonly ocr?: boolean
  /** Keep the words of scanned pages without text of their own (ScanPage.ocrWords); default false. */
  readonly pageText?: boolean
}

export async function scanPdfBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ScanPdfOptions
): Promise<ScanResult> {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const pdf = await openPdf(bytes, options.password)
  const engine = options.ocr === false ? null : lazyTesseractOcr()
  try {
    let producer: string | null = null
    try {
      const { info } = await pdf.getMetadata()
      const value = (info as Record<string, unknown>)['Producer']
      producer = typeof value === 'string' && value.trim() !== '' ? value.trim() : null
    } catch {
      producer = null
    }
    return await scanDocument(
      pdf,
      { fileName, sha256, producer },
      {
        revealLeaks: options.revealLeaks,
        rasterise: rasteriser(options.rasterDpi),
        ...(engine ? { ocr: { ...scanOcr(engine), pageText: options.pageText === true } } : {}),
        audit: { inflate: nodeInflate }
      }
    )
  } finally {
    await engine?.terminate()
    await pdf.loadingTask.destroy()
  }
}

export { readDocumentMeta }
