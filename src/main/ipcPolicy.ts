/**
 * The checks every IPC call passes in main, without Electron (security.md E3, E4): who may call
 * (`isTrustedSender`) and what they may send (one validator per channel). The renderer shows hostile
 * PDFs, so main treats each payload as untrusted input, normalised at this one door: unknown keys,
 * wrong types, oversized strings and arrays are refused with one clear sentence.
 */
import type {
  AnalysisStart,
  Commands,
  PaperSize,
  ReportFileFormat,
  ReportOutput,
  ReportSaveRequest
} from '@shared/ipc'
import { MAX_PDF_BYTES } from '@node/importFiles'
import { isAppUrl, type OriginContext } from './origins'
import {
  validateBackupFinish,
  validateBackupId,
  validateBackupTarget,
  validateBackupWrite,
  validateMarker,
  validateRestoreSource
} from './backupPolicy'

/** A drop of a few hundred files is plausible; 1,000 is the ceiling. */
export const MAX_DROPPED_PATHS = 1000
/** PATH_MAX on Linux; Windows long paths are shorter than this in practice. */
export const MAX_PATH_CHARS = 4096
export const MAX_JOB_ID_CHARS = 100
export const MAX_FILE_NAME_CHARS = 1000
/** Only the first 127 bytes of an AES-256 password count (PDF 2.0); 1,024 characters covers any real one. */
export const MAX_PASSWORD_CHARS = 1024

export class IpcValidationError extends Error {
  override name = 'IpcValidationError'
}

export interface SenderFacts {
  /** `event.senderFrame?.url`, null when the frame is gone (it navigated or was destroyed). */
  readonly frameUrl: string | null
  /** The sending frame is its page's main frame, not an iframe. */
  readonly isMainFrame: boolean
  /** The sender's WebContents belongs to a window this app created. */
  readonly isOurWindow: boolean
}

export function isTrustedSender(sender: SenderFacts, context: OriginContext): boolean {
  return (
    sender.frameUrl !== null && sender.isMainFrame && sender.isOurWindow && isAppUrl(sender.frameUrl, context)
  )
}

const fail = (channel: string, why: string): never => {
  throw new IpcValidationError(`${channel}: ${why}.`)
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

function onlyKeys(channel: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(channel, `unexpected field “${key.slice(0, 40)}”`)
  }
}

function boundedString(
  channel: string,
  field: string,
  value: unknown,
  maxChars: number,
  allowEmpty = false
): string {
  if (typeof value !== 'string') return fail(channel, `${field} must be text`)
  if (!allowEmpty && value === '') return fail(channel, `${field} must not be empty`)
  if (value.length > maxChars) return fail(channel, `${field} is longer than ${maxChars} characters`)
  return value
}

function expectArgCount(channel: string, args: readonly unknown[], count: number): void {
  if (args.length !== count)
    fail(channel, `expected ${count} argument${count === 1 ? '' : 's'}, got ${args.length}`)
}

export function validateDroppedPaths(args: readonly unknown[]): [readonly string[]] {
  const channel = 'pdf:import-dropped'
  expectArgCount(channel, args, 1)
  const paths = args[0]
  if (!Array.isArray(paths)) return fail(channel, 'paths must be a list')
  if (paths.length > MAX_DROPPED_PATHS) fail(channel, `more than ${MAX_DROPPED_PATHS} files at once`)
  return [
    paths.map((path, index) => {
      const checked = boundedString(channel, `path ${index + 1}`, path, MAX_PATH_CHARS)
      if (checked.includes('\0')) fail(channel, `path ${index + 1} contains a NUL character`)
      return checked
    })
  ]
}

/** Scans are searched at ~100 dpi; 600 dpi is the most any re-analysis needs (and ~36 MB a page). */
const MAX_RASTER_DPI = 600

export function validateAnalysisStart(
  args: readonly unknown[],
  maxPdfBytes: number = MAX_PDF_BYTES
): [AnalysisStart] {
  const channel = 'analysis:start'
  expectArgCount(channel, args, 1)
  const start = args[0]
  if (!isPlainObject(start)) return fail(channel, 'the request must be an object')
  onlyKeys(channel, start, ['jobId', 'bytes', 'sha256', 'fileName', 'password', 'options'])
  const jobId = boundedString(channel, 'jobId', start['jobId'], MAX_JOB_ID_CHARS)
  const bytes = start['bytes']
  const sha256 = start['sha256']
  // The bytes, or the SHA-256 of a file main imported and holds (src/main/heldPdfs.ts).
  if (bytes === undefined) {
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
      return fail(channel, 'bytes must be a Uint8Array, or sha256 64 lowercase hex digits')
  } else {
    if (!(bytes instanceof Uint8Array)) return fail(channel, 'bytes must be a Uint8Array')
    if (bytes.byteLength === 0) fail(channel, 'bytes must not be empty')
    if (bytes.byteLength > maxPdfBytes) fail(channel, `bytes exceed the ${maxPdfBytes}-byte limit`)
    if (sha256 !== undefined) fail(channel, 'give bytes or sha256, not both')
  }
  const fileName = boundedString(channel, 'fileName', start['fileName'], MAX_FILE_NAME_CHARS)
  const password =
    start['password'] === undefined
      ? undefined
      : boundedString(channel, 'password', start['password'], MAX_PASSWORD_CHARS, true)
  const options = start['options']
  if (!isPlainObject(options)) return fail(channel, 'options must be an object')
  onlyKeys(channel, options, ['revealLeaks', 'metadataOnly', 'rasterDpi', 'pageText'])
  if (typeof options['revealLeaks'] !== 'boolean') fail(channel, 'options.revealLeaks must be true or false')
  if (options['metadataOnly'] !== undefined && typeof options['metadataOnly'] !== 'boolean') {
    fail(channel, 'options.metadataOnly must be true or false')
  }
  if (options['pageText'] !== undefined && typeof options['pageText'] !== 'boolean') {
    fail(channel, 'options.pageText must be true or false')
  }
  const rasterDpi = options['rasterDpi']
  if (
    rasterDpi !== undefined &&
    !(
      typeof rasterDpi === 'number' &&
      Number.isInteger(rasterDpi) &&
      rasterDpi >= 0 &&
      rasterDpi <= MAX_RASTER_DPI
    )
  ) {
    fail(channel, `options.rasterDpi must be a whole number from 0 to ${MAX_RASTER_DPI}`)
  }
  return [
    {
      jobId,
      ...(bytes instanceof Uint8Array ? { bytes } : { sha256: sha256 as string }),
      fileName,
      ...(password !== undefined ? { password } : {}),
      options: {
        revealLeaks: options['revealLeaks'] as boolean,
        ...(options['metadataOnly'] !== undefined
          ? { metadataOnly: options['metadataOnly'] as boolean }
          : {}),
        ...(rasterDpi !== undefined ? { rasterDpi: rasterDpi as number } : {}),
        ...(options['pageText'] !== undefined ? { pageText: options['pageText'] as boolean } : {})
      }
    }
  ]
}

export function validateJobId(args: readonly unknown[]): [string] {
  expectArgCount('analysis:cancel', args, 1)
  return [boundedString('analysis:cancel', 'jobId', args[0], MAX_JOB_ID_CHARS)]
}

export function validateNoArgs(channel: string): (args: readonly unknown[]) => [] {
  return (args) => {
    expectArgCount(channel, args, 0)
    return []
  }
}

/** A report's file name (no folder, no extension); main makes it safe before use. */
export const MAX_REPORT_NAME_CHARS = 200
/**
 * One report file's text. 5,000 redactions make ~5 MB of HTML; page thumbnails add ~20 kB each, so a
 * 2,000-page release with pictures is ~50 MB. 256 M characters stays under V8's ~512 M string limit.
 */
export const MAX_REPORT_CHARS = 256 * 1024 * 1024
export const MAX_SAVE_ID_CHARS = 100
const REPORT_FORMATS: readonly ReportFileFormat[] = ['html', 'pdf', 'csv', 'json', 'md']
const PAPER_SIZES: readonly PaperSize[] = ['a4', 'letter']

function validateReportOutput(channel: string, value: unknown, index: number): ReportOutput {
  const where = `output ${index + 1}`
  if (!isPlainObject(value)) return fail(channel, `${where} must be an object`)
  const format = value['format']
  if (typeof format !== 'string' || !REPORT_FORMATS.includes(format as ReportFileFormat))
    return fail(channel, `${where} has an unknown format`)
  if (format === 'pdf') {
    onlyKeys(channel, value, ['format', 'html', 'paper'])
    const html = boundedString(channel, `${where} html`, value['html'], MAX_REPORT_CHARS)
    const paper = value['paper']
    if (typeof paper !== 'string' || !PAPER_SIZES.includes(paper as PaperSize))
      return fail(channel, `${where} paper must be ${PAPER_SIZES.join(' or ')}`)
    return { format, html, paper: paper as PaperSize }
  }
  onlyKeys(channel, value, ['format', 'text'])
  const text = boundedString(channel, `${where} text`, value['text'], MAX_REPORT_CHARS, true)
  return { format: format as 'html' | 'csv' | 'json' | 'md', text }
}

export function validateReportSave(args: readonly unknown[]): [ReportSaveRequest] {
  const channel = 'report:save'
  expectArgCount(channel, args, 1)
  const request = args[0]
  if (!isPlainObject(request)) return fail(channel, 'the request must be an object')
  onlyKeys(channel, request, ['baseName', 'outputs'])
  const baseName = boundedString(channel, 'baseName', request['baseName'], MAX_REPORT_NAME_CHARS)
  if (baseName.includes('\0')) fail(channel, 'baseName contains a NUL character')
  const outputs = request['outputs']
  if (!Array.isArray(outputs) || outputs.length === 0)
    return fail(channel, 'outputs must be a non-empty list')
  if (outputs.length > REPORT_FORMATS.length) fail(channel, `more than ${REPORT_FORMATS.length} outputs`)
  const checked = outputs.map((output: unknown, index) => validateReportOutput(channel, output, index))
  if (new Set(checked.map((o) => o.format)).size !== checked.length) fail(channel, 'a format is given twice')
  return [{ baseName, outputs: checked }]
}

export function validateSaveId(args: readonly unknown[]): [string] {
  expectArgCount('report:show', args, 1)
  return [boundedString('report:show', 'saveId', args[0], MAX_SAVE_ID_CHARS)]
}

/** One validator per command channel: adding a channel to the contract without one fails to compile. */
export const VALIDATORS: {
  readonly [K in keyof Commands]: (args: readonly unknown[]) => Parameters<Commands[K]>
} = {
  'pdf:import-dialog': validateNoArgs('pdf:import-dialog'),
  'pdf:import-dropped': validateDroppedPaths,
  'pdf:take-opened': validateNoArgs('pdf:take-opened'),
  'analysis:start': (args) => validateAnalysisStart(args),
  'analysis:cancel': validateJobId,
  'report:save': validateReportSave,
  'report:show': validateSaveId,
  'backup:begin': validateBackupTarget,
  'backup:write': validateBackupWrite,
  'backup:finish': validateBackupFinish,
  'backup:abort': validateBackupId('backup:abort'),
  'backup:list': validateNoArgs('backup:list'),
  'restore:open': validateRestoreSource,
  'restore:read': validateBackupId('restore:read'),
  'restore:close': validateBackupId('restore:close'),
  'workspace:read-marker': validateNoArgs('workspace:read-marker'),
  'workspace:write-marker': validateMarker,
  'backup:close-ready': validateNoArgs('backup:close-ready')
}
