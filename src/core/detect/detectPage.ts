/**
 * Detection for one page, on plain data: the page's drawing (walked from pdf.js's operator list) and
 * its /Redact annotations in, the page's entry of the scan contract out. No pdf.js here, so every rule
 * is testable with hand-made pages.
 */
import type { Glyph, PageContent } from '../pdf/pageContent'
import type { PageRect, ScanPage, ScanRedaction } from '../types'
import { findCandidates } from './candidates'
import { barSets, findChartAxes } from './chartAxes'
import { area, coverage, roundRect, type Rect } from './geometry'
import { judge, type Judgement } from './judge'
import { textBesideOnLine, type PageContext } from './placement'
import { assignBesideLabels, labelOnBox } from './labels'
import { isOnlyLabel, leakFor } from './leaks'
import { BandIndex, buildRuns, glyphText, median } from './textRuns'
import { placeholderPage } from './withheldPage'
import { contentInFrame, dominantDirection, readingFrame } from './readingFrame'

export interface RedactAnnotation {
  /** The mark's area on the displayed page. */
  readonly rect: PageRect
  /** /OverlayText: what the applied redaction would print, often the ground. */
  readonly overlayText: string | null
  /**
   * /Contents: the mark's note. Never a label: tools put the very text to remove there, so it is
   * only ever counted and hashed as part of the leak (shown with revealLeaks).
   */
  readonly contents?: string | null
}

export interface PageInput {
  readonly index: number
  readonly width: number
  readonly height: number
  readonly rotation: number
  readonly content: PageContent
  readonly redactAnnotations: readonly RedactAnnotation[]
}

export interface DetectOptions {
  readonly revealLeaks: boolean
}

/** One image over 70% of the page with little live text: a scan (OCR text, if any, is invisible). */
const SCAN_MIN_IMAGE_SHARE = 0.7
const SCAN_MAX_VISIBLE_GLYPHS = 40
/** A redaction box over half the page is the page withheld in full (A4 inside 2 cm margins is ~70%). */
export const PAGE_BOX_MIN_SHARE = 0.5
const DEFAULT_LINE_HEIGHT_PT = 10

function isScanned(content: PageContent, visibleGlyphs: number): boolean {
  const pageArea = content.width * content.height
  const bigImage = content.images.some((im) => area(im.rect) >= SCAN_MIN_IMAGE_SHARE * pageArea)
  return bigImage && visibleGlyphs <= SCAN_MAX_VISIBLE_GLYPHS
}

function toRedaction(
  j: Judgement,
  label: string | null,
  grounds: readonly string[],
  reveal: boolean
): ScanRedaction {
  const kind = j.candidate.colourClass
  return {
    bbox: roundRect(j.candidate.rect),
    kind,
    source: 'vector',
    confidence: j.confidence,
    label,
    grounds,
    leak: j.leak,
    leakedText: reveal && j.leak ? j.leakedText : null,
    evidence: [...(REASON_EVIDENCE[j.reason] ?? []), ...(label ? ['label'] : [])],
    status: 'found',
    passage: null
  }
}

/** The judge's reason for a vector fill, as the scan contract's evidence. */
const REASON_EVIDENCE: Readonly<Record<string, readonly string[]>> = {
  'hidden-text': ['covers-text'],
  'covers-text': ['covers-text'],
  'label-inside': [],
  'black-box': ['flat-fill', 'opaque'],
  'in-text-flow': ['flat-fill', 'text-line'],
  'needs-label': ['flat-fill']
}

function annotationRedactions(
  annotations: readonly RedactAnnotation[],
  index: BandIndex<Glyph>,
  reveal: boolean
): ScanRedaction[] {
  return annotations.map((a) => {
    const under = index
      .near(a.rect)
      .filter((g) => coverage(g.rect, a.rect) >= 0.5)
      .sort((x, y) => x.seq - y.seq)
    const text = leakedAnnotationText(glyphText(under), a.contents ?? null)
    const leak = leakFor('unapplied-annotation', text, false)
    // The label is what the applied mark would print (/OverlayText), never the mark's own note.
    const found = a.overlayText ? labelOnBox(a.overlayText) : null
    return {
      bbox: roundRect(a.rect),
      kind: 'annotation',
      source: 'annotation',
      confidence: 0.99,
      label: found?.label ?? (a.overlayText?.trim() || null),
      grounds: found?.grounds ?? [],
      leak,
      leakedText: reveal && leak ? text : null,
      evidence: ['redact-annotation', ...(found ? ['label'] : [])],
      status: 'found' as const,
      passage: null
    }
  })
}

/**
 * What an unapplied mark gives away: the text under it, and its /Contents note where that says more
 * than a ground label (a note that repeats the text under it adds nothing; one over an image or a
 * blank area may be the only copy of the withheld words left).
 */
function leakedAnnotationText(under: string, contents: string | null): string {
  const note = contents?.replace(/\s+/g, ' ').trim() ?? ''
  if (note === '' || isOnlyLabel(note)) return under
  const flat = (t: string): string => t.replace(/\s+/g, '').toLowerCase()
  if (flat(under).includes(flat(note))) return under
  return under.trim() === '' ? note : `${under} ${note}`
}

/**
 * A member of a bar set stays a chart bar unless it shows a redaction's signs: hidden text, a label
 * inside, or running text continuing on its right (a redacted word at the start of a line).
 */
function isBareBar(j: Judgement, ctx: PageContext): boolean {
  if (j.leak || j.insideLabel || j.reason === 'hidden-text' || j.reason === 'covers-text') return false
  const rect = j.candidate.rect
  const right = textBesideOnLine(rect, ctx, 2 * j.lineHeightPt).filter((r) => r.rect[0] >= rect[2] - 1)
  return right.every((r) => /^[-−]?[$€£]?\d[\d.,]*%?$/u.test(r.text.trim()))
}

/** Legend swatches are small squares: at most this long a side (points). */
const SWATCH_MAX_PT = 12

function isSwatchSized(j: Judgement): boolean {
  const [x0, y0, x1, y1] = j.candidate.rect
  const long = Math.max(x1 - x0, y1 - y0)
  return !j.insideLabel && !j.leak && long <= SWATCH_MAX_PT && long <= 1.4 * Math.min(x1 - x0, y1 - y0)
}

/** Top to bottom, then left to right (boxes within 2 pt of one line count as one line). */
export const readingOrder = (a: ScanRedaction, b: ScanRedaction): number =>
  Math.abs(a.bbox[1] - b.bbox[1]) > 2 ? a.bbox[1] - b.bbox[1] : a.bbox[0] - b.bbox[0]

export function detectPage(input: PageInput, options: DetectOptions): ScanPage {
  // Rules speak of lines running left to right: turn sideways pages into that frame first.
  const frame = readingFrame(
    dominantDirection(input.content.glyphs),
    input.content.width,
    input.content.height
  )
  const content = contentInFrame(input.content, frame)
  const glyphs = content.glyphs
  const visibleGlyphs = glyphs.filter((g) => !g.invisible && !g.clippedOut && g.unicode.trim() !== '')
  const hasTextLayer = glyphs.some((g) => g.unicode.trim() !== '')
  const scanned = isScanned(content, visibleGlyphs.length)
  // Runs keep text clipped off the page edge: a label running past the margin is still that label.
  const runs = buildRuns(glyphs)
  const pageLineHeightPt =
    median(visibleGlyphs.filter((g) => !g.rotated).map((g) => g.sizePt)) || DEFAULT_LINE_HEIGHT_PT
  const glyphIndex = new BandIndex(glyphs, (g) => g.rect)
  const ctx: PageContext = {
    width: content.width,
    height: content.height,
    glyphIndex,
    runIndex: new BandIndex(runs, (r) => r.rect),
    fillIndex: new BandIndex(content.fills, (f) => f.rect),
    imageIndex: new BandIndex(content.images, (im) => im.rect),
    pageLineHeightPt,
    chartAxes: findChartAxes(runs, content.fills),
    scanned
  }

  const candidates = findCandidates(content.fills)
  const colourKey = (c: (typeof candidates)[number]): string =>
    c.colour.map((v) => Math.round(v / 16)).join(',')
  const bars = barSets(candidates.map((c) => ({ rect: c.rect, colourKey: colourKey(c) })))
  const judged = candidates.map((c, i) => {
    const j = judge(c, ctx)
    return bars.has(i) && j.verdict !== 'rejected' && isBareBar(j, ctx)
      ? { ...j, verdict: 'rejected' as const, reason: 'chart-bar' }
      : j
  })
  // Stacked bars: a segment going on from where a chart bar ends, as thick, is that bar's next segment.
  for (let grew = true; grew;) {
    grew = false
    judged.forEach((j, i) => {
      if (j.reason === 'chart-bar' || j.leak || j.insideLabel) return
      const r = j.candidate.rect
      const follows = judged.some((b) => {
        if (b.reason !== 'chart-bar') return false
        const c = b.candidate.rect
        const across = Math.abs(r[1] - c[1]) <= 1 && Math.abs(r[3] - c[3]) <= 1 && Math.abs(r[0] - c[2]) <= 1
        const up = Math.abs(r[0] - c[0]) <= 1 && Math.abs(r[2] - c[2]) <= 1 && Math.abs(r[3] - c[1]) <= 1
        return across || up
      })
      if (follows) {
        judged[i] = { ...j, verdict: 'rejected', reason: 'chart-bar' }
        grew = true
      }
    })
  }
  // A chart's legend keys its series by colour: a small square in the colour of a chart's bars is a
  // legend swatch, however small the print beside it.
  const chartColours = new Set(
    judged.flatMap((j) => (j.reason === 'chart-bar' ? [colourKey(j.candidate)] : []))
  )
  // A legend row: three or more same-size small squares on one line in different colours (a pie
  // chart's keys). No redaction is a row of tiny squares of several colours.
  const swatches = judged.filter(isSwatchSized)
  const legendRow = new Set(
    swatches.filter((a) => {
      const row = swatches.filter(
        (b) =>
          Math.abs(b.candidate.rect[1] - a.candidate.rect[1]) <= 1 &&
          Math.abs(b.candidate.rect[3] - a.candidate.rect[3]) <= 1
      )
      return row.length >= 3 && new Set(row.map((b) => colourKey(b.candidate))).size >= 2
    })
  )
  const judgements = judged.filter(
    (j) =>
      j.verdict !== 'rejected' &&
      !(chartColours.has(colourKey(j.candidate)) && isSwatchSized(j)) &&
      !legendRow.has(j)
  )
  const beside = assignBesideLabels(
    judgements.map((j) => ({
      rect: j.candidate.rect,
      lineHeightPt: j.lineHeightPt,
      insideLabel: j.insideLabel
    })),
    ctx.runIndex,
    content.width
  )

  const redactions: ScanRedaction[] = []
  judgements.forEach((j, i) => {
    const inside = j.insideLabel ? labelOnBox(j.insideLabel) : null
    const found = inside ?? beside[i] ?? null
    if (j.verdict === 'needs-label' && !found && !j.insideLabel) return
    const label = j.insideLabel ?? found?.label ?? null
    const redaction = toRedaction(j, label, found?.grounds ?? [], options.revealLeaks)
    redactions.push({ ...redaction, bbox: roundRect(frame.toPage(j.candidate.rect)) })
  })
  const annotations = annotationRedactions(
    input.redactAnnotations.map((a) => ({ ...a, rect: frame.toFrame(a.rect) })),
    glyphIndex,
    options.revealLeaks
  ).map((r) => ({ ...r, bbox: roundRect(frame.toPage(r.bbox)) }))

  const base = {
    index: input.index,
    width: input.width,
    height: input.height,
    rotation: input.rotation,
    scanned,
    hasTextLayer
  }

  const pageArea = content.width * content.height
  // A white frame round half a page may be a panel among other boxes; alone on its page, with only
  // its label inside, it is the page withheld in full (an outlined box drawn over the whole page).
  const pageBox = redactions.find(
    (r) =>
      (r.kind !== 'white' || redactions.length === 1) && area(r.bbox as Rect) >= PAGE_BOX_MIN_SHARE * pageArea
  )
  if (pageBox) {
    const grounds = [...new Set(redactions.flatMap((r) => r.grounds))]
    const leaks = redactions.filter((r) => r.leak)
    return {
      ...base,
      withheldInFull: true,
      redactions: [
        {
          ...pageBox,
          kind: 'page',
          grounds,
          leak: pageBox.leak ?? leaks[0]?.leak ?? null,
          evidence: ['page-size-box', ...pageBox.evidence.filter((e) => e === 'label')]
        },
        ...annotations
      ]
    }
  }

  if (redactions.length === 0 && !scanned) {
    const placeholder = placeholderPage(runs)
    if (placeholder) {
      return {
        ...base,
        withheldInFull: true,
        redactions: [
          {
            bbox: [0, 0, Math.round(input.width * 100) / 100, Math.round(input.height * 100) / 100],
            kind: 'page',
            source: 'page',
            confidence: placeholder.grounds.length > 0 ? 0.9 : 0.8,
            label: placeholder.label,
            grounds: placeholder.grounds,
            leak: null,
            leakedText: null,
            evidence: ['placeholder-text'],
            status: 'found',
            passage: null
          },
          ...annotations
        ]
      }
    }
  }

  return { ...base, withheldInFull: false, redactions: [...redactions, ...annotations].sort(readingOrder) }
}
