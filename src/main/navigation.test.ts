import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { WebContents } from 'electron'
import { installNavigationGuards, isSafeExternalUrl, shouldBlockNavigation } from './navigation'
import { appOrigins, isAppUrl, originOf } from './origins'

const packaged = { packaged: true, devServerUrl: 'http://localhost:5173' }
const dev = { packaged: false, devServerUrl: 'http://localhost:5173' }

describe('origins', () => {
  it('parses origins instead of comparing prefixes', () => {
    expect(originOf('app://withheld/index.html')).toBe('app://withheld')
    expect(originOf('APP://Withheld/x')).toBe('app://withheld')
    expect(originOf('not a url')).toBeNull()
    expect(originOf('file:///etc/passwd')).toBeNull()
    expect(appOrigins(packaged)).toEqual(['app://withheld'])
    expect(appOrigins(dev)).toEqual(['app://withheld', 'http://localhost:5173'])
    expect(isAppUrl('app://withheld.evil.com/index.html', dev)).toBe(false)
    expect(isAppUrl('app://withheld@evil.com/', dev)).toBe(false)
  })
})

describe('navigation guard', () => {
  it.each([
    ['app://withheld/index.html', packaged, false],
    ['app://withheld/#/doc/1', packaged, false],
    ['http://localhost:5173/', dev, false],
    ['http://localhost:5173/', packaged, true],
    ['http://localhost:5174/', dev, true],
    ['https://example.com/', packaged, true],
    ['file:///etc/passwd', packaged, true],
    ['app://evil/index.html', packaged, true],
    ['app://withheld.evil.com/', packaged, true],
    ['javascript:alert(1)', packaged, true],
    ['data:text/html,<script>1</script>', packaged, true],
    ['', packaged, true]
  ])('%s (packaged %#) → blocked %s', (url, context, blocked) => {
    expect(shouldBlockNavigation(url, context)).toBe(blocked)
  })

  it('wires will-navigate, will-frame-navigate, will-redirect, webviews and window.open', () => {
    const contents = new EventEmitter() as EventEmitter & { openHandler?: (d: { url: string }) => unknown }
    Object.assign(contents, {
      setWindowOpenHandler: (handler: (d: { url: string }) => unknown) => (contents.openHandler = handler)
    })
    const log: string[] = []
    installNavigationGuards(contents as unknown as WebContents, packaged, (line) => log.push(line))
    const fire = (name: string, url: string): boolean => {
      let prevented = false
      contents.emit(name, { url, preventDefault: () => (prevented = true) })
      return prevented
    }
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(fire('will-navigate', 'app://withheld/index.html')).toBe(false)
    expect(fire('will-frame-navigate', 'https://evil.example/')).toBe(true)
    expect(fire('will-redirect', 'http://169.254.169.254/')).toBe(true)
    expect(fire('will-attach-webview', 'app://withheld/')).toBe(true)
    expect(contents.openHandler?.({ url: 'app://withheld/index.html' })).toEqual({ action: 'deny' })
    expect(log).toHaveLength(5)
  })
})

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.legislation.govt.nz/act/public/1982/0156/latest/DLM65628.html', true],
    ['mailto:oia@example.govt.nz', true],
    ['http://example.com/', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['smb://server/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['withheld://open', false],
    ['https://user:pass@example.com/', false],
    ['https://user@example.com/', false],
    ['not a url', false]
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe)
  })
})
