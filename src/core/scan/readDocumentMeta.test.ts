import { describe, expect, it } from 'vitest'
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist'
import { readDocumentMeta } from './readDocumentMeta'

function fakePage(width: number, height: number, text: string): PDFPageProxy {
  return {
    rotate: 0,
    getViewport: () => ({ width, height }),
    getTextContent: async () => ({ items: [{ str: text }] }),
    cleanup: () => true
  } as unknown as PDFPageProxy
}

describe('readDocumentMeta', () => {
  it('keeps going past a page pdf.js cannot load, at its neighbour size', async () => {
    const pdf = {
      numPages: 3,
      getMetadata: async () => ({ info: { Producer: ' Acme PDF\u0000 ', Title: '' } }),
      getPage: async (n: number) => {
        if (n === 2) throw new Error('Pages tree contains circular reference.')
        return fakePage(595, 842, n === 1 ? 'Hello' : '  ')
      }
    } as unknown as PDFDocumentProxy
    const meta = await readDocumentMeta(pdf)
    expect(meta.producer).toBe('Acme PDF')
    expect(meta.title).toBeNull()
    expect(meta.pages).toEqual([
      { index: 0, width: 595, height: 842, rotation: 0, hasTextLayer: true },
      { index: 1, width: 595, height: 842, rotation: 0, hasTextLayer: false },
      { index: 2, width: 595, height: 842, rotation: 0, hasTextLayer: false }
    ])
  })

  it('opens no page when the caller lays out none (the CLI), still giving the count and producer', async () => {
    const opened: number[] = []
    const pdf = {
      numPages: 2,
      getMetadata: async () => ({ info: { Producer: 'Acme PDF', Title: 'Minutes' } }),
      getPage: async (n: number) => {
        opened.push(n)
        return fakePage(595, 842, 'Hello')
      }
    } as unknown as PDFDocumentProxy
    const meta = await readDocumentMeta(pdf, { layoutPages: false })
    expect(meta).toEqual({
      pageCount: 2,
      producer: 'Acme PDF',
      title: 'Minutes',
      encrypted: false,
      pages: []
    })
    expect(opened).toEqual([])
  })
})
