/**
 * The audit's checks of what each page of the current revision draws and carries: text in hidden
 * layers, text or images beyond the CropBox or clipped away, invisible and camouflaged text, notes in
 * annotations, form values a reader cannot see, and thumbnails of pages that were redacted. Each
 * page's visible words go into the TextIndex the document-wide checks judge against; text lying under
 * a box the page scan found goes in as hidden text (so a bookmark repeating it is caught).
 */
import type { PdfRect, ScanPage } from '../types'
import type { ContentReport, ShownText } from './contentText'
import type { Findings, TextIndex } from './findings'
import { squash } from './findings'
import { inside, overlaps, pageRectToPdf, rectOf, type PdfDocumentView, type RawPage } from './pdfDocument'
import { hiddenPartIsBlank } from './imageHidden'
import { isStream } from './pdfFile'
import { isArray, isDict, isName, numberOf, textOf, type PdfDict, type PdfValue } from './pdfSyntax'

/** Annotation types named in a finding's place; any other /Subtype is the file's own text, never printed. */
const ANNOTATION_TYPES = new Set(
  'Text Link FreeText Line Square Circle Polygon PolyLine Highlight Underline Squiggly StrikeOut Stamp Caret Ink Popup FileAttachment Sound Movie Widget Screen PrinterMark TrapNet Watermark 3D Redact Projection RichMedia'.split(
    ' '
  )
)
/** Text this far outside the CropBox (points) is not a rounding artefact. */
const OUTSIDE_MARGIN_PT = 2
/** An image counts as cut off when this share of it lies outside the visible area. */
const CUT_OFF_SHARE = 0.1
/** Below this size on the page (points) text cannot be read. */
const MIN_READABLE_PT = 1
/** Text drawn with less fill alpha than this cannot be seen. */
const MIN_VISIBLE_ALPHA = 0.05
/** Fill components at or above this are white. */
const WHITE = 0.95

export interface PageAudit {
  readonly page: RawPage
  readonly content: ContentReport | null
  /** Scan boxes in the page's user space. */
  readonly boxes: readonly PdfRect[]
}

const isWhite = (fill: ShownText['fill']): boolean => fill !== null && fill.every((c) => c >= WHITE)
const sameColour = (a: ShownText['fill'], b: ShownText['fill']): boolean =>
  a !== null && b !== null && a.every((c, i) => Math.abs(c - b[i]!) < 0.05)

const area = (r: PdfRect): number => Math.max(0, r[2] - r[0]) * Math.max(0, r[3] - r[1])
const clipTo = (a: PdfRect, b: PdfRect): PdfRect => [
  Math.max(a[0], b[0]),
  Math.max(a[1], b[1]),
  Math.min(a[2], b[2]),
  Math.min(a[3], b[3])
]

/** Reads one page's content, sorts its text into visible, hidden and leaking, and records findings. */
export function auditPageContent(
  view: PdfDocumentView,
  page: RawPage,
  pageIndex: number,
  scan: ScanPage | undefined,
  index: TextIndex,
  findings: Findings
): PageAudit {
  const boxes = (scan?.redactions ?? []).map((r) => pageRectToPdf(r.bbox, page))
  const content = view.readPage(page, pageIndex)
  if (!content) return { page, content, boxes }
  const where = `page ${pageIndex + 1}`
  const layer: string[] = []
  const outside: string[] = []
  const invisible: string[] = []
  const crop = page.cropBox
  const overImage = (t: ShownText): boolean =>
    content.images.some((im) => inside(t.origin[0], t.origin[1], im.rect))
  for (const t of content.texts) {
    const [x, y] = t.origin
    const underBox = boxes.some((b) => inside(x, y, b, 1))
    if (t.hiddenLayer) {
      layer.push(t.text)
      continue
    }
    if (!inside(x, y, crop, OUTSIDE_MARGIN_PT) || (t.clip && !inside(x, y, t.clip, OUTSIDE_MARGIN_PT))) {
      outside.push(t.text)
      continue
    }
    if (underBox) {
      index.addHidden(t.text)
      continue
    }
    const neverPainted = t.renderMode === 3 || t.renderMode === 7
    // An invisible layer over a page image is an OCR layer: its words are the page's words.
    if (neverPainted && overImage(t)) {
      index.addVisible(t.text)
      continue
    }
    // Fills that could hide this text: they hold its origin and are at least half its size high and
    // wide (an underline or a table rule is not a background).
    const behind = content.fills.filter(
      (f) => inside(x, y, f.rect) && Math.min(f.rect[2] - f.rect[0], f.rect[3] - f.rect[1]) >= 0.5 * t.sizePt
    )
    const top = behind.at(-1)
    // White text is camouflaged only where nothing dark could be behind it (drawing order aside).
    const camouflaged =
      !overImage(t) &&
      (isWhite(t.fill)
        ? behind.every((f) => isWhite(f.fill))
        : top !== undefined && sameColour(t.fill, top.fill))
    if (neverPainted || t.sizePt < MIN_READABLE_PT || t.alpha < MIN_VISIBLE_ALPHA || camouflaged)
      invisible.push(t.text)
    else index.addVisible(t.text)
  }
  findings.text('hidden-layer', `${where}, hidden layer`, pageIndex, layer.join(' '))
  findings.text('outside-crop', `${where}, text outside the visible page`, pageIndex, outside.join(' '))
  findings.text('invisible-text', `${where}, invisible text`, pageIndex, invisible.join(' '))
  for (const im of content.images) {
    const visible = im.clip ? clipTo(crop, im.clip) : crop
    const whole = area(im.rect)
    const cutOff = whole > 0 ? 1 - area(clipTo(im.rect, visible)) / whole : 0
    const label = im.objectNumber >= 0 ? `image object ${im.objectNumber}` : 'inline image'
    const data = imageBytes(view, im.objectNumber)
    if (im.hiddenLayer && data)
      findings.bytes('hidden-layer', `${where}, hidden layer (${label})`, pageIndex, data, label)
    else if (cutOff >= CUT_OFF_SHARE && data && hiddenPartIsBlank(view, im, visible) !== true)
      findings.bytes(
        'outside-crop',
        `${where}, ${Math.round(cutOff * 100)}% of an image hidden`,
        pageIndex,
        data,
        label
      )
  }
  return { page, content, boxes }
}

function imageBytes(view: PdfDocumentView, objectNumber: number): Uint8Array | null {
  if (objectNumber < 0) return null
  const s = view.resolve({ type: 'ref', num: objectNumber, gen: 0 })
  return isStream(s) ? s.raw : null
}

/** Strips the XHTML of an /RC rich-text value down to its words. */
export const richText = (xhtml: string): string =>
  xhtml.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ')

/** Annotation notes, link targets under boxes, and thumbnails of redacted pages. */
export function auditPageParts(
  view: PdfDocumentView,
  audit: PageAudit,
  pageIndex: number,
  index: TextIndex,
  findings: Findings
): PdfDict[] {
  const { page, boxes } = audit
  const where = `page ${pageIndex + 1}`
  const attachments: PdfDict[] = []
  const annots = view.resolve(page.dict.entries.get('Annots'))
  const list = isArray(annots as PdfValue) ? (annots as PdfValue[]).slice(0, 10_000) : []
  list.forEach((ref, i) => {
    const a = view.dict(ref)
    if (!a) return
    const subtype = isName(a.entries.get('Subtype'))
      ? (a.entries.get('Subtype') as { name: string }).name
      : ''
    const at = `${where}, annotation ${i + 1} (${ANNOTATION_TYPES.has(subtype) ? subtype : 'other'})`
    const rect = rectOf(view.resolve(a.entries.get('Rect')))
    if (subtype === 'Link') {
      const action = view.dict(a.entries.get('A'))
      const uri = textOf(view.resolve(action?.entries.get('URI')) as PdfValue)
      if (uri && rect && boxes.some((b) => overlaps(b, rect)))
        findings.text('annotation', `${at}, link under a box`, pageIndex, uri)
      return
    }
    if (subtype === 'FileAttachment') {
      const fs = view.dict(a.entries.get('FS'))
      if (fs) attachments.push(fs)
    }
    // /Redact notes are the page scan's (unapplied-annotation); widgets are form fields. A popup
    // repeating its parent's note is recorded once (findings are deduplicated by text).
    if (subtype === 'Redact' || subtype === 'Widget') return
    const note = textOf(view.resolve(a.entries.get('Contents')) as PdfValue) ?? ''
    const rc = view.resolve(a.entries.get('RC'))
    const rich = isStream(rc) ? null : textOf(rc as PdfValue)
    const richWords = rich ? richText(rich) : ''
    const sameAsNote = squash(richWords) === '' || squash(richWords) === squash(note)
    const text = sameAsNote ? note : `${note} ${richWords}`
    // A note the annotation prints on the page (a FreeText box, a stamp) is visible, not hidden.
    const flags = numberOf(a.entries.get('F')) ?? 0
    const appearance = view.dict(a.entries.get('AP'))
    const shown =
      (flags & 34) === 0 && appearance ? view.readStream(appearance.entries.get('N') as PdfValue) : null
    if (shown && squash(shown.texts.map((t) => t.text).join('')).includes(squash(text))) return
    // A note that only repeats what the page says gives nothing away.
    if (index.isVisible(text)) return
    findings.text('annotation', at, pageIndex, text)
  })
  if (page.dict.entries.has('Thumb') && boxes.length > 0) {
    const thumb = view.resolve(page.dict.entries.get('Thumb'))
    if (isStream(thumb))
      findings.bytes('thumbnail', `${where}, thumbnail of a redacted page`, pageIndex, thumb.raw, 'thumbnail')
  }
  return attachments
}

/** Form fields whose value a reader of the page cannot see: hidden, under a box, or not what it shows. */
export function auditFormFields(
  view: PdfDocumentView,
  pages: readonly PageAudit[],
  findings: Findings
): void {
  const form = view.dict(view.catalog?.entries.get('AcroForm'))
  if (!form) return
  const pageOf = new Map(pages.map((p, i) => [p.page.objectNumber, i]))
  const seen = new Set<PdfDict>()
  let count = 0
  const walk = (ref: PdfValue | undefined, inheritedValue: PdfValue | undefined, depth: number): void => {
    const field = view.dict(ref)
    if (!field || seen.has(field) || depth > 32 || ++count > 20_000) return
    seen.add(field)
    const value = field.entries.get('V') ?? inheritedValue
    const kids = view.resolve(field.entries.get('Kids'))
    if (isArray(kids as PdfValue) && (kids as PdfValue[]).length > 0) {
      for (const kid of kids as PdfValue[]) walk(kid, value, depth + 1)
      return
    }
    const resolved = view.resolve(value)
    const text = isName(resolved as PdfValue) ? null : textOf(resolved as PdfValue)
    if (!text || text.trim() === '' || !isDict(field as PdfValue)) return
    const flags = numberOf(field.entries.get('F')) ?? 0
    const pageRef = field.entries.get('P')
    const pageIndex =
      pageRef && typeof pageRef === 'object' && 'num' in pageRef ? (pageOf.get(pageRef.num) ?? null) : null
    const rect = rectOf(view.resolve(field.entries.get('Rect')))
    const boxes = pageIndex !== null ? (pages[pageIndex]?.boxes ?? []) : []
    const appearance = view.dict(field.entries.get('AP'))
    const shown = appearance ? view.readStream(appearance.entries.get('N') as PdfValue) : null
    const shownText = shown ? shown.texts.map((t) => t.text).join(' ') : ''
    const hidden = (flags & 2) !== 0 || (flags & 32) !== 0
    const underBox = rect !== null && boxes.some((b) => overlaps(b, rect))
    const notShown = !squash(shownText).includes(squash(text))
    if (hidden || underBox || notShown) {
      const why = hidden ? 'hidden field' : underBox ? 'field under a box' : 'value not shown on the page'
      findings.text(
        'form-field',
        `${pageIndex !== null ? `page ${pageIndex + 1}, ` : ''}form field ${count} (${why})`,
        pageIndex,
        text
      )
    }
  }
  const fields = view.resolve(form.entries.get('Fields'))
  if (isArray(fields as PdfValue)) for (const f of fields as PdfValue[]) walk(f, undefined, 0)
}
