/**
 * Replays a pdf.js operator list with the graphics state pdf.js's own canvas renderer keeps (transform
 * stack, form XObjects, annotation appearances, clip bounds, fill/stroke colour and alpha, the text
 * state) and records what a reader would see in drawing order: filled rectangles, glyph boxes and
 * images. Text positions come from the operator list itself, so no second getTextContent pass is
 * needed; drawing order is what tells hidden text (drawn before a box) from a label (drawn after).
 */
import type { Matrix, PageRect } from '../types'
import { parseColour } from './colour'
import {
  asMatrix,
  asNumber,
  cloneState,
  intersect,
  isEmpty,
  newTextState,
  type FontLookup,
  type GraphicsState
} from './graphicsState'
import { IDENTITY, isAxisAligned, multiply, transformRect } from './matrix'
import { OPS } from './ops'
import type { FillBox, Glyph, ImagePaint, PageContent } from './pageContent'
import { pathShapes, solidRects, type Box } from './pathRects'
import { placeGlyphs } from './placeGlyphs'

/** A stroked rectangle within this of a fill's edges (points) is that fill's outline. */
const OUTLINE_FIT_PT = 1.5

export { fontMetricsOf, type FontLookup, type FontMetrics } from './graphicsState'

/** A form under a quarter of the page is a stamp or an appearance (see FillBox.group). */
const SMALL_FORM_MAX_PAGE_SHARE = 0.25

export interface OperatorListLike {
  readonly fnArray: ArrayLike<number>
  readonly argsArray: ArrayLike<unknown>
}

/**
 * Walks one page's operator list. `viewportTransform` is pdf.js's `getViewport({ scale: 1 }).transform`,
 * so every rectangle comes out in displayed-page space.
 */
export function walkOperatorList(
  list: OperatorListLike,
  viewportTransform: Matrix,
  pageSize: { width: number; height: number },
  fonts: FontLookup
): PageContent {
  const fills: FillBox[] = []
  const glyphs: Glyph[] = []
  const images: ImagePaint[] = []
  const pageBox: Box = [0, 0, pageSize.width, pageSize.height]
  const initial = (): GraphicsState => ({
    ctm: viewportTransform,
    clip: pageBox,
    fill: [0, 0, 0],
    stroke: [0, 0, 0],
    fillAlpha: 1,
    strokeAlpha: 1,
    blended: false,
    softMasked: false,
    group: 0,
    text: newTextState()
  })
  let state = initial()
  const stack: GraphicsState[] = []
  /** 'nonzero' or 'evenodd' after W / W*, until the next path sets the clip. */
  let pendingClip: 'nonzero' | 'evenodd' | null = null
  let annotationDepth = 0
  let seq = 0
  let groupCounter = 0

  const pushState = (): void => {
    stack.push(state)
    state = cloneState(state)
  }
  const popState = (): void => {
    const previous = stack.pop()
    if (previous) state = previous
  }

  const unionBounds = (boxes: readonly Box[]): Box | null => {
    if (boxes.length === 0) return null
    let [x0, y0, x1, y1] = boxes[0]!
    for (const b of boxes) {
      x0 = Math.min(x0, b[0])
      y0 = Math.min(y0, b[1])
      x1 = Math.max(x1, b[2])
      y1 = Math.max(y1, b[3])
    }
    return [x0, y0, x1, y1]
  }

  /** Records the solid rectangles of a filled path. */
  const recordFill = (path: ArrayLike<number>, evenOdd: boolean, stroked: boolean): void => {
    const shapes = pathShapes(path, state.ctm)
    for (const box of solidRects(shapes.rects, evenOdd, shapes.others)) {
      const visible = intersect(box, state.clip)
      if (isEmpty(visible)) continue
      fills.push({
        seq: seq++,
        rect: visible as PageRect,
        colour: state.fill,
        // A soft mask may make any part transparent; treat the box as see-through rather than guess.
        alpha: state.softMasked ? Math.min(state.fillAlpha, 0.5) : state.fillAlpha,
        stroked,
        inAnnotation: annotationDepth > 0,
        blended: state.blended,
        group: state.group
      })
    }
  }

  /**
   * A rectangle stroked right after a fill of the same rectangle is that fill's outline: Chromium and
   * Skia-based exporters draw a bordered box as `re f` then `re S` (inset by half the line width),
   * where other producers write one `re B`. The fill is then a bordered box, as with `B`.
   */
  const markOutlined = (path: ArrayLike<number>): void => {
    const last = fills[fills.length - 1]
    if (!last || last.stroked) return
    const shapes = pathShapes(path, state.ctm)
    const outline = shapes.rects.length === 1 && shapes.others.length === 0 ? shapes.rects[0] : undefined
    if (!outline) return
    const r = outline.box
    const fits = [0, 1, 2, 3].every(
      (k) => Math.abs((r[k] as number) - (last.rect[k] as number)) <= OUTLINE_FIT_PT
    )
    if (fits) fills[fills.length - 1] = { ...last, stroked: true }
  }

  /**
   * Bounds of a clip path. Under even-odd, a rectangle given twice cancels itself (a producer's way
   * of clipping everything away); when nothing is left, so is nothing of what follows.
   */
  const clipBounds = (path: ArrayLike<number>, evenOdd: boolean): Box | null => {
    const shapes = pathShapes(path, state.ctm)
    let rects = shapes.rects.map((r) => r.box)
    if (evenOdd) {
      const same = (a: Box, b: Box): boolean => a.every((v, k) => Math.abs(v - b[k]!) <= 0.01)
      const kept: Box[] = []
      for (const r of rects) {
        const twin = kept.findIndex((k) => same(k, r))
        if (twin >= 0) kept.splice(twin, 1)
        else kept.push(r)
      }
      rects = kept
    }
    return unionBounds([...rects, ...shapes.others.map((r) => r.box)])
  }

  const showGlyphs = (items: unknown): void => placeGlyphs(items, state, () => seq++, glyphs)

  const moveText = (dx: number, dy: number): void => {
    const t = state.text
    t.lineX += dx
    t.lineY += dy
    t.x = t.lineX
    t.y = t.lineY
  }

  const { fnArray, argsArray } = list
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]
    const args = argsArray[i] as unknown[] | null | undefined
    switch (fn) {
      case OPS.save:
        pushState()
        break
      case OPS.restore:
        popState()
        break
      case OPS.transform: {
        const m = asMatrix(args)
        if (m) state.ctm = multiply(state.ctm, m)
        break
      }
      case OPS.paintFormXObjectBegin: {
        pushState()
        const m = asMatrix(args?.[0])
        if (m) state.ctm = multiply(state.ctm, m)
        const bbox = args?.[1] as ArrayLike<number> | null | undefined
        if (bbox && bbox.length === 4) {
          const formRect = transformRect(state.ctm, bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!)
          state.clip = intersect(state.clip, formRect)
          // A form under a quarter of the page is a stamp or an appearance: its own little group.
          // Whole-page wrapper forms (some producers put everything in one) stay page-level.
          const formArea = Math.max(0, formRect[2] - formRect[0]) * Math.max(0, formRect[3] - formRect[1])
          if (formArea < SMALL_FORM_MAX_PAGE_SHARE * pageSize.width * pageSize.height)
            state.group = ++groupCounter
        }
        break
      }
      case OPS.paintFormXObjectEnd:
        popState()
        break
      case OPS.beginGroup: {
        pushState()
        const group = args?.[0] as { smask?: unknown } | undefined
        if (group?.smask) state.softMasked = true
        break
      }
      case OPS.endGroup:
        popState()
        break
      case OPS.beginAnnotation: {
        // pdf.js resets the state for each annotation and clips to its /Rect on the page.
        pushState()
        const base = initial()
        const rect = args?.[1] as ArrayLike<number> | null | undefined
        if (rect && rect.length === 4) {
          base.clip = intersect(
            base.clip,
            transformRect(viewportTransform, rect[0]!, rect[1]!, rect[2]!, rect[3]!)
          )
        }
        const transform = asMatrix(args?.[2]) ?? IDENTITY
        const matrix = asMatrix(args?.[3]) ?? IDENTITY
        base.ctm = multiply(multiply(viewportTransform, transform), matrix)
        base.group = ++groupCounter
        state = base
        annotationDepth++
        break
      }
      case OPS.endAnnotation:
        popState()
        annotationDepth = Math.max(0, annotationDepth - 1)
        break
      case OPS.setGState: {
        const entries = args?.[0]
        if (!Array.isArray(entries)) break
        for (const entry of entries) {
          if (!Array.isArray(entry)) continue
          const [key, value] = entry as [unknown, unknown]
          if (key === 'ca') state.fillAlpha = asNumber(value, 1)
          else if (key === 'CA') state.strokeAlpha = asNumber(value, 1)
          else if (key === 'BM')
            state.blended = typeof value === 'string' && !/^(normal|source-over|compatible)$/i.test(value)
          else if (key === 'SMask') state.softMasked = Boolean(value)
          else if (key === 'Font' && Array.isArray(value)) setFont(value[0], value[1])
        }
        break
      }
      case OPS.setFillRGBColor:
      case OPS.setFillGray:
      case OPS.setFillCMYKColor:
        state.fill = parseColour(args?.[0])
        break
      case OPS.setStrokeRGBColor:
      case OPS.setStrokeGray:
      case OPS.setStrokeCMYKColor:
        state.stroke = parseColour(args?.[0])
        break
      case OPS.setFillColorN:
        // Patterns and shadings: the colour under the pixels is unknowable without rendering.
        state.fill = parseColour(args?.[0])
        break
      case OPS.setStrokeColorN:
        state.stroke = parseColour(args?.[0])
        break
      case OPS.setFillTransparent:
        state.fill = null
        state.fillAlpha = 0
        break
      case OPS.constructPath: {
        const paintOp = args?.[0]
        const data = (args?.[1] as ArrayLike<unknown> | undefined)?.[0] as ArrayLike<number> | undefined
        if (!data) break
        const clipMode = pendingClip
        switch (paintOp) {
          case OPS.fill:
          case OPS.eoFill:
          case OPS.fillStroke:
          case OPS.eoFillStroke:
          case OPS.closeFillStroke:
          case OPS.closeEOFillStroke: {
            const evenOdd =
              paintOp === OPS.eoFill || paintOp === OPS.eoFillStroke || paintOp === OPS.closeEOFillStroke
            const stroked = paintOp !== OPS.fill && paintOp !== OPS.eoFill
            recordFill(data, evenOdd, stroked)
            break
          }
          case OPS.stroke:
          case OPS.closeStroke:
            markOutlined(data)
            break
          default:
            break
        }
        if (clipMode) {
          // Clip paths are approximated by their bounds: exact for the rectangles that matter here.
          // The path is painted under the old clip; W takes effect after it (as in pdf.js's consumePath).
          const bounds = clipBounds(data, clipMode === 'evenodd')
          state.clip = bounds ? intersect(state.clip, bounds) : [0, 0, 0, 0]
          pendingClip = null
        }
        break
      }
      case OPS.clip:
        pendingClip = 'nonzero'
        break
      case OPS.eoClip:
        pendingClip = 'evenodd'
        break
      case OPS.beginText:
        state.text.textMatrix = IDENTITY
        state.text.x = state.text.lineX = 0
        state.text.y = state.text.lineY = 0
        break
      case OPS.setCharSpacing:
        state.text.charSpacing = asNumber(args?.[0], 0)
        break
      case OPS.setWordSpacing:
        state.text.wordSpacing = asNumber(args?.[0], 0)
        break
      case OPS.setHScale:
        state.text.hScale = asNumber(args?.[0], 100) / 100
        break
      case OPS.setLeading:
        state.text.leading = -asNumber(args?.[0], 0)
        break
      case OPS.setFont:
        setFont(args?.[0], args?.[1])
        break
      case OPS.setTextRenderingMode:
        state.text.renderMode = asNumber(args?.[0], 0)
        break
      case OPS.setTextRise:
        state.text.rise = asNumber(args?.[0], 0)
        break
      case OPS.moveText:
        moveText(asNumber(args?.[0], 0), asNumber(args?.[1], 0))
        break
      case OPS.setLeadingMoveText: {
        const dy = asNumber(args?.[1], 0)
        state.text.leading = dy
        moveText(asNumber(args?.[0], 0), dy)
        break
      }
      case OPS.setTextMatrix: {
        const m = asMatrix(args?.[0]) ?? asMatrix(args)
        if (m) state.text.textMatrix = m
        state.text.x = state.text.lineX = 0
        state.text.y = state.text.lineY = 0
        break
      }
      case OPS.nextLine:
        moveText(0, state.text.leading)
        break
      case OPS.showText:
      case OPS.showSpacedText:
        showGlyphs(args?.[0])
        break
      case OPS.nextLineShowText:
        moveText(0, state.text.leading)
        showGlyphs(args?.[0])
        break
      case OPS.nextLineSetSpacingShowText:
        state.text.wordSpacing = asNumber(args?.[0], 0)
        state.text.charSpacing = asNumber(args?.[1], 0)
        moveText(0, state.text.leading)
        showGlyphs(args?.[2])
        break
      case OPS.paintSolidColorImageMask: {
        // pdf.js's form of a 1 × 1 image mask stretched over a box: a rectangle in the fill colour, as
        // some tools draw their redaction boxes.
        const visible = intersect(transformRect(state.ctm, 0, 0, 1, 1), state.clip)
        if (isEmpty(visible) || !isAxisAligned(state.ctm)) break
        fills.push({
          seq: seq++,
          rect: visible as PageRect,
          colour: state.fill,
          alpha: state.softMasked ? Math.min(state.fillAlpha, 0.5) : state.fillAlpha,
          stroked: false,
          inAnnotation: annotationDepth > 0,
          blended: state.blended,
          group: state.group
        })
        break
      }
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageXObjectRepeat:
      case OPS.paintImageMaskXObject: {
        const visible = intersect(transformRect(state.ctm, 0, 0, 1, 1), state.clip)
        if (!isEmpty(visible))
          images.push({ seq: seq++, rect: visible as PageRect, matrix: state.ctm, opIndex: i })
        break
      }
      default:
        break
    }
  }
  return { width: pageSize.width, height: pageSize.height, fills, glyphs, images }

  function setFont(name: unknown, size: unknown): void {
    const t = state.text
    t.fontName = typeof name === 'string' ? name : null
    t.metrics = t.fontName ? fonts(t.fontName) : null
    let fontSize = asNumber(size, 0)
    t.fontDirection = fontSize < 0 ? -1 : 1
    fontSize = Math.abs(fontSize)
    t.fontSize = fontSize
  }
}
