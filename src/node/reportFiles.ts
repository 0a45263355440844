/**
 * Saving a report's files, Electron-free (main's thin src/main/exportReport.ts supplies the dialog
 * and the PDF printer; the e2e harness supplies its own). Every file is written through atomicWrite:
 * all of them to temporary files first (where a full disk shows up, leaving nothing behind), then each
 * renamed into place. Failures come back as one sentence naming files by name, never by folder (V6).
 */
import { statfs } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import type { PaperSize, ReportFileFormat, ReportOutput, ReportSaveRequest } from '@shared/ipc'
import { openAtomicFile, type AtomicFile, type AtomicWriteOptions } from './atomicWrite'
import { fileNameOf } from './importFiles'

export const REPORT_EXTENSIONS: Readonly<Record<ReportFileFormat, string>> = {
  html: 'html',
  pdf: 'pdf',
  csv: 'csv',
  json: 'json',
  md: 'md'
}

/** Turns report HTML into PDF bytes (Electron's printToPDF in the app, Chromium's page.pdf in tests). */
export type PdfPrinter = (html: string, paper: PaperSize) => Promise<Uint8Array>

/** Where the user chose to save: a file (one output) or a folder (several). */
export type SaveDestination =
  { readonly kind: 'file'; readonly path: string } | { readonly kind: 'folder'; readonly path: string }

/** Longest base name kept: file systems allow 255 bytes, and ".json" plus a folder view need room. */
const MAX_BASE_NAME_CHARS = 120

/**
 * A name safe on Windows, macOS and Linux: no separators, control or reserved characters
 * (`<>:"/\|?*`), no leading dots (hidden files), no trailing dots or spaces (Windows drops them).
 */
export function safeBaseName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, MAX_BASE_NAME_CHARS)
    .replace(/[\s.]+$/g, '')
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned)
  return cleaned === '' || reserved ? 'redaction report' : cleaned
}

export const suggestedFileName = (baseName: string, format: ReportFileFormat): string =>
  `${safeBaseName(baseName)}.${REPORT_EXTENSIONS[format]}`

/** The path of each output: the chosen file (its extension made right), or base name + extension in a folder. */
export function planReportPaths(request: ReportSaveRequest, destination: SaveDestination): string[] {
  if (destination.kind === 'file') {
    const [only] = request.outputs
    if (!only || request.outputs.length !== 1) throw new Error('A single file holds one format only.')
    const ext = `.${REPORT_EXTENSIONS[only.format]}`
    const path = destination.path
    return [extname(path).toLowerCase() === ext ? path : `${path}${ext}`]
  }
  return request.outputs.map((o) => join(destination.path, suggestedFileName(request.baseName, o.format)))
}

const codeOf = (error: unknown): string | null => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : null
}

/** One sentence per failure a user can act on, naming the file by its name only. */
export function describeWriteError(error: unknown, fileName: string): string {
  const name = `“${fileName}”`
  switch (codeOf(error)) {
    case 'ENOSPC':
      return `The disk is full, so ${name} was not saved. Free some space or choose another place, then export again.`
    case 'EDQUOT':
      return `Your disk quota is used up, so ${name} was not saved. Free some space or choose another place.`
    case 'EACCES':
    case 'EPERM':
      return `Withheld may not write to that folder, so ${name} was not saved. Choose another place.`
    case 'EROFS':
      return `That disk is read-only, so ${name} was not saved. Choose another place.`
    case 'ENOENT':
      return `The folder for ${name} no longer exists. Choose another place.`
    case 'EISDIR':
      return `A folder named ${name} is in the way, so the file was not saved. Choose another name.`
    case 'ENAMETOOLONG':
      return `The name ${name} is too long for that disk. Choose a shorter name.`
    case 'EIO':
      return `The disk reported an error while saving ${name}. Try another place.`
    default: {
      const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
      return `${name} was not saved (${detail.replace(/\/[^\s]*\//g, '…/')}).`
    }
  }
}

/** Room left on the disk beyond the report itself: a disk filled to the last byte misbehaves (D2). */
export const FREE_SPACE_MARGIN_BYTES = 16 * 1024 * 1024

/** Free bytes for an unprivileged writer in `folder`, or null where the platform cannot tell. */
export type FreeSpaceProbe = (folder: string) => Promise<number | null>

export const nodeFreeSpace: FreeSpaceProbe = (folder) =>
  statfs(folder).then(
    (s) => s.bavail * s.bsize,
    () => null
  )

export class ReportSaveError extends Error {
  override name = 'ReportSaveError'
}

const isPdf = (bytes: Uint8Array): boolean =>
  bytes.byteLength > 5 && Buffer.from(bytes.buffer, bytes.byteOffset, 5).toString('latin1') === '%PDF-'

async function contentOf(output: ReportOutput, printPdf: PdfPrinter, fileName: string): Promise<Uint8Array> {
  if (output.format !== 'pdf') return new TextEncoder().encode(output.text)
  let bytes: Uint8Array
  try {
    bytes = await printPdf(output.html, output.paper)
  } catch (error) {
    const why = error instanceof Error ? ` (${error.message.split('\n')[0]})` : ''
    throw new ReportSaveError(
      `The PDF “${fileName}” could not be printed${why}. Save the HTML and print it instead.`
    )
  }
  if (!isPdf(bytes))
    throw new ReportSaveError(`The PDF “${fileName}” came out empty. Save the HTML and print it instead.`)
  return bytes
}

/**
 * Prints the PDF (if any), then writes every output atomically. Returns the paths written, in the
 * request's order. Throws `ReportSaveError` with one sentence; nothing new is left on disk then.
 */
export async function saveReportFiles(
  request: ReportSaveRequest,
  destination: SaveDestination,
  printPdf: PdfPrinter,
  options: AtomicWriteOptions & { readonly freeSpace?: FreeSpaceProbe } = {}
): Promise<string[]> {
  const paths = planReportPaths(request, destination)
  // Printing first: it is the slow step and the likeliest to fail, before anything touches the disk.
  const contents: Uint8Array[] = []
  for (const [i, output] of request.outputs.entries()) {
    contents.push(await contentOf(output, printPdf, fileNameOf(paths[i]!)))
  }
  // Asked before writing (security.md D2): a clear "disk is full" now beats a half-written folder.
  const needed = contents.reduce((sum, c) => sum + c.byteLength, 0) + FREE_SPACE_MARGIN_BYTES
  const free = await (options.freeSpace ?? nodeFreeSpace)(dirname(paths[0] ?? ''))
  if (free !== null && free < needed) {
    throw new ReportSaveError(
      describeWriteError(Object.assign(new Error('no space'), { code: 'ENOSPC' }), basename(paths[0] ?? ''))
    )
  }
  const open: AtomicFile[] = []
  let current = paths[0] ?? ''
  try {
    for (const [i, path] of paths.entries()) {
      current = path
      const file = await openAtomicFile(path, options)
      open.push(file)
      await file.write(contents[i]!)
    }
    for (const [i, file] of open.entries()) {
      current = paths[i]!
      await file.commit()
    }
  } catch (error) {
    await Promise.all(open.map((file) => file.abort()))
    throw new ReportSaveError(describeWriteError(error, basename(current)))
  }
  return paths
}

/** The folder the files went to, by name (for "Saved 3 files in Reports"). */
export const folderNameOf = (paths: readonly string[]): string => fileNameOf(dirname(paths[0] ?? '')) || '/'
