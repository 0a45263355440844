import { describe, expect, it } from 'vitest'
import type { PageRect } from '@core/types'
import type { PageWordsRow } from '../../db/rows'
import { ocrSearchPages } from './ocrPages'
import { searchRelease } from './searchRelease'

const word = (text: string, pageRect: PageRect) => ({ text, pageRect, confidence: 90 })
const pageWords: PageWordsRow[] = [
  {
    documentId: 'd1',
    pageIndex: 1,
    words: [
      word('The', [72, 100, 92, 112]),
      word('takahe', [96, 100, 146, 112]),
      word('recovery', [150, 100, 200, 112]),
      word('Ngaio', [72, 130, 110, 142]),
      word('visited.', [114, 130, 160, 142])
    ]
  }
]
const pages = [
  { documentId: 'd1', pageIndex: 0, width: 612, height: 792 },
  { documentId: 'd1', pageIndex: 1, width: 612, height: 792 }
]
const documents = [{ id: 'd1', name: 'scan.pdf' }]
// The scan's page 2 has no pdf.js text at all: only OCR finds words there.
const texts = new Map([['d1', { documentId: 'd1', pages: ['Cover note', ''], problem: null }]])

describe('search on scanned pages', () => {
  it('finds a word OCR read and gives its box on the page', () => {
    const ocr = ocrSearchPages(pageWords, pages, [])
    const { hits } = searchRelease('TAKAHE', documents, [], texts, ocr)
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatchObject({
      kind: 'scan',
      documentId: 'd1',
      pageIndex: 1,
      rectsPt: [[96, 100, 146, 112]],
      pageWidthPt: 612,
      pageHeightPt: 792
    })
    expect(hits[0]!.snippet).toEqual({ before: 'The ', match: 'takahe', after: ' recovery Ngaio visited.' })
  })

  it('without the OCR words the scanned page finds nothing', () => {
    expect(searchRelease('takahe', documents, [], texts).hits).toEqual([])
  })

  it('never finds nor shows a word under a box the reviewer drew since the analysis', () => {
    const drawn = { documentId: 'd1', pageIndex: 1, pageRect: [70, 128, 112, 144] as PageRect, source: null }
    const ocr = ocrSearchPages(pageWords, pages, [drawn])
    expect(searchRelease('Ngaio', documents, [], texts, ocr).hits).toEqual([])
    const [hit] = searchRelease('recovery', documents, [], texts, ocr).hits
    expect(`${hit!.snippet.before}${hit!.snippet.match}${hit!.snippet.after}`).not.toContain('Ngaio')
  })

  it('a placeholder page’s whole-page mark hides nothing', () => {
    const placeholder = {
      documentId: 'd1',
      pageIndex: 1,
      pageRect: [0, 0, 612, 792] as PageRect,
      source: 'page' as const
    }
    const ocr = ocrSearchPages(pageWords, pages, [placeholder])
    expect(searchRelease('takahe', documents, [], texts, ocr).hits).toHaveLength(1)
  })

  it('skips words of a page the library no longer has', () => {
    expect(ocrSearchPages(pageWords, [], []).size).toBe(0)
  })
})
