import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  isAtomicTempName,
  isDiskFullError,
  openAtomicFile,
  writeFileAtomic,
  type OpenForWrite
} from './atomicWrite'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'withheld-atomic-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A handle that accepts `okBytes` and then fails like a full disk. */
function diskFillsAfter(okBytes: number): OpenForWrite {
  return async (path) => {
    const real = await open(path, 'wx')
    let written = 0
    return {
      write: (async (
        buffer: Uint8Array,
        offset = 0,
        length = buffer.byteLength - offset,
        position = null
      ) => {
        if (written + length > okBytes) {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
        }
        written += length
        return real.write(buffer, offset, length, position)
      }) as never,
      sync: () => real.sync(),
      close: () => real.close()
    }
  }
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file', async () => {
    const target = join(dir, 'report.html')
    await writeFile(target, 'old')
    await writeFileAtomic(target, 'new contents')
    expect(await readFile(target, 'utf8')).toBe('new contents')
    expect(await readdir(dir)).toEqual(['report.html'])
  })

  it('on a full disk keeps the old file whole, removes the temp file and says ENOSPC', async () => {
    const target = join(dir, 'workspace.json')
    await writeFile(target, '{"documentCount":3}')
    const error = await writeFileAtomic(target, 'x'.repeat(10_000), { openFile: diskFillsAfter(100) }).catch(
      (e: unknown) => e
    )
    expect(isDiskFullError(error)).toBe(true)
    expect(await readFile(target, 'utf8')).toBe('{"documentCount":3}')
    expect(await readdir(dir)).toEqual(['workspace.json'])
  })
})

describe('openAtomicFile', () => {
  it('appends chunks, fills a reserved header last and appears only on commit', async () => {
    const target = join(dir, 'backup.bin')
    const file = await openAtomicFile(target)
    await file.write(new TextEncoder().encode('....'))
    await file.write(new TextEncoder().encode('body'))
    await file.writeAt(new TextEncoder().encode('HEAD'), 0)
    expect(file.bytesWritten).toBe(8)
    const [temp] = await readdir(dir)
    expect(isAtomicTempName(temp!)).toBe(true)
    await file.commit()
    expect(await readFile(target, 'utf8')).toBe('HEADbody')
    expect(await readdir(dir)).toEqual(['backup.bin'])
  })

  it('abort leaves the target untouched and removes the temp file', async () => {
    const target = join(dir, 'backup.bin')
    await writeFile(target, 'previous')
    const file = await openAtomicFile(target)
    await file.write(new Uint8Array(1000))
    await file.abort()
    await file.abort()
    expect(await readFile(target, 'utf8')).toBe('previous')
    expect(await readdir(dir)).toEqual(['backup.bin'])
    await expect(file.write(new Uint8Array(1))).rejects.toThrow(/aborted/)
  })

  it('recognises ENOSPC and EDQUOT only', () => {
    expect(isDiskFullError({ code: 'ENOSPC' })).toBe(true)
    expect(isDiskFullError({ code: 'EDQUOT' })).toBe(true)
    expect(isDiskFullError({ code: 'EACCES' })).toBe(false)
    expect(isDiskFullError(null)).toBe(false)
  })
})
