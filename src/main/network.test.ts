import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Session } from 'electron'
import { createLocalLog, installRequestFilter, isAllowedRequestUrl } from './network'

const packaged = { packaged: true, devServerUrl: 'http://localhost:5173' }
const dev = { packaged: false, devServerUrl: 'http://localhost:5173' }

describe('isAllowedRequestUrl', () => {
  it.each([
    ['app://withheld/index.html', packaged, true],
    ['app://withheld/pdfjs/wasm/openjpeg.wasm', packaged, true],
    ['blob:app://withheld/8c1e-44', packaged, true],
    ['data:image/png;base64,AAAA', packaged, true],
    ['blob:https://evil.example/1', packaged, false],
    ['https://update.electronjs.org/', packaged, false],
    ['https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', packaged, false],
    ['http://evil.com/phone-home?doc=1', packaged, false],
    ['file:///etc/passwd', packaged, false],
    ['app://evil/x.js', packaged, false],
    ['devtools://devtools/bundled/inspector.html', packaged, false],
    ['devtools://devtools/bundled/inspector.html', dev, true],
    ['http://localhost:5173/src/main.tsx', packaged, false],
    ['http://localhost:5173/src/main.tsx', dev, true],
    ['ws://localhost:5173/', dev, true],
    ['ws://evil.example:5173/', dev, false],
    ['ftp://example.com/', dev, false]
  ])('%s → %s', (url, context, allowed) => {
    expect(isAllowedRequestUrl(url, context)).toBe(allowed)
  })

  it('cancels and logs what it blocks', () => {
    let filter:
      | ((details: { url: string; resourceType: string }, cb: (r: { cancel: boolean }) => void) => void)
      | undefined
    const session = {
      webRequest: { onBeforeRequest: (f: typeof filter) => (filter = f) }
    } as unknown as Session
    const log = vi.fn()
    installRequestFilter(session, packaged, log)
    const decide = (url: string): boolean => {
      let cancel: boolean | undefined
      filter!({ url, resourceType: 'xhr' }, (result) => (cancel = result.cancel))
      return cancel!
    }
    expect(decide('app://withheld/index.html')).toBe(false)
    expect(decide('https://evil.example/x')).toBe(true)
    expect(log).toHaveBeenCalledOnce()
    expect(log.mock.calls[0]![0]).toBe('blocked request (xhr) to https://evil.example/x')
  })
})

describe('createLocalLog', () => {
  it('appends one line per entry under userData/logs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'withheld-log-'))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const log = createLocalLog(dir, 'blocked-requests.log')
    log('blocked request to https://a.example/')
    log('second\nline')
    const text = await readFile(join(dir, 'logs', 'blocked-requests.log'), 'utf8')
    expect(text.trim().split('\n')).toHaveLength(2)
    expect(text).toContain('second line')
    warn.mockRestore()
    await rm(dir, { recursive: true, force: true })
  })

  it('starts the file again past 1 MB instead of growing without end', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'withheld-log-'))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const log = createLocalLog(dir, 'blocked-requests.log')
    const url = `https://tracker.example/${'x'.repeat(900)}`
    // ~1,000 bytes a line: 1,500 lines pass the 1 MB cap once.
    for (let i = 0; i < 1_500; i++) log(`blocked request (image) to ${url}?n=${i}`)
    const { size } = await stat(join(dir, 'logs', 'blocked-requests.log'))
    expect(size).toBeGreaterThan(0)
    expect(size).toBeLessThanOrEqual(1024 * 1024)
    const text = await readFile(join(dir, 'logs', 'blocked-requests.log'), 'utf8')
    expect(text).toContain('?n=1499\n')
    expect(text).not.toContain('?n=0\n')
    warn.mockRestore()
    await rm(dir, { recursive: true, force: true })
  })

  it('never throws when the log cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'withheld-log-'))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    // userData/logs is a file, so the folder cannot be made: a broken profile, not a crash.
    await writeFile(join(dir, 'logs'), 'not a folder')
    const log = createLocalLog(dir, 'blocked-requests.log')
    expect(() => log('blocked request (xhr) to https://a.example/')).not.toThrow()
    expect(warn).toHaveBeenCalledWith('withheld: blocked request (xhr) to https://a.example/')
    warn.mockRestore()
    await rm(dir, { recursive: true, force: true })
  })

  it('logs at most 300 characters of a blocked URL', () => {
    let filter:
      | ((details: { url: string; resourceType: string }, cb: (r: { cancel: boolean }) => void) => void)
      | undefined
    const session = {
      webRequest: { onBeforeRequest: (f: typeof filter) => (filter = f) }
    } as unknown as Session
    const lines: string[] = []
    installRequestFilter(session, packaged, (line) => lines.push(line))
    filter!({ url: `https://evil.example/${'a'.repeat(1_000)}`, resourceType: 'image' }, () => undefined)
    expect(lines).toHaveLength(1)
    expect(lines[0]!.length).toBe('blocked request (image) to '.length + 300)
  })
})
