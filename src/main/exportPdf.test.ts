import { describe, expect, it } from 'vitest'
import {
  isPrintRequestAllowed,
  printDocumentUrl,
  PRINT_PARTITION,
  printToPdfOptions,
  printWindowOptions
} from './exportPdf'

describe('the print window', () => {
  it('is hidden, offscreen, sandboxed, without JavaScript, Node or preload, in its own memory session', () => {
    const options = printWindowOptions()
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject({
      offscreen: true,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      partition: PRINT_PARTITION
    })
    expect(options.webPreferences?.preload).toBeUndefined()
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false)
  })

  it('prints on the chosen paper, letting the report’s own @page rules win', () => {
    expect(printToPdfOptions('a4')).toMatchObject({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true
    })
    expect(printToPdfOptions('letter').pageSize).toBe('Letter')
    expect(printToPdfOptions('a4').displayHeaderFooter).toBe(false)
  })

  it('lets through only the document being printed and data: images', () => {
    const url = printDocumentUrl('4f1c')
    const printing = new Set([url])
    expect(url).toBe('app://print/4f1c.html')
    expect(isPrintRequestAllowed(url, printing)).toBe(true)
    expect(isPrintRequestAllowed('data:image/png;base64,AAAA', printing)).toBe(true)
    for (const other of [
      'app://print/other.html',
      'app://withheld/index.html',
      'https://example.com/pixel.png',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      `${url}?x=1`
    ]) {
      expect(isPrintRequestAllowed(other, printing)).toBe(false)
    }
  })
})
