/*
 * Runs in the page before the app (page.addInitScript): defines `window.api` the way preload does in
 * Electron, backed by the Node-side bindings the harness exposes. Bytes cross the binding as base64.
 * Events arrive from Node through `window.__withheldDispatch`. Dropped files: a File built in a test
 * has no path (Electron's webUtils does not exist here), so the file's *name* goes to Node, which maps
 * it to a fixture path the test registered (harness.registerDropFiles); an unknown name is refused
 * like preload refuses a File without a path.
 */
/* global window, document */
;(() => {
  const call = window.__withheldCall
  const report = window.__withheldReport
  const listeners = { menu: new Set(), analysis: new Set(), close: new Set(), opened: new Set() }

  const toBase64 = (bytes) => {
    let binary = ''
    const CHUNK = 0x8000
    for (let i = 0; i < bytes.length; i += CHUNK) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK))
    }
    return btoa(binary)
  }
  const fromBase64 = (text) => {
    const binary = atob(text)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  }
  const decodeResult = (result) => ({
    files: result.files.map((file) => ({ ...file, bytes: fromBase64(file.bytes) })),
    rejected: result.rejected
  })

  window.__withheldDispatch = (channel, a, b) => {
    const set = listeners[channel] ?? listeners.analysis
    for (const listener of set) listener(a, b)
  }

  const on = (set) => (listener) => {
    set.add(listener)
    return () => set.delete(listener)
  }

  const api = Object.freeze({
    importDialog: () => call('importDialog').then(decodeResult),
    importDropped: (files) =>
      call(
        'importDropped',
        Array.from(files, (file) => file.name)
      ).then(decodeResult),
    takeOpenedFiles: () => call('takeOpenedFiles').then(decodeResult),
    onOpenedFilesWaiting: on(listeners.opened),
    startAnalysis: (start) =>
      call('startAnalysis', start.bytes ? { ...start, bytes: toBase64(start.bytes) } : start),
    cancelAnalysis: (jobId) => call('cancelAnalysis', jobId),
    saveReport: (request) => call('saveReport', request),
    showSavedReport: (saveId) => call('showSavedReport', saveId),
    beginBackup: (target) => call('beginBackup', target),
    writeBackup: (writeId, chunk) => call('writeBackup', [writeId, toBase64(chunk)]),
    finishBackup: (writeId, facts) => call('finishBackup', [writeId, facts]),
    abortBackup: (writeId) => call('abortBackup', writeId),
    listBackups: () => call('listBackups'),
    openRestore: (source) => call('openRestore', source),
    readRestore: (readId) =>
      call('readRestore', readId).then((chunk) => ({ ...chunk, bytes: fromBase64(chunk.bytes) })),
    closeRestore: (readId) => call('closeRestore', readId),
    readWorkspaceMarker: () => call('readWorkspaceMarker'),
    writeWorkspaceMarker: (marker) => call('writeWorkspaceMarker', marker),
    closeReady: () => call('closeReady'),
    onBeforeClose: on(listeners.close),
    onMenuCommand: on(listeners.menu),
    onAnalysisEvent: on(listeners.analysis)
  })
  Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false })

  document.addEventListener('securitypolicyviolation', (event) => {
    report(
      'csp',
      `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`
    )
  })
})()
