/**
 * security.md D7: a process killed in the middle of an atomic write leaves the target as it was (the
 * old complete file), never a torn one; only a temp file remains, which start-up clean-up removes.
 * The writer is a real child process running atomicWrite.ts (Node strips its types), SIGKILLed once
 * it has written a few chunks.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAtomicTempName } from './atomicWrite'

const MODULE = resolve(__dirname, 'atomicWrite.ts')

/** Writes 1 MiB chunks to `target` forever (or `chunks` of them, then commits), saying "chunk n". */
const writerScript = (target: string, chunks: number | null): string => `
  const { openAtomicFile } = await import(${JSON.stringify(MODULE)})
  const file = await openAtomicFile(${JSON.stringify(target)})
  for (let n = 1; ${chunks === null ? 'true' : `n <= ${chunks}`}; n++) {
    await file.write(new Uint8Array(1 << 20).fill(n & 0xff))
    process.stdout.write('chunk ' + n + '\\n')
  }
  await file.commit()
  process.stdout.write('committed\\n')
`

function runWriter(script: string, killAfterChunks: number | null): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (data: Buffer) => {
      out += data.toString()
      if (killAfterChunks !== null && out.includes(`chunk ${killAfterChunks}\n`)) child.kill('SIGKILL')
    })
    child.stderr.on('data', (data: Buffer) => (err += data.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => (signal || code === 0 ? resolvePromise(out) : reject(new Error(err))))
  })
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'withheld-atomic-kill-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('killing a writer mid-write', () => {
  it('leaves the old complete file; only a temp file is left over', async () => {
    const target = join(dir, 'backup.withheld-backup')
    await writeFile(target, 'the previous complete backup')
    const out = await runWriter(writerScript(target, null), 3)
    expect(out).toContain('chunk 3')
    expect(out).not.toContain('committed')
    expect(await readFile(target, 'utf8')).toBe('the previous complete backup')
    const names = await readdir(dir)
    expect(names.filter((n) => n !== 'backup.withheld-backup')).toEqual([expect.stringMatching(/^\.backup/)])
    expect(names.filter(isAtomicTempName)).toHaveLength(1)
  })

  it('a writer that finishes replaces the file whole', async () => {
    const target = join(dir, 'backup.withheld-backup')
    await writeFile(target, 'old')
    expect(await runWriter(writerScript(target, 4), null)).toContain('committed')
    const bytes = await readFile(target)
    expect(bytes.length).toBe(4 << 20)
    expect(bytes[(4 << 20) - 1]).toBe(4)
    expect(await readdir(dir)).toEqual(['backup.withheld-backup'])
  })
})
