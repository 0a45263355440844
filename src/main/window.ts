/**
 * The one BrowserWindow's options (security.md E1). Every hardening flag is pinned explicitly even
 * where Electron 45's default already agrees: a default can change between releases, a literal cannot.
 */
import type { BrowserWindowConstructorOptions } from 'electron'

export interface WindowOptionsInput {
  /** `app.isPackaged`: DevTools only in development. */
  readonly packaged: boolean
  readonly preloadPath: string
}

/** Default window size in CSS px; the minimum below still fits the library rail beside one page. */
const DEFAULT_WIDTH_PX = 1280
const DEFAULT_HEIGHT_PX = 860

export function buildWindowOptions({
  packaged,
  preloadPath
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: DEFAULT_WIDTH_PX,
    height: DEFAULT_HEIGHT_PX,
    minWidth: 720,
    minHeight: 480,
    title: 'Withheld',
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Electron's spellchecker downloads Hunspell dictionaries from a Google CDN (security.md V4).
      spellcheck: false,
      devTools: !packaged,
      // A PDF dropped outside the drop zone must not replace the app with Chromium's PDF viewer.
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableDialogs: false,
      autoplayPolicy: 'user-gesture-required'
    }
  }
}
