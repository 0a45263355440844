/**
 * Import in main (architecture.md "Import"): read each path the user picked or dropped, refuse what
 * is not a PDF we can take, hash the rest. Every refusal is one sentence naming the file by its name
 * only: results never carry a directory, so no local path reaches the renderer or a report (V6).
 */
import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ImportedFile, ImportRejection, ImportResult } from '@shared/ipc'

/** 512 MiB, the order of DocumentCloud's 501 MiB upload cap (security.md P9): each accepted file is
 *  held in memory and copied once more into its analysis worker. */
export const MAX_PDF_BYTES = 512 * 1024 * 1024

export interface ImportOptions {
  /** Refuse files larger than this many bytes (default MAX_PDF_BYTES). */
  readonly maxBytes?: number
}

/** The last path segment, whichever separator the path uses (a Windows path read on Linux too). */
export function fileNameOf(path: string): string {
  const name = basename(path.replace(/\\/g, '/'))
  return name === '' ? path : name
}

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1')

/** An indirect object's opening, `12 0 obj`: what pdf.js rebuilds a broken file's cross-references from. */
const INDIRECT_OBJECT = /\d+[\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+obj\b/

const OBJECT_SEARCH_WINDOW_BYTES = 1024 * 1024
const OBJECT_SEARCH_OVERLAP_BYTES = 64

/**
 * True when pdf.js could open these bytes as a PDF, as far as a look at the bytes can tell. pdf.js
 * looks for `%PDF-` in the first 1024 bytes only to read the version; failing that, it rebuilds the
 * file from its `N G obj` objects, so a mail gateway's or scanner's headers before `%PDF-` (any
 * length) and a file without a header at all still open, as they do in poppler. What it cannot open
 * has neither (an HTML error page, a Git LFS pointer, plain text): that is refused here with a clear
 * sentence. Anything else goes to pdf.js, whose own refusal ("too damaged to open") is the last word.
 */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buffer.indexOf(PDF_MAGIC) !== -1) return true
  // Only files without any header get here. Read in 1 MiB windows that overlap by more than an
  // object's opening can span, so a 500 MB non-PDF never becomes one 500 MB string.
  for (let start = 0; start < buffer.byteLength; start += OBJECT_SEARCH_WINDOW_BYTES) {
    const end = Math.min(buffer.byteLength, start + OBJECT_SEARCH_WINDOW_BYTES + OBJECT_SEARCH_OVERLAP_BYTES)
    if (INDIRECT_OBJECT.test(buffer.toString('latin1', start, end))) return true
  }
  return false
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** "5 KB" below a mebibyte, "600 MB" above: enough precision for a refusal message. */
export const formatSize = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round(bytes / (1024 * 1024))} MB`

type ReadOutcome = { readonly file: ImportedFile } | { readonly rejection: ImportRejection }

async function readOne(path: string, maxBytes: number): Promise<ReadOutcome> {
  const name = fileNameOf(path)
  const refuse = (message: string): ReadOutcome => ({ rejection: { name, message } })
  let handle: Awaited<ReturnType<typeof open>> | undefined
  try {
    handle = await open(path, 'r')
    const stat = await handle.stat()
    if (stat.isDirectory()) return refuse(`“${name}” is a folder, not a PDF file.`)
    if (!stat.isFile()) return refuse(`“${name}” is not a regular file.`)
    if (stat.size === 0) return refuse(`“${name}” is empty (0 bytes).`)
    // Check the size before reading: a 5 GB file must not be pulled into memory to be refused.
    if (stat.size > maxBytes) {
      return refuse(
        `“${name}” is ${formatSize(stat.size)}, over the ${formatSize(maxBytes)} limit for one PDF.`
      )
    }
    const bytes = new Uint8Array(await handle.readFile())
    if (bytes.byteLength === 0) return refuse(`“${name}” is empty (0 bytes).`)
    if (bytes.byteLength > maxBytes) {
      return refuse(
        `“${name}” is ${formatSize(bytes.byteLength)}, over the ${formatSize(maxBytes)} limit for one PDF.`
      )
    }
    if (!looksLikePdf(bytes)) return refuse(`“${name}” is not a PDF (it has no %PDF- header).`)
    return { file: { name, byteSize: bytes.byteLength, sha256: sha256Hex(bytes), bytes } }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return refuse(`“${name}” could not be found.`)
    if (code === 'EACCES' || code === 'EPERM')
      return refuse(`“${name}” could not be read (permission denied).`)
    if (code === 'EISDIR') return refuse(`“${name}” is a folder, not a PDF file.`)
    return refuse(`“${name}” could not be read.`)
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/**
 * Reads the files one after another (not in parallel: ten 500 MB files at once would need 5 GB) and
 * sorts them into accepted files and refusals, each in the order given.
 */
export async function importFiles(
  paths: readonly string[],
  options: ImportOptions = {}
): Promise<ImportResult> {
  const maxBytes = options.maxBytes ?? MAX_PDF_BYTES
  const files: ImportedFile[] = []
  const rejected: ImportRejection[] = []
  for (const path of paths) {
    const outcome = await readOne(path, maxBytes)
    if ('file' in outcome) files.push(outcome.file)
    else rejected.push(outcome.rejection)
  }
  return { files, rejected }
}
