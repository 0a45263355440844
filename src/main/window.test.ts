import { describe, expect, it } from 'vitest'
import { buildWindowOptions } from './window'

describe('buildWindowOptions', () => {
  it('pins every hardening flag for a packaged app (security.md E1)', () => {
    const options = buildWindowOptions({ packaged: true, preloadPath: '/app/out/preload/index.cjs' })
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableDialogs: false,
      autoplayPolicy: 'user-gesture-required'
    })
    expect(options.webPreferences).not.toHaveProperty('experimentalFeatures')
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(options.show).toBe(false)
  })

  it('allows DevTools only in development', () => {
    expect(buildWindowOptions({ packaged: false, preloadPath: 'p' }).webPreferences?.devTools).toBe(true)
  })
})
