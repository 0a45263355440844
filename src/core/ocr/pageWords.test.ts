import { describe, expect, it } from 'vitest'
import type { GreyBitmap } from '../raster/detectRasterBoxes'
import type { OcrWordOnPage, PageRect, ScanPage, ScanRedaction } from '../types'
import type { OcrEngine, OcrWord, PxRect } from './ocrEngine'
import { HIDDEN_MIN_SHARE, readPageWords, withVisibleOcrWords, wordsOutsideBoxes } from './pageWords'

const PX_PER_PT = 300 / 72

/** Answers every call with the same words (bitmap pixels) and records the rectangles asked for. */
class FixedEngine implements OcrEngine {
  asked: PxRect[] = []
  constructor(private readonly words: readonly OcrWord[]) {}
  recognise(_bitmap: GreyBitmap, rectPx: PxRect): Promise<OcrWord[]> {
    this.asked.push(rectPx)
    return Promise.resolve([...this.words])
  }
}

const px = (r: PageRect): PxRect => [r[0] * PX_PER_PT, r[1] * PX_PER_PT, r[2] * PX_PER_PT, r[3] * PX_PER_PT]
const bitmap: GreyBitmap = { data: new Uint8Array(1000 * 1200), width: 1000, height: 1200 }
const word = (text: string, pageRect: PageRect): OcrWordOnPage => ({ text, pageRect, confidence: 90 })

function box(bbox: PageRect, source: ScanRedaction['source'] = 'raster'): ScanRedaction {
  return {
    bbox,
    kind: source === 'page' ? 'page' : 'black',
    source,
    confidence: 0.9,
    label: null,
    grounds: [],
    leak: null,
    leakedText: null,
    evidence: source === 'page' ? ['placeholder-text'] : ['flat-fill'],
    status: 'found',
    passage: null
  }
}

function page(redactions: ScanRedaction[], ocrWords?: OcrWordOnPage[]): ScanPage {
  return {
    index: 0,
    width: 240,
    height: 288,
    rotation: 0,
    scanned: true,
    hasTextLayer: false,
    withheldInFull: false,
    redactions,
    ...(ocrWords ? { ocrWords } : {})
  }
}

describe('readPageWords', () => {
  it('reads the whole bitmap once and gives words in page points', async () => {
    const engine = new FixedEngine([{ text: ' takahe ', rectPx: px([72, 100, 110, 112]), confidence: 91.4 }])
    const words = await readPageWords(engine, { bitmap, pxPerPt: PX_PER_PT })
    expect(engine.asked).toEqual([[0, 0, 1000, 1200]])
    expect(words).toEqual([{ text: 'takahe', pageRect: [72, 100, 110, 112], confidence: 91 }])
  })

  it('leaves out speckle: unsure words and words without a letter or digit', async () => {
    const engine = new FixedEngine([
      { text: 'Minister', rectPx: px([72, 100, 120, 112]), confidence: 88 },
      { text: 'OU', rectPx: px([130, 100, 140, 112]), confidence: 12 },
      { text: '|', rectPx: px([150, 100, 152, 112]), confidence: 70 },
      { text: '—', rectPx: px([160, 100, 170, 112]), confidence: 60 },
      { text: '  ', rectPx: px([180, 100, 190, 112]), confidence: 95 }
    ])
    const words = await readPageWords(engine, { bitmap, pxPerPt: PX_PER_PT })
    expect(words.map((w) => w.text)).toEqual(['Minister'])
  })
})

describe('words under boxes (the privacy rule)', () => {
  const hidden = word('Smith', [100, 200, 140, 212])
  const edge = word('Jones', [95, 220, 140, 232])
  const clear = word('takahe', [72, 300, 110, 312])

  it('drops a word under a box and one partly under it, keeps the rest', () => {
    // The box covers "Smith" whole and the first 5 of the 45 pt of "Jones" (11%).
    const redaction: PageRect = [60, 195, 140, 216]
    const lower: PageRect = [60, 216, 100, 235]
    expect(wordsOutsideBoxes([hidden, edge, clear], [redaction, lower])).toEqual([clear])
    expect(5 / 45).toBeGreaterThan(HIDDEN_MIN_SHARE)
    expect(wordsOutsideBoxes([hidden, edge, clear], [lower])).toEqual([hidden, clear])
  })

  it('keeps a word a box only grazes', () => {
    // 1 pt of a 40 pt word: the box's edge, not the word, is what the scanner smudged.
    expect(wordsOutsideBoxes([hidden], [[139, 190, 200, 215]])).toEqual([hidden])
  })

  it('a scanned page keeps only the words outside its final boxes when leaks are hidden', () => {
    const scanned = page([box([90, 195, 160, 215])], [hidden, clear])
    expect(withVisibleOcrWords(scanned, false).ocrWords).toEqual([clear])
  })

  it('keeps every word when the user asked to reveal leaks', () => {
    const scanned = page([box([90, 195, 160, 215])], [hidden, clear])
    expect(withVisibleOcrWords(scanned, true).ocrWords).toEqual([hidden, clear])
  })

  it('a placeholder page hides nothing: its words are the notice it prints', () => {
    const notice = word('Withheld', [80, 130, 160, 145])
    const placeholder = page([box([0, 0, 240, 288], 'page')], [notice])
    expect(withVisibleOcrWords(placeholder, false).ocrWords).toEqual([notice])
  })

  it('a page read without words stays without them', () => {
    expect(withVisibleOcrWords(page([box([90, 195, 160, 215])]), false)).not.toHaveProperty('ocrWords')
  })
})
