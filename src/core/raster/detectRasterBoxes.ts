/**
 * Redaction boxes burned into page images (scanned releases), found in a greyscale bitmap of the
 * rendered page. Pure: no DOM, no Node; the caller renders (src/node/rasterPage.ts in Node,
 * OffscreenCanvas in a browser worker) and passes the grey pixels.
 *
 * API for scanDocument:
 *   detectRasterBoxes({ data, width, height }, pxPerPt, options?) → RasterBox[]
 *   - data: Uint8Array, one byte per pixel, 0 = black … 255 = white, row-major, no padding.
 *   - pxPerPt: bitmap pixels per PDF point (dpi / 72; 100 dpi → 1.389).
 *   - each RasterBox.pageRect is in points on the displayed page, origin top-left — the bitmap must
 *     be rendered from the pdf.js viewport of the displayed page (rotation applied), as rasterPage does.
 *   Map to the scan contract as { bbox: pageRect, kind, source: 'raster', confidence }.
 *
 * Scanned-page check: isImagePage in src/node/rasterPage.ts (images cover ≥ 80% of the page).
 * Confidence: ~0.9–0.97 clean box; ≤ 0.75 box with light text inside (a label, or a short reverse-
 * video heading); 0.7 short box almost filled by its label; 0.45–0.6 marker stroke (marker: true).
 *
 * Method (every step O(pixels) or O(components); ~10–20 ms for an A4 page at 100 dpi):
 *  1. ink mask (grey < 110: off-black ink 0–60 plus JPEG noise and blur stays under ~95);
 *  2. erosion by a 3.5 pt square (5 px at 100 dpi) keeps only solid ink: glyph strokes (1–4 px),
 *     rules and underlines (< 3.5 pt), signature and stamp strokes disappear, and a box touching text
 *     comes apart from it (keeping at most a touching stroke's width);
 *  3. connected components of what is left, each measured (features.ts, profile.ts): rectangularity
 *     against the minimum-area rectangle over ±3° and against a stack of bars, deskewed edge
 *     wobble, tone spread, light glyphs inside, and the tone of a ring around it (a dark patch among
 *     mid greys is part of a photo);
 *  4. classification (classify.ts): flat rectangle or stack of bars → box; elongated dark stroke with
 *     wavy edges → marker; photo, logo (not rectangular), hollow glyph, reverse-video header (a line
 *     of ≥ 100 pt of light text) → nothing; remnants under 9 pt long or shaped like a glyph stem →
 *     nothing; long thin strips along the page edge are scanner borders; a remnant that is none of
 *     these may be a dark box its white label broke up: carried to its ends and judged whole
 *     (labelledBox.ts);
 *  5. refinement and merges (merge.ts): a box end is carried across a white label printed there;
 *     pieces split by a label, and the bars of one block (no text right of the upper bar nor left
 *     of the lower, gap ≤ 3 px) become one box.
 *
 * White boxes: outlined empty rectangles (whiteBoxes.ts), kind 'white', confidence 0.5; one with a
 * short line of print inside comes back `needsLabel`, for OCR to confirm or drop.
 *
 * Known limits: grey (100–200) boxes and white boxes without an outline are not looked for yet; a short reverse-video heading
 * ("Summary" on a dark band) looks like a box with a white label and is reported with confidence
 * ≤ 0.75 — reading the label (OCR) will tell them apart; two redactions that touch are one box.
 */
import type { PageRect } from '../types'
import { labelComponents } from './components'
import { MAX_RING_MID, MAX_RING_SIDE_MID, classify, isLabelledBox, ringTone } from './classify'
import { measureRegion } from './features'
import { erodeSquare, thresholdDark } from './mask'
import { type Candidate, extendEnd, mergeCandidates } from './merge'
import { isDarkBoxWithLabel } from './labelledBox'
import { findWhiteBoxes } from './whiteBoxes'
import { combineTone, toneToRaster } from './combineTone'
import { findToneBoxes } from './toneBoxes'
import { MIN_SKEW_DEG, estimateSkewDeg, rectToSource, rotateBitmap } from './deskew'
import { chartBars } from './toneCharts'

export interface GreyBitmap {
  /** One byte per pixel, 0 = black … 255 = white, row-major, length width × height. */
  readonly data: Uint8Array
  readonly width: number
  readonly height: number
}

export interface RasterBox {
  /** Points on the displayed page, origin top-left, y down. */
  readonly pageRect: PageRect
  readonly kind: 'black' | 'grey' | 'white'
  /** 0..1: how sure the detector is that this is a redaction. */
  readonly confidence: number
  /** A hand-drawn marker stroke rather than a drawn box. */
  readonly marker: boolean
  /**
   * An outlined white box with print inside: a redaction only if OCR reads that print as a ground
   * label (a one-cell table or a text box holding a word looks the same in pixels).
   */
  readonly needsLabel?: boolean
  /** Why it is a box (the scan contract's evidence); defaults by kind when absent. */
  readonly evidence?: readonly string[]
}

export interface RasterDetectOptions {
  /** Grey level below which a pixel is ink. Default 110. */
  readonly darkBelow?: number
  /** Grey level above which a pixel is paper or a light glyph. Default 160. */
  readonly lightAbove?: number
  /** Side of the erosion square in points: solid ink thinner than this is not a box. Default 3.5. */
  readonly erosionPt?: number
  /** Shortest side a box may have, points (a rule is thinner). Default 4.5. */
  readonly minSidePt?: number
  /** Largest scan skew to tolerate, degrees. Default 3. */
  readonly maxSkewDeg?: number
  /** Turn a skewed scan upright before looking for boxes. Default true. */
  readonly deskew?: boolean
}

const DEFAULTS: Required<Omit<RasterDetectOptions, 'deskew'>> = {
  darkBelow: 110,
  lightAbove: 160,
  erosionPt: 3.5,
  minSidePt: 4.5,
  maxSkewDeg: 3
}

/** Grey below which a pixel may belong to a thin outline. */
const OUTLINE_BELOW = 200

/** An outlined white rectangle is a redaction less surely than a dark one (forms have empty fields). */
const WHITE_BOX_CONFIDENCE = 0.5

/** No redaction is smaller than a short word: ~9 pt along its long side. */
const MIN_LONG_SIDE_PT = 9

/** A strip along a page edge, long and thin: the scanner lid's shadow, not a redaction. */
function isScannerBorder(c: Candidate, width: number, height: number): boolean {
  const w = c.x1 - c.x0
  const h = c.y1 - c.y0
  const touchesSide = c.x0 <= 1 || c.x1 >= width - 1
  const touchesTopOrBottom = c.y0 <= 1 || c.y1 >= height - 1
  return (
    (touchesSide && h >= 0.3 * height && w <= 0.08 * width) ||
    (touchesTopOrBottom && w >= 0.3 * width && h <= 0.05 * height)
  )
}

export function detectRasterBoxes(
  bitmap: GreyBitmap,
  pxPerPt: number,
  options: RasterDetectOptions = {}
): RasterBox[] {
  const { width, height, data } = bitmap
  if (data.length !== width * height)
    throw new Error(`bitmap is ${data.length} bytes, expected ${width}×${height}`)
  if (!(pxPerPt > 0)) throw new Error('pxPerPt must be positive')
  // A skewed scan is turned upright first, so each bar is a clean rectangle again (deskew.ts).
  const skewDeg = options.deskew === false ? 0 : estimateSkewDeg(bitmap)
  if (Math.abs(skewDeg) < MIN_SKEW_DEG) return detectUpright(bitmap, pxPerPt, options)
  const upright = rotateBitmap(bitmap, skewDeg)
  return detectUpright(upright, pxPerPt, options).map((box) => {
    const [x0, y0, x1, y1] = rectToSource(
      [
        box.pageRect[0] * pxPerPt,
        box.pageRect[1] * pxPerPt,
        box.pageRect[2] * pxPerPt,
        box.pageRect[3] * pxPerPt
      ],
      skewDeg,
      width,
      height
    )
    return { ...box, pageRect: [x0 / pxPerPt, y0 / pxPerPt, x1 / pxPerPt, y1 / pxPerPt] as const }
  })
}

function detectUpright(bitmap: GreyBitmap, pxPerPt: number, options: RasterDetectOptions): RasterBox[] {
  const o = { ...DEFAULTS, ...options }
  const { width, height, data } = bitmap
  const erosionPx = Math.max(2, Math.round(o.erosionPt * pxPerPt))
  const minSidePx = o.minSidePt * pxPerPt
  const ink = thresholdDark(data, o.darkBelow)
  const solid = erodeSquare(ink, width, height, erosionPx)
  const minEroded = Math.max(1, Math.ceil(minSidePx - (erosionPx - 1)))
  const { components, runs } = labelComponents(solid, width, height, minEroded, minEroded)

  const tone = { darkBelow: o.darkBelow, lightAbove: o.lightAbove, minGlyphPx: 2.5 * pxPerPt }
  const cands: Candidate[] = []
  for (const comp of components) {
    const f = measureRegion(comp, runs, data, width, height, erosionPx, tone, o.maxSkewDeg)
    if (f.shortPx < minSidePx) continue
    const boxW = comp.x1 - comp.x0 + erosionPx
    const boxH = comp.y1 - comp.y0 + erosionPx
    // A glyph stem of a large bold heading: narrow and upright. Word redactions are wider than tall.
    if (boxW < 10 * pxPerPt && boxH > 1.5 * boxW) continue
    // A blob where strokes of a bold glyph meet: the smallest word box is ~10 pt wide.
    if (f.longPx < MIN_LONG_SIDE_PT * pxPerPt) continue
    // A dark patch inside a photo sits among mid greys; a redaction sits on paper, beside text.
    const ring = ringTone(
      bitmap,
      comp.x0,
      comp.y0,
      comp.x1 + erosionPx,
      comp.y1 + erosionPx,
      Math.round(3 * pxPerPt),
      o
    )
    if (ring.all > MAX_RING_MID || ring.worstSide > MAX_RING_SIDE_MID) continue
    let verdict = classify(f, pxPerPt)
    const x1 = Math.min(width, comp.x1 + erosionPx)
    const y1 = Math.min(height, comp.y1 + erosionPx)
    if (!verdict && f.fillOuter < 0.88 && isLabelledBox(bitmap, comp.x0, comp.y0, x1, y1, tone))
      verdict = { marker: false, confidence: 0.7 }
    if (!verdict) {
      // A label broke the box up (a ragged remnant, or a short one whose edges look wavy): find the
      // box's ends past the label, then judge the whole box.
      const whole: Candidate = { x0: comp.x0, y0: comp.y0, x1, y1, marker: false, confidence: 0, darkMean: 0 }
      extendEnd(whole, bitmap, o.darkBelow, pxPerPt, -1)
      extendEnd(whole, bitmap, o.darkBelow, pxPerPt, 1)
      if (isDarkBoxWithLabel(bitmap, whole.x0, whole.y0, whole.x1, whole.y1, tone, pxPerPt))
        verdict = { marker: false, confidence: 0.7 }
    }
    if (!verdict) continue
    cands.push({
      x0: comp.x0,
      y0: comp.y0,
      x1,
      y1,
      marker: verdict.marker,
      confidence: verdict.confidence,
      darkMean: f.darkMean
    })
  }

  for (const c of cands) {
    if (c.marker) continue
    extendEnd(c, bitmap, o.darkBelow, pxPerPt, -1)
    extendEnd(c, bitmap, o.darkBelow, pxPerPt, 1)
  }
  const dark = mergeCandidates(cands, bitmap, o.darkBelow).filter((c) => !isScannerBorder(c, width, height))
  const boxes: RasterBox[] = dark.map((c) => ({
    pageRect: [c.x0 / pxPerPt, c.y0 / pxPerPt, c.x1 / pxPerPt, c.y1 / pxPerPt] as const,
    kind: c.darkMean <= 85 ? ('black' as const) : ('grey' as const),
    confidence: Math.round(Math.max(0.05, Math.min(0.99, c.confidence)) * 100) / 100,
    marker: c.marker
  }))
  // A hairline outline blurs to grey 120–180 at 100 dpi: the frame search takes anything not paper.
  const lines = thresholdDark(data, OUTLINE_BELOW, ink)
  for (const w of findWhiteBoxes(bitmap, lines, pxPerPt)) {
    if (dark.some((c) => c.x0 < w.x1 && w.x0 < c.x1 && c.y0 < w.y1 && w.y0 < c.y1)) continue
    boxes.push({
      pageRect: [w.x0 / pxPerPt, w.y0 / pxPerPt, w.x1 / pxPerPt, w.y1 / pxPerPt] as const,
      kind: 'white',
      confidence: WHITE_BOX_CONFIDENCE,
      marker: false,
      ...(w.labelled ? { needsLabel: true } : {})
    })
  }
  // Boxes of any tone (grey, light, coloured) by shape and flatness; see combineTone.ts.
  const tones = findToneBoxes(bitmap, pxPerPt).map((t) => toneToRaster(t, pxPerPt))
  return withoutCharts(combineTone(boxes, tones), bitmap, pxPerPt)
}

/** The boxes less the bars of charts (toneCharts.ts), judged on every filled box of any tone. */
function withoutCharts(boxes: readonly RasterBox[], bitmap: GreyBitmap, pxPerPt: number): RasterBox[] {
  const filled = boxes
    .filter((b) => b.kind !== 'white')
    .map((box) => {
      const [x0, y0, x1, y1] = box.pageRect.map((v) => v * pxPerPt) as [number, number, number, number]
      return { x0, y0, x1, y1, box }
    })
  const charts = new Set([...chartBars(filled, bitmap, pxPerPt)].map((b) => b.box))
  return boxes.filter((b) => !charts.has(b))
}
