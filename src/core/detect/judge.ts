/**
 * Looks at what lies under and on top of one candidate box and at its shape against the text around
 * it, and says whether a careful reader would call it a redaction. Drawing order decides most cases:
 * text drawn *before* a box and covered by it is hidden (a redaction, and a leak if it is still
 * there); readable text drawn *after* it, on top, makes it a label background, header shading or a
 * bordered text box — unless that text is itself a redaction label ("s9(2)(a)", "Redacted").
 */
import { colourDistance, indistinguishable, SAME_COLOUR_MAX_DISTANCE } from '../pdf/colour'
import type { Glyph } from '../pdf/pageContent'
import type { Leak } from '../types'
import { parseGrounds } from '../grounds/parseGrounds'
import type { Candidate } from './candidates'
import { inTextFlow, looksLikeChartBar, onChartAxis, type PageContext } from './placement'
import { area, contains, coverage, height, intersectionArea, width, type Rect } from './geometry'
import { hasRealWords, isMeaningfulText, isOnlyLabelOnBox, leakFor } from './leaks'
import { glyphText } from './textRuns'

export type Verdict =
  | 'redaction' // clearly a redaction
  | 'needs-label' // a redaction only if a ground label beside it says so (grey, colour, white boxes)
  | 'rejected'

export interface Judgement {
  readonly candidate: Candidate
  readonly verdict: Verdict
  /** Why, for debugging and tests: 'rule', 'bullet', 'text-on-top', 'hidden-text', … */
  readonly reason: string
  readonly confidence: number
  /** Label printed inside the box (drawn on top of it). */
  readonly insideLabel: string | null
  readonly leak: Leak | null
  readonly leakedText: string | null
  /** Local line height (points) used for the size rules and label search. */
  readonly lineHeightPt: number
}

/**
 * Thinner than 45% of the surrounding text size (or 1.5 pt): a rule, underline or table border. A box
 * that hides a line must cover at least its lower-case letters (x-height ≈ 0.5 of the size); a 3–4 pt
 * rule under a heading in 11 pt text cannot (issue 11: 43 such rules per 275 unseen pages).
 */
const RULE_MAX_SHARE_OF_LINE = 0.45
const RULE_MAX_PT = 1.5
/** The top and bottom share of the page that running headers and footers occupy. */
const MARGIN_BAND_SHARE = 0.1
/** A bar this long (points) runs across a text column: a rule when thinner than the body text. */
const FULL_WIDTH_RULE_MIN_PT = 250
/** A near-square mark no bigger than 70% of a line: a bullet or checkbox. */
const BULLET_MAX_SHARE_OF_LINE = 0.7
/** A square up to one line tall with nothing under it: a legend swatch or a checkbox. */
const SWATCH_MAX_SHARE_OF_LINE = 1.0
/** Text a box hides must be at least half covered: glyph area share. */
const HIDDEN_MIN_COVERAGE = 0.5
/** A white fill over half the page is paper, not a box: white text on it is not a redaction leak. */
const BACKGROUND_MIN_PAGE_SHARE = 0.5
/** A later opaque fill over 90% of a box hides the box itself. */
const OCCLUDED_MIN_COVERAGE = 0.9

/** Median font size of the visible text runs around the box, weighted by their glyph counts. */
function localLineHeight(rect: Rect, ctx: PageContext): number {
  const near = ctx.runIndex
    .near(rect, Math.max(height(rect), 24))
    .filter((r) => !r.invisible && r.glyphs[0]?.dir === 0)
  let count = 0
  for (const r of near) count += r.glyphs.length
  if (count < 3) return ctx.pageLineHeightPt
  near.sort((a, b) => a.sizePt - b.sizePt)
  let seen = 0
  for (const r of near) {
    seen += r.glyphs.length
    if (seen * 2 > count) return r.sizePt
  }
  return ctx.pageLineHeightPt
}

/** Is the glyph hidden by the bars of this box drawn after it? */
function isHidden(g: Glyph, c: Candidate): boolean {
  let covered = 0
  const a = area(g.rect)
  if (a <= 0) return false
  for (const bar of c.bars) if (bar.seq > g.seq) covered += intersectionArea(g.rect, bar.rect)
  return covered / a >= HIDDEN_MIN_COVERAGE
}

/** Is the glyph painted on top of this box (its centre on a bar drawn before it)? */
function isOnTop(g: Glyph, c: Candidate): boolean {
  const cx = (g.rect[0] + g.rect[2]) / 2
  const cy = (g.rect[1] + g.rect[3]) / 2
  let on = false
  for (const bar of c.bars) {
    if (!contains(bar.rect, cx, cy)) continue
    if (bar.seq > g.seq) return false
    on = true
  }
  return on
}

/**
 * Is this same-coloured glyph really sitting on the box? Not when it is part of a stamp (a small form:
 * the redaction tool's own overlay date, an exhibit tag), nor when another fill or an image was
 * painted between the box and the glyph under the glyph's centre.
 */
function sitsOnBox(g: Glyph, c: Candidate, ctx: PageContext): boolean {
  const cx = (g.rect[0] + g.rect[2]) / 2
  const cy = (g.rect[1] + g.rect[3]) / 2
  const bar = c.bars.find((b) => b.seq < g.seq && contains(b.rect, cx, cy))
  if (!bar) return false
  // Text in a small form is a stamp (Bates number, exhibit tag, the tool's own overlay), not content.
  if (g.group !== 0) return false
  for (const f of ctx.fillIndex.near(g.rect)) {
    if (f.seq <= bar.seq || f.seq >= g.seq || !contains(f.rect, cx, cy) || f.alpha < 0.9) continue
    if (f.colour === null || !indistinguishable(f.colour, c.colour)) return false
  }
  for (const im of ctx.imageIndex.near(g.rect)) {
    if (im.seq > bar.seq && im.seq < g.seq && contains(im.rect, cx, cy)) return false
  }
  return true
}

function isOccluded(c: Candidate, ctx: PageContext): boolean {
  for (const im of ctx.imageIndex.near(c.rect)) {
    if (im.seq > c.lastSeq && coverage(c.rect, im.rect) >= OCCLUDED_MIN_COVERAGE) return true
  }
  for (const f of ctx.fillIndex.near(c.rect)) {
    if (f.seq <= c.lastSeq || f.alpha < 0.9 || f.colour === null || f.blended) continue
    if (colourDistance(f.colour, c.colour) <= SAME_COLOUR_MAX_DISTANCE) continue
    if (coverage(c.rect, f.rect) >= OCCLUDED_MIN_COVERAGE) return true
  }
  return false
}

export function judge(c: Candidate, ctx: PageContext): Judgement {
  const lineHeightPt = localLineHeight(c.rect, ctx)
  const w = width(c.rect)
  const h = height(c.rect)
  const base = { candidate: c, lineHeightPt, insideLabel: null, leak: null, leakedText: null }
  const reject = (reason: string): Judgement => ({ ...base, verdict: 'rejected', reason, confidence: 0 })

  if (isOccluded(c, ctx)) return reject('occluded')

  const near = ctx.glyphIndex.near(c.rect)
  const hidden = near.filter((g) => !g.clippedOut && isHidden(g, c)).sort((a, b) => a.seq - b.seq)
  const onTop = near
    .filter((g) => !g.invisible && !g.clippedOut && g.alpha >= 0.5 && isOnTop(g, c))
    .sort((a, b) => a.seq - b.seq)
  const background =
    c.colourClass === 'white' && area(c.rect) >= BACKGROUND_MIN_PAGE_SHARE * ctx.width * ctx.height
  const sameColour = onTop.filter(
    (g) => !background && g.colour !== null && indistinguishable(g.colour, c.colour) && sitsOnBox(g, c, ctx)
  )
  // A slanted watermark ("Released under the Official Information Act") crosses boxes and text alike;
  // it says nothing about what a box is.
  const contrasting = onTop.filter((g) => !sameColour.includes(g) && !g.diagonal)

  // Hidden text: the visible part decides; invisible (OCR) text must read as words to count.
  const hiddenVisible = hidden.filter((g) => !g.invisible)
  const hiddenInvisible = hidden.filter((g) => g.invisible)
  const leakTextVisible = glyphText(hiddenVisible)
  const leakTextInvisible = glyphText(hiddenInvisible)
  const sameText = glyphText(sameColour)
  const leak =
    leakFor('text-under-box', leakTextVisible, false) ??
    leakFor('text-same-colour', sameText, false) ??
    (hasRealWords(leakTextInvisible) ? leakFor('text-under-box', leakTextInvisible, true) : null)
  const leakedText = leak
    ? leak.kind === 'text-same-colour'
      ? sameText
      : leakTextVisible.trim() !== '' && isMeaningfulText(leakTextVisible)
        ? leakTextVisible
        : leakTextInvisible
    : null

  const topText = glyphText(contrasting)
  const topIsLabel = topText !== '' && isOnlyLabelOnBox(topText)
  const insideLabel = topIsLabel ? (parseGrounds(topText).label ?? topText) : null
  const withLabel = { ...base, insideLabel, leak, leakedText: leak ? leakedText : null }

  if (leak) return { ...withLabel, verdict: 'redaction', reason: 'hidden-text', confidence: 0.99 }

  const minSide = Math.min(w, h)
  if (minSide < Math.max(RULE_MAX_PT, RULE_MAX_SHARE_OF_LINE * lineHeightPt)) return reject('rule')
  // A bar across the text block that hides nothing, thinner than the body text could hide, is a rule
  // above a footer or under a heading, even where the text beside it is small print.
  if (
    w >= FULL_WIDTH_RULE_MIN_PT &&
    h < RULE_MAX_SHARE_OF_LINE * ctx.pageLineHeightPt &&
    hidden.length === 0 &&
    !insideLabel
  )
    return reject('rule')
  // The same bar in the page's header or footer band, thinner than one line of its print: page
  // furniture (the rule over a running footer), measured against the print beside it there.
  const inMarginBand =
    c.rect[3] <= MARGIN_BAND_SHARE * ctx.height || c.rect[1] >= (1 - MARGIN_BAND_SHARE) * ctx.height
  if (
    w >= FULL_WIDTH_RULE_MIN_PT &&
    inMarginBand &&
    h < 0.6 * lineHeightPt &&
    hidden.length === 0 &&
    !insideLabel
  )
    return reject('rule')
  // Readable text on top that is not a redaction label: shading behind a header, a highlight, a panel.
  if (topText !== '' && !topIsLabel && isMeaningfulText(topText)) return reject('text-on-top')

  const maxSide = Math.max(w, h)
  if (maxSide <= BULLET_MAX_SHARE_OF_LINE * lineHeightPt && maxSide < 2 * minSide && !insideLabel) {
    return reject('bullet')
  }
  // A legend swatch or checkbox: a square no taller than the line, nothing under it.
  if (
    maxSide <= SWATCH_MAX_SHARE_OF_LINE * lineHeightPt &&
    maxSide <= 1.3 * minSide &&
    !insideLabel &&
    hidden.length === 0
  ) {
    return reject('swatch')
  }

  if (background && !insideLabel) return reject('background')
  const hidesNothing = !isMeaningfulText(glyphText(hidden))
  if (
    !insideLabel &&
    hidesNothing &&
    (looksLikeChartBar(c.rect, ctx, lineHeightPt) || onChartAxis(c.rect, ctx))
  ) {
    return reject('chart-bar')
  }
  const inFlow = inTextFlow(c.rect, ctx, lineHeightPt)
  // A logo: a square mark at least a line and a half tall in the page's header or footer band, outside the text.
  const square = maxSide <= 1.6 * minSide
  const inHeadOrFoot = c.rect[3] <= 0.12 * ctx.height || c.rect[1] >= 0.88 * ctx.height
  if (!insideLabel && hidesNothing && square && inHeadOrFoot && h >= 1.5 * lineHeightPt) {
    return reject('logo')
  }

  if (insideLabel) return { ...withLabel, verdict: 'redaction', reason: 'label-inside', confidence: 0.97 }
  if (c.colourClass === 'black') {
    return {
      ...withLabel,
      verdict: 'redaction',
      reason: 'black-box',
      confidence: hidden.length > 0 ? 0.97 : 0.93
    }
  }
  // Grey, colour and white boxes need evidence: they hide (even blank) text, sit in a gap in a line of
  // text at text height, or (decided later) carry a ground label beside them.
  // Covering live text (even blank runs of it) is evidence; invisible OCR or clip text is not.
  if (hiddenVisible.length > 0)
    return { ...withLabel, verdict: 'redaction', reason: 'covers-text', confidence: 0.85 }
  // A coloured fill in an annotation's appearance is a form field or a note, unless labelled.
  if (c.inAnnotation) return { ...withLabel, verdict: 'needs-label', reason: 'needs-label', confidence: 0.7 }
  if ((c.colourClass === 'grey' || c.colourClass === 'colour') && inFlow) {
    return { ...withLabel, verdict: 'redaction', reason: 'in-text-flow', confidence: 0.8 }
  }
  if (c.colourClass === 'white' && c.stroked && inFlow) {
    return { ...withLabel, verdict: 'redaction', reason: 'in-text-flow', confidence: 0.75 }
  }
  return { ...withLabel, verdict: 'needs-label', reason: 'needs-label', confidence: 0.7 }
}
