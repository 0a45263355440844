/**
 * Reads what a scanned page prints in pixels: the ground labels beside its raster boxes and the words
 * of a placeholder page withheld in full. Text comes from the page's own invisible OCR layer when it
 * has one (render mode 3: no tesseract then), else from an OcrEngine on strips around the boxes
 * (strips.ts) and, for a page that is mostly blank, the page's printed area. The words then go
 * through the same label and placeholder rules as vector text (detect/labels.ts, withheldPage.ts).
 *
 * The OCR layer also decides leaks under burned-in boxes: invisible text under a raster box is a
 * `text-under-box` leak only when it carries real words (two runs of three letters or more); OCR
 * layers made after the redaction hold noise like "I|l" or nothing there.
 */
import { foreignCode } from '../grounds/foreignCode'
import type { Glyph } from '../pdf/pageContent'
import type { GreyBitmap } from '../raster/detectRasterBoxes'
import type { PageRect, ScanPage, ScanRedaction } from '../types'
import { assignBesideLabels, labelOnBox, type FoundLabel } from '../detect/labels'
import { isOnlyLabelOnBox, leakFor } from '../detect/leaks'
import { BandIndex, glyphText, type TextRun } from '../detect/textRuns'
import { placeholderPage } from '../detect/withheldPage'
import { coverage, height, type Rect } from '../detect/geometry'
import type { OcrEngine, OcrRaster, OcrWord, PxRect } from './ocrEngine'
import {
  MIN_WORD_CONFIDENCE,
  citesGround,
  normaliseOcrWord,
  ocrRuns,
  textLayerRuns,
  type PageWord
} from './ocrRuns'
import { outlineMasks } from './outlineMask'
import { labelStrips, lineHeightOfBoxes } from './strips'
import { readStackedStrips } from './stackedStrips'

export interface ScannedPageInput {
  /** The raster pass's page image (about 100 dpi), used to skip blank strips and find sparse pages. */
  readonly raster: { readonly bitmap: GreyBitmap; readonly pxPerPt: number }
  /** Every glyph the page draws, visible or not (an OCR text layer is invisible glyphs). */
  readonly glyphs: readonly Glyph[]
  readonly revealLeaks: boolean
  /**
   * Raster boxes (their bbox as on the page) that stand only if a ground label is read inside them:
   * outlined white boxes with print inside (RasterBox.needsLabel).
   */
  readonly needsLabel?: readonly PageRect[]
}

export interface PageOcr {
  readonly engine: OcrEngine
  /** Renders the page for OCR (around 300 dpi); called at most once per page, only when needed. */
  readonly render: () => Promise<OcrRaster>
}

/** An OCR text layer needs this many visible-worthy characters before it is trusted as the page's text. */
const MIN_LAYER_CHARS = 4
/** A page whose inked rows are at most this share of its height is mostly blank: read it whole. */
const SPARSE_MAX_INKED_ROWS = 0.2
/** A row counts as inked with this share of dark pixels (speckle stays under it). */
const INKED_ROW_MIN_SHARE = 0.004
/** Beside a box, words below this confidence are its edge or speckle (body text reads at 85–96). */
const BESIDE_MIN_CONFIDENCE = 50
/** Boxes are painted out of a strip with this much of their blurred edge. */
const BOX_MASK_PAD_PT = 1
/** Inside a box, words below this confidence are the box's own speckle. */
const INSIDE_MIN_CONFIDENCE = 60
/** Invisible glyphs this far inside a burned-in box are under it. */
const UNDER_BOX_MIN_COVERAGE = 0.5

const toPx = (r: Rect, pxPerPt: number, w: number, h: number): PxRect => [
  Math.max(0, Math.floor(r[0] * pxPerPt)),
  Math.max(0, Math.floor(r[1] * pxPerPt)),
  Math.min(w, Math.ceil(r[2] * pxPerPt)),
  Math.min(h, Math.ceil(r[3] * pxPerPt))
]

/** A straight dark run this long (points) is a frame or a rule, not print: no glyph is so large. */
const FRAME_MIN_PT = 40

/** 1 on dark pixels that belong to a straight run at least `minPx` long, across or down (a frame's sides). */
function linePixels(bitmap: GreyBitmap, minPx: number): Uint8Array {
  const { data, width, height } = bitmap
  const out = new Uint8Array(width * height)
  // One pass per direction: `lines` runs along, `along` steps within a run, `at(line, k)` its pixel.
  const pass = (lines: number, along: number, at: (line: number, k: number) => number): void => {
    for (let line = 0; line < lines; line++) {
      let start = -1
      for (let k = 0; k <= along; k++) {
        const dark = k < along && data[at(line, k)]! < 128
        if (dark && start < 0) start = k
        if (!dark && start >= 0) {
          if (k - start >= minPx) for (let j = start; j < k; j++) out[at(line, j)] = 1
          start = -1
        }
      }
    }
  }
  pass(width, height, (x, y) => y * width + x)
  pass(height, width, (y, x) => y * width + x)
  return out
}

/**
 * The rows (points) that hold print, when they are few: the band to read on a mostly blank page.
 * A frame drawn round the page (an outlined box withheld in full) crosses every row; its sides are
 * left out, so the one label inside it still makes a sparse page.
 */
export function sparsePrintBand(bitmap: GreyBitmap, pxPerPt: number): PageRect | null {
  let inked = 0
  let first = -1
  let last = -1
  const minDark = Math.max(2, INKED_ROW_MIN_SHARE * bitmap.width)
  const inFrame = linePixels(bitmap, FRAME_MIN_PT * pxPerPt)
  for (let y = 0; y < bitmap.height; y++) {
    let dark = 0
    const row = y * bitmap.width
    for (let x = 0; x < bitmap.width; x++) if (bitmap.data[row + x]! < 128 && !inFrame[row + x]) dark++
    if (dark < minDark) continue
    inked++
    if (first < 0) first = y
    last = y
  }
  if (inked === 0 || inked > SPARSE_MAX_INKED_ROWS * bitmap.height) return null
  const pad = 6 * pxPerPt
  return [0, Math.max(0, (first - pad) / pxPerPt), bitmap.width / pxPerPt, (last + 1 + pad) / pxPerPt]
}

function toPageWords(words: readonly OcrWord[], pxPerPt: number): PageWord[] {
  return words
    .filter((w) => w.text.trim() !== '' && (w.confidence >= MIN_WORD_CONFIDENCE || citesGround(w.text)))
    .map((w) => ({
      text: normaliseOcrWord(w.text.trim()),
      confidence: w.confidence,
      pageRect: [
        w.rectPx[0] / pxPerPt,
        w.rectPx[1] / pxPerPt,
        w.rectPx[2] / pxPerPt,
        w.rectPx[3] / pxPerPt
      ] as const
    }))
}

/** Leak check of one burned-in box against the invisible text layer under it. */
function layerLeak(r: ScanRedaction, glyphs: readonly Glyph[], reveal: boolean): ScanRedaction {
  const under = glyphs.filter((g) => g.invisible && coverage(g.rect, r.bbox) >= UNDER_BOX_MIN_COVERAGE)
  if (under.length === 0) return r
  const text = glyphText([...under].sort((a, b) => a.seq - b.seq))
  const leak = leakFor('text-under-box', text, true)
  return leak ? { ...r, leak, leakedText: reveal ? text : null } : r
}

interface PageText {
  /** Runs beside and around the boxes (strips) or over the whole page (text layer, sparse page). */
  readonly runs: TextRun[]
  /** Text read inside each raster box, by redaction index. */
  readonly inside: Map<number, string>
}

/**
 * @param insideOnly read only inside the boxes: the page's own text layer already holds the print
 *   beside them.
 */
async function readByOcr(
  page: ScanPage,
  input: ScannedPageInput,
  ocr: PageOcr,
  insideOnly = false
): Promise<PageText> {
  const { bitmap, pxPerPt } = input.raster
  const rasterIdx = page.redactions.flatMap((r, i) => (r.source === 'raster' && !r.label ? [i] : []))
  const boxes = page.redactions.map((r) => ({ rect: r.bbox, white: r.kind === 'white' }))
  const targets = rasterIdx.map((i) => boxes[i]!)
  const strips = labelStrips(targets, page.width, page.height, bitmap, pxPerPt)
    .map((s) => ({ ...s, insideOf: s.insideOf === null ? null : rasterIdx[s.insideOf]! }))
    .filter((s) => !insideOnly || s.insideOf !== null)
  const band = page.redactions.length === 0 ? sparsePrintBand(bitmap, pxPerPt) : null
  const inside = new Map<number, string>()
  if (strips.length === 0 && !band) return { runs: [], inside }
  const ocrPage = await ocr.render()
  const { width: w, height: h } = ocrPage.bitmap
  const words: PageWord[] = []
  const darkBoxes = page.redactions.filter((r) => r.kind !== 'white').map((r) => r.bbox)
  // A solid black block beside a 7 pt grey margin label takes tesseract's whole attention (its
  // threshold and layout analysis) and the label comes back as nothing: boxes are read as paper.
  const pad = BOX_MASK_PAD_PT
  const boxesPx = darkBoxes.map((b) =>
    toPx([b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad], ocrPage.pxPerPt, w, h)
  )
  const masksIn = (r: PxRect): PxRect[] =>
    boxesPx.filter((b) => b[0] < r[2] && b[2] > r[0] && b[1] < r[3] && b[3] > r[1])
  // Inside a white box its skewed outline is painted out (outlineMask.ts).
  const outlineOf = (i: number | null): PxRect[] => {
    const r = i === null ? undefined : page.redactions[i]
    if (!r || r.kind !== 'white') return []
    return outlineMasks(ocrPage.bitmap, toPx(r.bbox, ocrPage.pxPerPt, w, h), ocrPage.pxPerPt)
  }
  const legible = strips.filter((strip) => {
    const rectPx = toPx(strip.rect, ocrPage.pxPerPt, w, h)
    return rectPx[2] - rectPx[0] >= 4 && rectPx[3] - rectPx[1] >= 4
  })
  // Light labels inside dark boxes are read together in one call (stackedStrips.ts): one line each,
  // nothing to mask. Print beside boxes and inside white ones is read strip by strip, boxes masked.
  const stacked = legible.filter((strip) => strip.invert && strip.insideOf !== null)
  const stackedRects = stacked.map((strip) => ({
    rectPx: toPx(strip.rect, ocrPage.pxPerPt, w, h),
    invert: true
  }))
  const stackedWords =
    stacked.length === 0
      ? []
      : ocr.engine.recogniseStrips
        ? await ocr.engine.recogniseStrips(ocrPage.bitmap, stackedRects)
        : await readStackedStrips(ocr.engine, ocrPage.bitmap, stackedRects)
  for (const strip of legible) {
    const rectPx = toPx(strip.rect, ocrPage.pxPerPt, w, h)
    const k = stacked.indexOf(strip)
    const read =
      k >= 0
        ? stackedWords[k]!
        : strip.invert
          ? await ocr.engine.recognise(ocrPage.bitmap, rectPx, { invert: true })
          : await ocr.engine.recognise(ocrPage.bitmap, rectPx, {
              maskPx: [...masksIn(rectPx), ...outlineOf(strip.insideOf)]
            })
    const found = toPageWords(read, ocrPage.pxPerPt)
    if (strip.insideOf !== null) {
      const text = insideText(found)
      if (text !== '') inside.set(strip.insideOf, text)
      continue
    }
    // A dark box's ragged edge reads as "|", "—", "OU" or "I~" at low confidence: not print beside it.
    words.push(
      ...found.filter(
        (word) =>
          (word.confidence >= BESIDE_MIN_CONFIDENCE || citesGround(word.text)) &&
          !darkBoxes.some((b) => coverage(word.pageRect, b) >= 0.5)
      )
    )
  }
  if (band) {
    const rectPx = toPx(band, ocrPage.pxPerPt, w, h)
    words.push(...toPageWords(await ocr.engine.recognise(ocrPage.bitmap, rectPx), ocrPage.pxPerPt))
  }
  return { runs: ocrRuns(dedupe(words)), inside }
}

/**
 * What is printed inside a box, as far as OCR can tell: words read surely, and any word citing a
 * ground however unsure. A scanned box is never flat black; its speckle reads as "aw", "TT", "—"
 * at confidence 0–50, around a label read at 75–85.
 */
function insideText(words: readonly PageWord[]): string {
  const cites = (text: string): boolean => citesGround(text) || foreignCode(text) !== null
  const sure = words.filter((w) => w.confidence >= INSIDE_MIN_CONFIDENCE || cites(w.text))
  const text = sure.map((w) => w.text).join(' ')
  if (isOnlyLabelOnBox(text)) return text
  return words
    .filter((w) => cites(w.text))
    .map((w) => w.text)
    .join(' ')
}

/** The same word read from two overlapping strips counts once (the surer reading stays). */
function dedupe(words: PageWord[]): PageWord[] {
  const kept: PageWord[] = []
  for (const word of [...words].sort((a, b) => b.confidence - a.confidence)) {
    if (kept.some((k) => coverage(word.pageRect, k.pageRect) >= 0.6)) continue
    kept.push(word)
  }
  return kept
}

/** The page without the boxes of `needsLabel` that no label was read inside (by redaction index). */
export function withoutUnconfirmed(
  page: ScanPage,
  needsLabel: readonly PageRect[] | undefined,
  labelledInside: ReadonlySet<number> = new Set()
): ScanPage {
  if (!needsLabel || needsLabel.length === 0) return page
  const pending = (r: ScanRedaction): boolean =>
    r.source === 'raster' && needsLabel.some((rect) => rect.every((v, k) => v === r.bbox[k]))
  const redactions = page.redactions.filter((r, i) => labelledInside.has(i) || !pending(r))
  return redactions.length === page.redactions.length ? page : { ...page, redactions }
}

function labelsFor(
  page: ScanPage,
  text: PageText
): { all: Array<FoundLabel | null>; inside: Array<FoundLabel | null> } {
  const lineHeightPt = lineHeightOfBoxes(page.redactions.map((r) => ({ rect: r.bbox, white: false })))
  const insideLabels = page.redactions.map((r, i) => {
    const inside = text.inside.get(i)
    return inside && isOnlyLabelOnBox(inside) ? labelOnBox(inside) : null
  })
  const beside = assignBesideLabels(
    page.redactions.map((r, i) => ({
      rect: r.bbox,
      lineHeightPt: height(r.bbox) <= 20 ? Math.max(height(r.bbox), 6) : lineHeightPt,
      // Labelled already (vector pass, or read inside): not searched again.
      insideLabel: r.label ?? insideLabels[i]?.label ?? null
    })),
    new BandIndex(text.runs, (run) => run.rect),
    page.width
  )
  return { all: page.redactions.map((_, i) => insideLabels[i] ?? beside[i] ?? null), inside: insideLabels }
}

/** Raster boxes still unlabelled take the label found for them. */
function withLabels(
  redactions: readonly ScanRedaction[],
  found: ReadonlyArray<FoundLabel | null>
): ScanRedaction[] {
  return redactions.map((r, i) => {
    const label = found[i]
    if (r.source !== 'raster' || r.label || !label) return r
    return { ...r, label: label.label, grounds: label.grounds }
  })
}

/** The page's redactions with grounds read from its pixels or its OCR layer, and placeholder pages. */
export async function readScannedPage(
  page: ScanPage,
  input: ScannedPageInput,
  ocr: PageOcr | null
): Promise<ScanPage> {
  if (!page.scanned || page.error) return page
  const layer = textLayerRuns(input.glyphs)
  const hasLayer = layer.reduce((n, r) => n + r.text.replace(/\s/gu, '').length, 0) >= MIN_LAYER_CHARS
  let text: PageText
  if (hasLayer) {
    text = { runs: layer, inside: new Map() }
    // Text of the layer lying on a box is read as that box's inside text (a label printed on it).
    page.redactions.forEach((r, i) => {
      const on = layer.filter((run) => coverage(run.rect, r.bbox) >= 0.8)
      if (on.length > 0) text.inside.set(i, on.map((run) => run.text).join(' '))
    })
  } else if (ocr) text = await readByOcr(page, input, ocr)
  else return withoutUnconfirmed(page, input.needsLabel)

  const redactions = page.redactions.map((r) =>
    r.source === 'raster' && hasLayer ? layerLeak(r, input.glyphs, input.revealLeaks) : r
  )
  const { all: found, inside } = labelsFor({ ...page, redactions }, text)
  const labelledInside = new Set(inside.flatMap((label, i) => (label ? [i] : [])))
  let labelled = withLabels(redactions, found)
  // An OCR layer made by the redaction tool (ZyLAB, Adobe) holds the page's words but not the labels
  // burned into its boxes: boxes the layer left unlabelled are read in their pixels too.
  if (hasLayer && ocr && labelled.some((r) => r.source === 'raster' && !r.label)) {
    const read = await readByOcr({ ...page, redactions: labelled }, input, ocr, true)
    const second = labelsFor({ ...page, redactions: labelled }, read)
    second.inside.forEach((label, i) => {
      if (label) labelledInside.add(i)
    })
    labelled = withLabels(labelled, second.all)
  }
  if (labelled.length === 0 && !page.withheldInFull) {
    const placeholder = placeholderPage(text.runs)
    if (placeholder) {
      const wholePage: PageRect = [
        0,
        0,
        Math.round(page.width * 100) / 100,
        Math.round(page.height * 100) / 100
      ]
      return {
        ...page,
        withheldInFull: true,
        redactions: [
          {
            bbox: wholePage,
            kind: 'page',
            source: 'page',
            confidence: placeholder.grounds.length > 0 ? 0.85 : 0.75,
            label: placeholder.label,
            grounds: placeholder.grounds,
            leak: null,
            leakedText: null,
            evidence: ['placeholder-text'],
            status: 'found',
            passage: null
          }
        ]
      }
    }
  }
  return withoutUnconfirmed({ ...page, redactions: labelled }, input.needsLabel, labelledInside)
}
