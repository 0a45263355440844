import { describe, expect, it } from 'vitest'
import type { PageRect } from '@core/types'
import { withoutHiddenText } from './hiddenText'
import type { DocumentText } from './pageText'
import { placeTextItems, type ToPagePoint } from './placedText'
import { searchRelease } from './searchRelease'

/** A US Letter page unrotated: PDF user space (origin bottom-left) to page points (top-left). */
const letter: ToPagePoint = (x, y) => [x, 792 - y]
/** The same page with /Rotate 90: the displayed page is 792 wide, user y runs along displayed x. */
const turned: ToPagePoint = (x, y) => [y, x]

// pdf.js items: 12 pt Helvetica-ish at 6 pt a character, baseline at y = 700 (top-left 92).
const item = (str: string, x: number, hasEOL = true) => ({
  str,
  dir: 'ltr',
  transform: [12, 0, 0, 12, x, 700],
  width: str.length * 6,
  height: 12,
  fontName: 'f1',
  hasEOL
})

describe('placeTextItems', () => {
  it('places a run on the displayed page from its baseline, descent to ascent', () => {
    const [run] = placeTextItems([item('John Smith', 144)], letter)
    expect(run).toMatchObject({ str: 'John Smith', hasEOL: true, advance: 'right' })
    const expected = [144, 92 - 0.85 * 12, 204, 92 + 0.25 * 12]
    run!.pageRect.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6))
  })

  it('knows a run on a quarter-turned page reads along the displayed page’s height', () => {
    expect(placeTextItems([item('ABCD', 100)], turned)[0]?.advance).toBe('down')
  })

  it('skips what is not a text item (marked-content markers)', () => {
    expect(placeTextItems([{ type: 'beginMarkedContent' }, null], letter)).toEqual([])
  })
})

describe('search never finds text under a box', () => {
  const runs = placeTextItems([item('The adviser John Smith met the trust.', 72)], letter)
  const texts = new Map<string, DocumentText>([
    [
      'd1',
      { documentId: 'd1', pages: ['The adviser John Smith met the trust.\n'], runs: [runs], problem: null }
    ]
  ])
  const documents = [{ id: 'd1', name: 'briefing.pdf' }]
  // "John Smith" runs x 144–204 on the line (top-left y 81.8–95).
  const box = (pageRect: PageRect, source: 'vector' | 'page' | null = 'vector') => ({
    documentId: 'd1',
    pageIndex: 0,
    pageRect,
    source
  })

  it('finds nothing under a box, and shows nothing under it in a snippet', () => {
    const visible = withoutHiddenText(texts, [box([143, 80, 205, 96])])
    expect(searchRelease('Smith', documents, [], visible).hits).toEqual([])
    const [hit] = searchRelease('trust', documents, [], visible).hits
    expect(`${hit!.snippet.before}${hit!.snippet.match}${hit!.snippet.after}`).not.toMatch(/John|Smith/)
  })

  it('without a box, or with only a placeholder page’s mark, the text is all there', () => {
    expect(searchRelease('Smith', documents, [], withoutHiddenText(texts, [])).hits).toHaveLength(1)
    const placeholder = box([0, 0, 612, 792], 'page')
    expect(searchRelease('Smith', documents, [], withoutHiddenText(texts, [placeholder])).hits).toHaveLength(
      1
    )
  })

  it('a page with a box but no placed runs is left out rather than searched whole', () => {
    const unplaced = new Map([['d1', { ...texts.get('d1')!, runs: undefined }]])
    expect(withoutHiddenText(unplaced, [box([143, 80, 205, 96])]).get('d1')?.pages).toEqual([''])
  })
})
