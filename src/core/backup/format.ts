/**
 * The workspace backup file (`.withheld-backup`): one file holding the whole workspace, readable with
 * `head -1` and streamable both ways, so a 1 GB workspace never needs to sit in memory at once.
 *
 * Layout
 * - Bytes 0‥HEADER_BYTES-1: the header, one JSON line padded with spaces (valid JSON), ending in "\n":
 *   `{ format: 'withheld.backup', version: 1, createdAt, schemaVersion, counts, bodyBytes, sha256 }`.
 *   It is written *last* into the space reserved for it, once the body's length and SHA-256 are known.
 * - The body (see codec.ts): JSON lines, each a record; a binary section (a PDF's bytes) is a JSON line
 *   giving its size followed by exactly that many raw bytes and "\n" (no base64: a 500 MB PDF stays
 *   500 MB and costs no encoding time).
 *
 * Restoring checks, in this order, and says which in one sentence: is it a Withheld backup at all; was
 * it made by a newer Withheld (format or database version); is it complete (length); is it intact
 * (SHA-256 of the body).
 */

export const BACKUP_FORMAT = 'withheld.backup'
export const BACKUP_FORMAT_VERSION = 1
/** 4 KiB: a header with eight counts is ~300 bytes, leaving room for later fields. */
export const HEADER_BYTES = 4096
export const BACKUP_EXTENSION = 'withheld-backup'
/**
 * The newest database version this Withheld writes and can restore: main checks backups against it
 * without Dexie. Equal to the renderer's CURRENT_DB_VERSION (a test there fails if they drift).
 */
export const WORKSPACE_SCHEMA_VERSION = 3

/** Rows per table, plus `blobs` (binary sections) and `blobBytes` (their total size in bytes). */
export type BackupCounts = Readonly<Record<string, number>>

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT
  readonly version: number
  /** ISO 8601, UTC. */
  readonly createdAt: string
  /** The Dexie schema version the rows were read from (db.ts CURRENT_DB_VERSION). */
  readonly schemaVersion: number
  readonly counts: BackupCounts
  /** Length of the body in bytes (the file is HEADER_BYTES + bodyBytes long). */
  readonly bodyBytes: number
  /** Hex SHA-256 of the body. */
  readonly sha256: string
}

export type BackupProblem = 'not-a-backup' | 'newer' | 'truncated' | 'damaged'

export class BackupFormatError extends Error {
  override name = 'BackupFormatError'
  constructor(
    readonly problem: BackupProblem,
    message: string
  ) {
    super(message)
  }
}

const NOT_A_BACKUP = 'This file is not a Withheld workspace backup.'

const DAMAGED =
  'The backup is damaged: its contents do not match the checksum it was saved with. ' +
  'Nothing was changed; try an older backup.'

/** A header with `format` first: readers recognise a backup by its opening bytes. */
export function buildHeader(fields: Omit<BackupHeader, 'format' | 'version'>): BackupHeader {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: fields.createdAt,
    schemaVersion: fields.schemaVersion,
    counts: fields.counts,
    bodyBytes: fields.bodyBytes,
    sha256: fields.sha256
  }
}

/** The header as the file's first HEADER_BYTES bytes. Throws if the JSON would not fit. */
export function encodeHeader(header: BackupHeader): Uint8Array {
  const json = JSON.stringify(header)
  const bytes = new TextEncoder().encode(json)
  if (bytes.byteLength > HEADER_BYTES - 1) throw new Error(`backup header is ${bytes.byteLength} bytes`)
  const out = new Uint8Array(HEADER_BYTES).fill(0x20)
  out.set(bytes)
  out[HEADER_BYTES - 1] = 0x0a
  return out
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0

/**
 * Reads and checks the header from the file's first bytes. `fileBytes` is the whole file's length;
 * `maxSchemaVersion` the newest database version this Withheld can open.
 */
export function parseHeader(first: Uint8Array, fileBytes: number, maxSchemaVersion: number): BackupHeader {
  const prefix = new TextDecoder().decode(first.subarray(0, Math.min(first.byteLength, HEADER_BYTES)))
  // Recognise the file by its opening before anything else, so a PDF or a photo gets "not a backup".
  if (!prefix.startsWith(`{"format":"${BACKUP_FORMAT}"`))
    throw new BackupFormatError('not-a-backup', NOT_A_BACKUP)
  if (first.byteLength < HEADER_BYTES || fileBytes < HEADER_BYTES) {
    throw new BackupFormatError('truncated', 'The backup is incomplete: it ends inside its header.')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(prefix)
  } catch {
    throw new BackupFormatError('damaged', 'The backup is damaged: its header cannot be read.')
  }
  const h = parsed as Partial<Record<keyof BackupHeader, unknown>>
  if (typeof h.version !== 'number' || !Number.isInteger(h.version) || h.version < 1) {
    throw new BackupFormatError('damaged', 'The backup is damaged: its header has no format version.')
  }
  if (h.version > BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError(
      'newer',
      `This backup was made by a newer version of Withheld (backup format ${h.version}). ` +
        'Install the newer version to restore it; nothing was changed.'
    )
  }
  if (typeof h.schemaVersion !== 'number' || !Number.isInteger(h.schemaVersion) || h.schemaVersion < 1) {
    throw new BackupFormatError('damaged', 'The backup is damaged: its header has no database version.')
  }
  if (h.schemaVersion > maxSchemaVersion) {
    throw new BackupFormatError(
      'newer',
      `This backup holds a library from a newer version of Withheld (database version ${h.schemaVersion}). ` +
        'Install the newer version to restore it; nothing was changed.'
    )
  }
  const counts = h.counts
  if (
    typeof counts !== 'object' ||
    counts === null ||
    Array.isArray(counts) ||
    !Object.values(counts).every(isCount) ||
    typeof h.createdAt !== 'string' ||
    Number.isNaN(Date.parse(h.createdAt)) ||
    !isCount(h.bodyBytes) ||
    typeof h.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(h.sha256)
  ) {
    throw new BackupFormatError('damaged', 'The backup is damaged: its header is incomplete.')
  }
  const actualBody = fileBytes - HEADER_BYTES
  if (actualBody < h.bodyBytes) {
    throw new BackupFormatError(
      'truncated',
      `The backup is incomplete: ${actualBody.toLocaleString('en')} of ${h.bodyBytes.toLocaleString('en')} ` +
        'bytes are there (the copy was cut short, or the disk filled up while it was written). Nothing was changed.'
    )
  }
  if (actualBody > h.bodyBytes) {
    throw new BackupFormatError('damaged', 'The backup is damaged: it is longer than its header says.')
  }
  return {
    format: BACKUP_FORMAT,
    version: h.version,
    createdAt: h.createdAt,
    schemaVersion: h.schemaVersion,
    counts: { ...(counts as Record<string, number>) },
    bodyBytes: h.bodyBytes,
    sha256: h.sha256
  }
}

/** Compares the body as read with what the header promised; throws the "damaged" sentence if not. */
export function checkBody(
  header: BackupHeader,
  read: { readonly sha256: string; readonly bytes: number }
): void {
  if (read.bytes !== header.bodyBytes) {
    throw new BackupFormatError(
      'truncated',
      'The backup is incomplete: it changed or ended while it was read.'
    )
  }
  if (read.sha256 !== header.sha256) throw new BackupFormatError('damaged', DAMAGED)
}
