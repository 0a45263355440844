/**
 * Payload checks for the backup, restore and workspace-marker channels (security.md E4), in the style
 * of ipcPolicy.ts, which lists them in VALIDATORS. The renderer names a write or read by the opaque id
 * main gave it, a stored backup by a file name main listed (checked again in backupStore), and never
 * sends a path.
 */
import { isWorkspaceMarker } from '@core/backup/marker'
import type { BackupFacts, BackupTarget, RestoreSource, WorkspaceMarker } from '@shared/ipc'

export const MAX_BACKUP_ID_CHARS = 100
/** The renderer sends 256 KiB chunks (codec.ts DEFAULT_CHUNK_BYTES); 64 MiB leaves room, bounds memory. */
export const MAX_BACKUP_CHUNK_BYTES = 64 * 1024 * 1024
export const MAX_BACKUP_FILE_NAME_CHARS = 200
/** Tables plus blobs and blobBytes: 9 today; 64 allows for growth without letting a payload balloon. */
const MAX_COUNT_KEYS = 64
const TARGETS: readonly BackupTarget[] = ['choose-file', 'automatic', 'before-restore']

export class BackupPayloadError extends Error {
  override name = 'IpcValidationError'
}

const fail = (channel: string, why: string): never => {
  throw new BackupPayloadError(`${channel}: ${why}.`)
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

function argCount(channel: string, args: readonly unknown[], count: number): void {
  if (args.length !== count)
    fail(channel, `expected ${count} argument${count === 1 ? '' : 's'}, got ${args.length}`)
}

function id(channel: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_BACKUP_ID_CHARS) {
    return fail(channel, 'the id must be short text')
  }
  return value
}

export function validateBackupTarget(args: readonly unknown[]): [BackupTarget] {
  argCount('backup:begin', args, 1)
  if (!TARGETS.includes(args[0] as BackupTarget)) fail('backup:begin', `target must be ${TARGETS.join(', ')}`)
  return [args[0] as BackupTarget]
}

export function validateBackupWrite(args: readonly unknown[]): [string, Uint8Array] {
  const channel = 'backup:write'
  argCount(channel, args, 2)
  const chunk = args[1]
  if (!(chunk instanceof Uint8Array)) return fail(channel, 'chunk must be a Uint8Array')
  if (chunk.byteLength > MAX_BACKUP_CHUNK_BYTES)
    fail(channel, `chunk exceeds ${MAX_BACKUP_CHUNK_BYTES} bytes`)
  return [id(channel, args[0]), chunk]
}

export function validateBackupFinish(args: readonly unknown[]): [string, BackupFacts] {
  const channel = 'backup:finish'
  argCount(channel, args, 2)
  const facts = args[1]
  if (!isPlainObject(facts)) return fail(channel, 'facts must be an object')
  for (const key of Object.keys(facts)) {
    if (!['createdAt', 'schemaVersion', 'counts'].includes(key))
      fail(channel, `unexpected field “${key.slice(0, 40)}”`)
  }
  const { createdAt, schemaVersion, counts } = facts
  if (typeof createdAt !== 'string' || createdAt.length > 40 || Number.isNaN(Date.parse(createdAt))) {
    fail(channel, 'createdAt must be an ISO date')
  }
  if (
    typeof schemaVersion !== 'number' ||
    !Number.isInteger(schemaVersion) ||
    schemaVersion < 1 ||
    schemaVersion > 10_000
  ) {
    fail(channel, 'schemaVersion must be a whole number from 1')
  }
  if (!isPlainObject(counts)) return fail(channel, 'counts must be an object')
  const entries = Object.entries(counts)
  if (entries.length > MAX_COUNT_KEYS) fail(channel, `more than ${MAX_COUNT_KEYS} counts`)
  const clean: Record<string, number> = {}
  for (const [key, value] of entries) {
    if (key.length > 40 || typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      fail(channel, 'each count must be a whole number')
    }
    clean[key] = value as number
  }
  return [
    id(channel, args[0]),
    { createdAt: createdAt as string, schemaVersion: schemaVersion as number, counts: clean }
  ]
}

export const validateBackupId =
  (channel: string) =>
  (args: readonly unknown[]): [string] => {
    argCount(channel, args, 1)
    return [id(channel, args[0])]
  }

export function validateRestoreSource(args: readonly unknown[]): [RestoreSource] {
  const channel = 'restore:open'
  argCount(channel, args, 1)
  const source = args[0]
  if (!isPlainObject(source)) return fail(channel, 'source must be an object')
  if (source['kind'] === 'choose-file' && Object.keys(source).length === 1) return [{ kind: 'choose-file' }]
  if (source['kind'] !== 'stored' || Object.keys(source).length !== 2) return fail(channel, 'unknown source')
  const fileName = source['fileName']
  if (
    typeof fileName !== 'string' ||
    fileName === '' ||
    fileName.length > MAX_BACKUP_FILE_NAME_CHARS ||
    /[/\\\0]/.test(fileName) ||
    fileName.startsWith('.')
  ) {
    return fail(channel, 'fileName must be a plain file name')
  }
  return [{ kind: 'stored', fileName }]
}

export function validateMarker(args: readonly unknown[]): [WorkspaceMarker] {
  argCount('workspace:write-marker', args, 1)
  const marker = args[0]
  if (!isWorkspaceMarker(marker)) return fail('workspace:write-marker', 'the marker is malformed')
  return [{ documentCount: marker.documentCount, instanceId: marker.instanceId, updatedAt: marker.updatedAt }]
}
