import { describe, expect, it } from 'vitest'
import type { Glyph } from '../pdf/pageContent'
import type { GreyBitmap } from '../raster/detectRasterBoxes'
import type { PageRect, ScanPage, ScanRedaction } from '../types'
import type { OcrEngine, OcrWord, PxRect, RecogniseOptions } from './ocrEngine'
import { normaliseOcrWord } from './ocrRuns'
import { readScannedPage, sparsePrintBand, type PageOcr } from './readScannedPage'
import { labelStrips } from './strips'

const W = 600
const H = 800
const RASTER_PX_PER_PT = 100 / 72
const OCR_PX_PER_PT = 300 / 72

/** A printed word on the fake page: dark ink, or light ink on a dark box. */
interface Printed {
  readonly text: string
  readonly rect: PageRect
  readonly light?: boolean
}

function bitmapOf(pxPerPt: number, boxes: readonly ScanRedaction[], words: readonly Printed[]): GreyBitmap {
  const width = Math.round(W * pxPerPt)
  const height = Math.round(H * pxPerPt)
  const data = new Uint8Array(width * height).fill(240)
  const paint = (r: PageRect, tone: number): void => {
    for (let y = Math.floor(r[1] * pxPerPt); y < Math.ceil(r[3] * pxPerPt); y++)
      for (let x = Math.floor(r[0] * pxPerPt); x < Math.ceil(r[2] * pxPerPt); x++) data[y * width + x] = tone
  }
  for (const b of boxes) paint(b.bbox, b.kind === 'white' ? 250 : 10)
  for (const w of words) paint(w.rect, w.light ? 250 : 20)
  return { data, width, height }
}

/** Reads back the printed words whose centre lies in the rectangle; light ones only when inverted. */
class FakeEngine implements OcrEngine {
  calls: Array<{ rectPx: PxRect; invert: boolean }> = []
  constructor(private readonly words: readonly Printed[]) {}
  recognise(_bitmap: GreyBitmap, rectPx: PxRect, options?: RecogniseOptions): Promise<OcrWord[]> {
    const invert = options?.invert ?? false
    this.calls.push({ rectPx, invert })
    const masked = (x: number, y: number): boolean =>
      (options?.maskPx ?? []).some((m) => x >= m[0] && x <= m[2] && y >= m[1] && y <= m[3])
    const k = OCR_PX_PER_PT
    return Promise.resolve(
      this.words
        .filter((w) => (w.light ?? false) === invert)
        .filter((w) => {
          const cx = ((w.rect[0] + w.rect[2]) / 2) * k
          const cy = ((w.rect[1] + w.rect[3]) / 2) * k
          return cx >= rectPx[0] && cx <= rectPx[2] && cy >= rectPx[1] && cy <= rectPx[3] && !masked(cx, cy)
        })
        .map((w) => ({
          text: w.text,
          rectPx: [w.rect[0] * k, w.rect[1] * k, w.rect[2] * k, w.rect[3] * k] as const,
          confidence: 80
        }))
    )
  }
  /** Strip by strip: the stacking itself is tested with pixels in stackedStrips.test.ts. */
  async recogniseStrips(bitmap: GreyBitmap, strips: ReadonlyArray<{ rectPx: PxRect; invert: boolean }>) {
    const out: OcrWord[][] = []
    for (const s of strips) out.push(await this.recognise(bitmap, s.rectPx, { invert: s.invert }))
    return out
  }
}

const box = (bbox: PageRect, kind: ScanRedaction['kind'] = 'black'): ScanRedaction => ({
  bbox,
  kind,
  source: 'raster',
  confidence: 0.9,
  label: null,
  grounds: [],
  leak: null,
  leakedText: null,
  evidence: [],
  status: 'found',
  passage: null
})

const scanPage = (redactions: ScanRedaction[]): ScanPage => ({
  index: 0,
  width: W,
  height: H,
  rotation: 0,
  scanned: true,
  hasTextLayer: false,
  withheldInFull: false,
  redactions
})

/** Body text line at `top` (10 pt type), words laid out left to right from x = 60. */
function line(top: number, texts: readonly string[], startX = 60): Printed[] {
  let x = startX
  return texts.map((text) => {
    const rect: PageRect = [x, top, x + text.length * 5, top + 11]
    x += text.length * 5 + 4
    return { text, rect }
  })
}

async function read(
  redactions: ScanRedaction[],
  printed: Printed[],
  glyphs: Glyph[] = [],
  options: { needsLabel?: PageRect[]; withOcr?: boolean } = {}
) {
  const engine = new FakeEngine(printed)
  const ocr: PageOcr = {
    engine,
    render: () =>
      Promise.resolve({ bitmap: bitmapOf(OCR_PX_PER_PT, redactions, printed), pxPerPt: OCR_PX_PER_PT })
  }
  const raster = { bitmap: bitmapOf(RASTER_PX_PER_PT, redactions, printed), pxPerPt: RASTER_PX_PER_PT }
  const page = await readScannedPage(
    scanPage(redactions),
    { raster, glyphs, revealLeaks: true, needsLabel: options.needsLabel },
    (options.withOcr ?? true) ? ocr : null
  )
  return { page, engine }
}

describe('strips around raster boxes', () => {
  it('reads beside the box, the margins and a short line above, and skips blank paper', () => {
    const printed = [
      ...line(100, ['the', 'minister', 'agreed', 'to', 'review']),
      ...line(115, ['report', 'draft'])
    ]
    const boxes = [box([200, 114, 260, 127])]
    const strips = labelStrips(
      [{ rect: boxes[0]!.bbox, white: false }],
      W,
      H,
      bitmapOf(RASTER_PX_PER_PT, boxes, printed),
      RASTER_PX_PER_PT
    )
    // Left of the box: the inline strip and the left margin, one band, merged. Right of it and the
    // right margin are blank paper, and so is the line below: never read. The short line above is
    // read; nothing light is printed inside the box, so no inside strip.
    const sorted = [...strips].sort((a, b) => a.rect[1] - b.rect[1])
    expect(sorted).toHaveLength(2)
    const [above, beside] = sorted
    expect(above!.rect[3]).toBe(114)
    expect(above!.rect[1]).toBeLessThan(101)
    expect(beside!.rect[0]).toBe(0)
    expect(beside!.rect[2]).toBeCloseTo(198.5)
    expect(strips.every((s) => !s.invert && s.rect[3] <= 130 && s.rect[2] <= 260)).toBe(true)
  })

  it('adds an inverted inside strip for a label printed light on a dark box', () => {
    const boxes = [box([100, 200, 220, 214])]
    const printed: Printed[] = [{ text: 's9(2)(a)', rect: [104, 203, 140, 211], light: true }]
    const strips = labelStrips(
      [{ rect: boxes[0]!.bbox, white: false }],
      W,
      H,
      bitmapOf(RASTER_PX_PER_PT, boxes, printed),
      RASTER_PX_PER_PT
    )
    expect(strips.filter((s) => s.invert).map((s) => s.insideOf)).toEqual([0])
  })
})

describe('labels of raster boxes from OCR words', () => {
  it('takes a label printed inline right after the box', async () => {
    const printed = line(100, ['the', 'minister', 's9(2)(g)(i)', 'agreed', 'to', 'the', 'review'], 60)
    // The box covers where "minister" was printed: drop that word from what OCR can see.
    const visible = printed.filter((w) => w.text !== 'minister')
    const { page } = await read([box([76, 99, 118, 112])], visible)
    expect(page.redactions[0]).toMatchObject({ label: 's9(2)(g)(i)', grounds: ['9(2)(g)(i)'] })
  })

  it('takes a label just above a block and a label in the right margin of a line', async () => {
    const printed: Printed[] = [
      { text: 's6(a)', rect: [60, 186, 85, 196] },
      { text: '[s18(d)]', rect: [545, 302, 585, 313] },
      ...line(400, ['budget', 'advice', 'cabinet'])
    ]
    const { page } = await read([box([58, 200, 500, 250]), box([58, 300, 530, 314])], printed)
    expect(page.redactions.map((r) => r.grounds)).toEqual([['6(a)'], ['18(d)']])
  })

  it('reads a label at a dark box’s end that the box finder left out of the box', async () => {
    // The bar is drawn from x = 60; the box found starts at 100, past its label.
    const bar = box([60, 200, 220, 214])
    // Print covers only part of each column of the bar, as glyph strokes do.
    const printed: Printed[] = [{ text: 's9(2)(a)', rect: [63, 205, 95, 208], light: true }]
    const engine = new FakeEngine(printed)
    const found = box([100, 200, 220, 214])
    const ocr: PageOcr = {
      engine,
      render: () =>
        Promise.resolve({ bitmap: bitmapOf(OCR_PX_PER_PT, [bar], printed), pxPerPt: OCR_PX_PER_PT })
    }
    const raster = { bitmap: bitmapOf(RASTER_PX_PER_PT, [bar], printed), pxPerPt: RASTER_PX_PER_PT }
    const page = await readScannedPage(scanPage([found]), { raster, glyphs: [], revealLeaks: false }, ocr)
    expect(page.redactions[0]).toMatchObject({ grounds: ['9(2)(a)'] })
  })

  it('reads a light label inside a dark box, inverted', async () => {
    const printed: Printed[] = [
      { text: 's', rect: [104, 203, 108, 211], light: true },
      { text: '9(2)(j)', rect: [111, 203, 140, 211], light: true },
      ...line(240, ['options', 'review'])
    ]
    const { page, engine } = await read([box([100, 200, 220, 214])], printed)
    expect(page.redactions[0]).toMatchObject({ grounds: ['9(2)(j)'] })
    expect(engine.calls.some((c) => c.invert)).toBe(true)
  })

  it('keeps a white box with print inside only when that print reads as a ground label', async () => {
    const white: PageRect = [100, 200, 220, 214]
    const other = box([300, 200, 360, 214])
    const labelled: Printed[] = [{ text: 's9(2)(a)', rect: [104, 203, 140, 211] }]
    const kept = await read([box(white, 'white'), other], labelled, [], { needsLabel: [white] })
    expect(kept.page.redactions).toHaveLength(2)
    expect(kept.page.redactions[0]).toMatchObject({ kind: 'white', grounds: ['9(2)(a)'] })
    // A one-cell table or a text box holding a word: the print inside cites nothing.
    const word: Printed[] = [{ text: 'Approved', rect: [104, 203, 150, 211] }]
    const cell = await read([box(white, 'white'), other], word, [], { needsLabel: [white] })
    expect(cell.page.redactions.map((r) => r.bbox)).toEqual([other.bbox])
    // A ground printed right after it is no label inside: the frame is still not confirmed.
    const beside: Printed[] = [...word, { text: 's9(2)(a)', rect: [224, 203, 260, 211] }]
    const besideOnly = await read([box(white, 'white')], beside, [], { needsLabel: [white] })
    expect(besideOnly.page.redactions).toEqual([])
    // Without OCR nothing can confirm it.
    const blind = await read([box(white, 'white'), other], labelled, [], {
      needsLabel: [white],
      withOcr: false
    })
    expect(blind.page.redactions.map((r) => r.bbox)).toEqual([other.bbox])
  })

  it('takes a margin label whose "s" was read as a "5" of its own', async () => {
    const printed: Printed[] = [
      { text: '5', rect: [545, 302, 549, 312] },
      { text: '9(2)(g)(i)', rect: [552, 302, 590, 313] },
      ...line(330, ['budget', 'advice', 'cabinet'])
    ]
    const { page } = await read([box([58, 300, 530, 314])], printed)
    expect(page.redactions[0]).toMatchObject({ label: 's 9(2)(g)(i)', grounds: ['9(2)(g)(i)'] })
  })

  it('leaves a box unlabelled when the words around it cite nothing', async () => {
    const printed = line(100, ['the', 'minister', 'agreed', 'to', 'the', '2024', 'review'])
    const { page } = await read([box([76, 99, 118, 112])], printed)
    expect(page.redactions[0]).toMatchObject({ label: null, grounds: [] })
  })

  it('fixes OCR misreadings of a citation', () => {
    expect(normaliseOcrWord('59(2)(a)')).toBe('s9(2)(a)')
    expect(normaliseOcrWord('s9(2)(g)(1)')).toBe('s9(2)(g)(i)')
    expect(normaliseOcrWord('9(2)(b)(11)')).toBe('9(2)(b)(ii)')
    expect(normaliseOcrWord('[§6(a)]')).toBe('[s6(a)]')
    expect(normaliseOcrWord('[s18{d))')).toBe('[s18(d))')
    expect(normaliseOcrWord('s9(2)())')).toBe('s9(2)(j)')
    expect(normaliseOcrWord('s9(2)(]),')).toBe('s9(2)(j),')
    expect(normaliseOcrWord('s9(2)()')).toBe('s9(2)()')
    expect(normaliseOcrWord('9(2)(g)(D')).toBe('9(2)(g)(i)')
    expect(normaliseOcrWord('2024')).toBe('2024')
  })
})

describe('placeholder pages', () => {
  it('calls a mostly blank page that says so withheld in full, with its ground', async () => {
    const printed = line(380, ['Withheld', 'in', 'full', 'under', 'section', '9(2)(a)'], 150)
    const { page } = await read([], printed)
    expect(page.withheldInFull).toBe(true)
    expect(page.redactions).toHaveLength(1)
    expect(page.redactions[0]).toMatchObject({ kind: 'page', source: 'page', grounds: ['9(2)(a)'] })
    expect(page.redactions[0]!.bbox).toEqual([0, 0, W, H])
  })

  it('reads the label inside a frame drawn round the whole page', async () => {
    const printed = line(380, ['Withheld', 'in', 'full', 'under', 'section', '9(2)(a)'], 150)
    const bitmap = bitmapOf(RASTER_PX_PER_PT, [], printed)
    const frame = (x0: number, y0: number, x1: number, y1: number): void => {
      for (let y = y0; y < y1; y++) bitmap.data.fill(20, y * bitmap.width + x0, y * bitmap.width + x1)
    }
    const [x0, y0, x1, y1] = [25, 25, W - 25, H - 25].map((v) => Math.round(v * RASTER_PX_PER_PT))
    frame(x0!, y0!, x1!, y0! + 2)
    frame(x0!, y1! - 2, x1!, y1!)
    frame(x0!, y0!, x0! + 2, y1!)
    frame(x1! - 2, y0!, x1!, y1!)
    const band = sparsePrintBand(bitmap, RASTER_PX_PER_PT)
    expect(band).not.toBeNull()
    expect(band![1]).toBeGreaterThan(300)
    expect(band![3]).toBeLessThan(420)
  })

  it('does not read a full page of text whole', () => {
    const printed: Printed[] = []
    for (let top = 40; top < 760; top += 14)
      printed.push(...line(top, ['the', 'ministry', 'officials', 'agreed']))
    expect(sparsePrintBand(bitmapOf(RASTER_PX_PER_PT, [], printed), RASTER_PX_PER_PT)).toBeNull()
  })
})

describe('pages with an OCR text layer', () => {
  const glyph = (unicode: string, rect: PageRect, seq: number): Glyph => ({
    seq,
    rect,
    unicode,
    colour: [0, 0, 0],
    invisible: true,
    sizePt: 10,
    rotated: false,
    diagonal: false,
    dir: 0,
    clippedOut: false,
    alpha: 1,
    group: 0
  })
  const layer = (text: string, x: number, top: number, seq0: number): Glyph[] =>
    [...text].map((ch, i) => glyph(ch, [x + i * 5, top, x + i * 5 + 5, top + 11], seq0 + i))

  it('uses the layer as is (no OCR) and flags real words under a burned-in box as a leak', async () => {
    const glyphs = [
      ...layer('Aroha', 60, 100, 0),
      ...layer('Ngata', 90, 100, 10),
      ...layer('s9(2)(a)', 130, 100, 20),
      ...layer('Il', 60, 200, 40)
    ]
    const redactions = [box([58, 98, 120, 113]), box([58, 198, 75, 213])]
    const { page, engine } = await read(redactions, [], glyphs)
    // OCR reads only around the box the layer left unlabelled (the second, at y 198–213).
    expect(engine.calls.every((c) => c.rectPx[1] > 150 * OCR_PX_PER_PT)).toBe(true)
    expect(page.redactions[0]).toMatchObject({ grounds: ['9(2)(a)'], leak: { kind: 'text-under-box' } })
    expect(page.redactions[0]!.leakedText).toBe('Aroha Ngata')
    // OCR noise under a box is not a leak.
    expect(page.redactions[1]!.leak).toBeNull()
  })

  it('reads in the pixels a label burned into a box that the layer does not hold', async () => {
    const glyphs = [...layer('The', 60, 100, 0), ...layer('minister', 90, 100, 10)]
    const printed: Printed[] = [{ text: '5.1.2e', rect: [240, 102, 270, 111], light: true }]
    const { page } = await read([box([200, 98, 320, 114])], printed, glyphs)
    expect(page.redactions[0]).toMatchObject({ label: '5.1.2e', grounds: ['5.1.2e'] })
    const withoutOcr = await read([box([200, 98, 320, 114])], printed, glyphs, { withOcr: false })
    expect(withoutOcr.page.redactions[0]!.grounds).toEqual([])
  })
})
