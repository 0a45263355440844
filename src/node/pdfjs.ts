/**
 * The one place Node code opens a PDF with pdf.js (CLI, analysis worker, tests). Bytes only, never a
 * URL; every helper file pdf.js may load (standard fonts, CMaps, wasm decoders, ICC profiles) comes
 * from the installed pdfjs-dist, so opening a PDF touches nothing outside node_modules.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api'
import { hookObjectStore, installNativeJpegDecoder } from './nativeJpeg'

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

/** pdf.js wants folder URLs with a trailing slash; in Node a plain path with one also works. */
const assetDir = (name: string): string => `${join(pdfjsRoot, name)}/`

/** Images above 4096 × 4096 px (~67 MB as RGBA) are skipped rather than decoded. */
const MAX_IMAGE_PIXELS = 4096 * 4096

// Before pdf.js's worker module loads (at the first getDocument): it checks for ImageDecoder once.
installNativeJpegDecoder()

/** A one-page PDF with nothing on it: opened once to reach pdf.js's object store (nativeJpeg.ts). */
const EMPTY_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n'
)

let nativeJpeg: Promise<boolean> | undefined

/**
 * True when pdf.js may hand JPEGs to the native decoder: it is installed, and pdf.js's object store
 * (reached once through an empty PDF, ~5 ms) takes the decoded frames off their ports. Never rejects.
 */
function nativeJpegReady(): Promise<boolean> {
  nativeJpeg ??= (async () => {
    if (!installNativeJpegDecoder()) return false
    const doc = await getDocument({ data: EMPTY_PDF.slice(), verbosity: 0, isImageDecoderSupported: false })
      .promise
    try {
      return hookObjectStore((await doc.getPage(1)).objs)
    } finally {
      await doc.loadingTask.destroy()
    }
  })().catch(() => false)
  return nativeJpeg
}

/**
 * Opens a PDF from bytes. The bytes are copied: pdf.js transfers (detaches) the buffer it is given.
 * A wrong or missing password rejects with pdf.js's `PasswordException` (code 1 = needed, 2 = incorrect).
 */
export async function openPdf(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  // `isEvalSupported` left pdf.js's types in 5.7 (PR #21005); kept so an older build never uses eval.
  const params: DocumentInitParameters & { isEvalSupported: false } = {
    data: bytes.slice(),
    ...(password !== undefined ? { password } : {}),
    standardFontDataUrl: assetDir('standard_fonts'),
    cMapUrl: assetDir('cmaps'),
    cMapPacked: true,
    wasmUrl: assetDir('wasm'),
    iccUrl: assetDir('iccs'),
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    useSystemFonts: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    // JPEGs pdf.js would give a browser's ImageDecoder go to libjpeg-turbo (nativeJpeg.ts), ~2× faster.
    isImageDecoderSupported: await nativeJpegReady(),
    // 0 = errors only: warnings about malformed PDFs are routine and would flood stderr.
    verbosity: 0
  }
  return getDocument(params).promise
}

/** For callers that want a file URL of the pdf.js install (e.g. to log which build ran). */
export const pdfjsRootUrl = pathToFileURL(`${pdfjsRoot}/`).href

export interface PdfErrorDescription {
  readonly reason: 'invalid' | 'password'
  /** One sentence a user understands; never a stack trace. */
  readonly message: string
  /** pdf.js password reason: 1 = a password is needed, 2 = the one given is wrong. */
  readonly passwordReason?: 1 | 2
}

/** Turns whatever pdf.js threw while opening a document into one clear sentence. Matches on `name`. */
export function describePdfError(err: unknown): PdfErrorDescription {
  const name = err instanceof Error ? err.name : ''
  const raw = err instanceof Error ? err.message : String(err)
  const detail = raw.replace(/\s+/g, ' ').trim()
  if (name === 'PasswordException') {
    const code = (err as { code?: unknown }).code
    if (code === 2) {
      return { reason: 'password', message: 'The password for this PDF is incorrect.', passwordReason: 2 }
    }
    return { reason: 'password', message: 'This PDF is protected by a password.', passwordReason: 1 }
  }
  if (name === 'InvalidPDFException' && /empty/i.test(detail)) {
    return { reason: 'invalid', message: 'The PDF is empty (0 bytes).' }
  }
  const withDetail = detail ? ` (${detail.replace(/\.$/, '')})` : ''
  return { reason: 'invalid', message: `This file is not a PDF or is too damaged to open${withDetail}.` }
}
