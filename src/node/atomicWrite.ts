/**
 * Atomic file writes (security.md D7): a file is written to a temp file in the *same* directory,
 * flushed to disk (fsync), then renamed over the target, and the directory is fsynced so the rename
 * itself survives a power cut. rename(2) within one file system is atomic, so a reader (or the next
 * start after a crash) sees either the old complete file or the new complete one, never half of it.
 * A failed write (a full disk: ENOSPC) removes its temp file and leaves the old file as it was.
 *
 * API
 * - `writeFileAtomic(path, data)`: the whole file at once (reports, the workspace marker).
 * - `openAtomicFile(path)`: a file written in pieces (a 1 GB workspace backup arrives in 4 MiB chunks),
 *   with positional writes (a header filled in last) and an explicit `commit()` or `abort()`.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The parts of FileHandle used here, so a test can hand in one that fails like a full disk. */
export type WritableHandle = Pick<FileHandle, 'write' | 'sync' | 'close'>
export type OpenForWrite = (path: string) => Promise<WritableHandle>

const openExclusive: OpenForWrite = (path) => open(path, 'wx', 0o600)

export interface AtomicWriteOptions {
  /** Defaults to fs.promises.open(path, 'wx'); tests inject failures here. */
  readonly openFile?: OpenForWrite
}

/** True for "no space left on device" and "disk quota exceeded". */
export function isDiskFullError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOSPC' || code === 'EDQUOT'
}

/** Temp name beside the target: same directory, so the final rename never crosses file systems. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${randomBytes(6).toString('hex')}`)
}

/** Temp files this module leaves only when the process is killed mid-write (clean them at start-up). */
export const isAtomicTempName = (name: string): boolean => /^\..+\.tmp-[0-9a-f]{12}$/.test(name)

/** Best effort: makes the rename durable; some file systems (and Windows) refuse to open a directory. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | null = null
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Not supported here; the rename is still atomic, only its durability across a power cut is weaker.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

export interface AtomicFile {
  /** Appends at the current end. */
  write(chunk: Uint8Array): Promise<void>
  /** Overwrites bytes at `position` (e.g. a header reserved at the start). */
  writeAt(chunk: Uint8Array, position: number): Promise<void>
  /** Bytes appended so far. */
  readonly bytesWritten: number
  /** fsync, rename over the target, fsync the directory. */
  commit(): Promise<void>
  /** Closes and removes the temp file; the target is untouched. Safe to call twice or after a failure. */
  abort(): Promise<void>
}

export async function openAtomicFile(target: string, options: AtomicWriteOptions = {}): Promise<AtomicFile> {
  const temp = tempPathFor(target)
  const handle = await (options.openFile ?? openExclusive)(temp)
  let end = 0
  let state: 'open' | 'committed' | 'aborted' = 'open'

  const writeFully = async (chunk: Uint8Array, position: number): Promise<void> => {
    let done = 0
    while (done < chunk.byteLength) {
      const { bytesWritten } = await handle.write(chunk, done, chunk.byteLength - done, position + done)
      if (bytesWritten <= 0) throw new Error(`write to ${basename(target)} made no progress`)
      done += bytesWritten
    }
  }
  const ensureOpen = (): void => {
    if (state !== 'open') throw new Error(`atomic file ${basename(target)} is already ${state}`)
  }
  const discard = async (): Promise<void> => {
    state = 'aborted'
    await unlink(temp).catch(() => undefined)
  }

  const file: AtomicFile = {
    get bytesWritten() {
      return end
    },
    async write(chunk) {
      ensureOpen()
      await writeFully(chunk, end)
      end += chunk.byteLength
    },
    async writeAt(chunk, position) {
      ensureOpen()
      await writeFully(chunk, position)
      end = Math.max(end, position + chunk.byteLength)
    },
    async commit() {
      ensureOpen()
      try {
        await handle.sync()
        state = 'committed'
        await handle.close()
        await rename(temp, target)
      } catch (error) {
        // The handle may be closed already; either way the temp file goes and the target stays.
        if (state === 'open') await handle.close().catch(() => undefined)
        await discard()
        throw error
      }
      await syncDirectory(dirname(target))
    },
    async abort() {
      if (state === 'aborted') return
      if (state === 'open') await handle.close().catch(() => undefined)
      await discard()
    }
  }
  return file
}

/** Writes `data` to `target` atomically; on failure the old file (if any) is unchanged. */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {}
): Promise<void> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
  const file = await openAtomicFile(target, options)
  try {
    await file.write(bytes)
  } catch (error) {
    await file.abort()
    throw error
  }
  await file.commit()
}
