import { describe, expect, it } from 'vitest'
import { MAX_IMAGE_PIXELS, pdfLoadOptions } from './loadOptions'

describe('pdfLoadOptions', () => {
  it('is the one reviewed set of getDocument options', () => {
    expect(pdfLoadOptions('app://withheld/index.html')).toMatchInlineSnapshot(`
      {
        "cMapPacked": true,
        "cMapUrl": "app://withheld/pdfjs/cmaps/",
        "disableWorkerRendering": true,
        "enableXfa": false,
        "iccUrl": "app://withheld/pdfjs/iccs/",
        "isEvalSupported": false,
        "maxImageSize": 16777216,
        "standardFontDataUrl": "app://withheld/pdfjs/standard_fonts/",
        "stopAtErrors": false,
        "useWorkerFetch": false,
        "verbosity": 0,
        "wasmUrl": "app://withheld/pdfjs/wasm/",
      }
    `)
  })

  it('points every helper at the app origin, absolute, with the trailing slash pdf.js requires', () => {
    const options = pdfLoadOptions('http://127.0.0.1:4173/sub/index.html')
    for (const url of [options.cMapUrl, options.standardFontDataUrl, options.wasmUrl, options.iccUrl]) {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/sub\/pdfjs\/[a-z_]+\/$/)
    }
  })

  it('never loads by URL, never runs XFA or eval, and caps image size', () => {
    const options: Record<string, unknown> = { ...pdfLoadOptions('app://withheld/') }
    expect(options.url).toBeUndefined()
    expect(options.docBaseUrl).toBeUndefined()
    expect(options.enableXfa).toBe(false)
    expect(options.isEvalSupported).toBe(false)
    expect(options.maxImageSize).toBe(MAX_IMAGE_PIXELS)
  })
})
