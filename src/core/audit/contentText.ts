/**
 * A rough interpreter of a content stream for the leak audit: where text is shown (origin in default
 * user space, size, render mode, fill colour, hidden optional content, marked-content /ActualText),
 * where images are painted (their unit square and the clip around them) and which rectangles are
 * filled with what colour. It tracks what the audit needs (CTM, text matrix, clip bounds, optional
 * content) and nothing of how glyphs look; positions are glyph origins, not ink. Form XObjects are
 * followed to MAX_FORM_DEPTH; the operator count is capped so a hostile stream ends quickly.
 */
import { multiply } from '../pdf/matrix'
import type { Matrix, PdfRect } from '../types'
import {
  PdfSyntaxReader,
  isString,
  isArray,
  isDict,
  isName,
  isRef,
  numberOf,
  textOf,
  type PdfDict,
  type PdfValue
} from './pdfSyntax'
import { decodeWithFont, type FontDecoder } from './fontText'
import { bounds, colourOf, intersect, skipInlineImage, type Rgb } from './contentOps'
import type { ContentEnv, ContentReport } from './contentTypes'

export type {
  ContentEnv,
  ContentReport,
  FilledRect,
  MarkedText,
  PaintedImage,
  ShownText
} from './contentTypes'

const MAX_OPERATORS = 400_000
const MAX_FORM_DEPTH = 8

interface State {
  ctm: Matrix
  fill: Rgb | null
  clip: PdfRect | null
  renderMode: number
  font: FontDecoder | null
  fontSize: number
  leading: number
  /** Fill alpha (ExtGState /ca): text at ~0 is drawn but not seen. */
  alpha: number
}

export function readContent(
  bytes: Uint8Array,
  resources: PdfValue | undefined,
  env: ContentEnv
): ContentReport {
  const report: ContentReport = { texts: [], images: [], fills: [], marked: [], mcids: new Map() }
  const budget = { ops: 0 }
  run(bytes, resources, env, report, budget, [1, 0, 0, 1, 0, 0], false, 0)
  return report
}

function run(
  bytes: Uint8Array,
  resourcesValue: PdfValue | undefined,
  env: ContentEnv,
  report: ContentReport,
  budget: { ops: number },
  baseCtm: Matrix,
  hiddenAtStart: boolean,
  depth: number
): void {
  const resources = env.resolve(resourcesValue)
  const resource = (kind: string, name: string): PdfValue | undefined => {
    if (!isDict(resources as PdfValue)) return undefined
    const group = env.resolve((resources as PdfDict).entries.get(kind))
    return isDict(group as PdfValue) ? (group as PdfDict).entries.get(name) : undefined
  }
  const reader = new PdfSyntaxReader(bytes)
  const stack: State[] = []
  let state: State = {
    ctm: baseCtm,
    fill: [0, 0, 0],
    clip: null,
    renderMode: 0,
    font: null,
    fontSize: 0,
    leading: 0,
    alpha: 1
  }
  let tm: Matrix = [1, 0, 0, 1, 0, 0]
  let tlm: Matrix = [1, 0, 0, 1, 0, 0]
  /** One entry per open marked-content sequence: is it a hidden layer, and its MCID. */
  const marks: { hidden: boolean; mcid: number | null }[] = []
  let pendingRects: PdfRect[] = []
  let pendingClip = false
  /** The path has segments besides rectangles (m, l, c…): it is not one plain box. */
  let pendingSegments = false
  const hidden = (): boolean => hiddenAtStart || marks.some((m) => m.hidden)
  const mcid = (): number | null => [...marks].reverse().find((m) => m.mcid !== null)?.mcid ?? null
  const operands: PdfValue[] = []

  const show = (value: PdfValue | undefined): void => {
    if (value === undefined) return
    // Text shown before any Tf (or with a font we cannot find) is still text: read it as Latin-1.
    const font = state.font ?? decodeWithFont(null)
    const parts = isArray(value) ? value : [value]
    let text = ''
    for (const part of parts) {
      if (isString(part)) text += font.decode(part.bytes)
      else if (typeof part === 'number' && part < -200) text += ' '
    }
    const trm = multiply(state.ctm, multiply(tm, [state.fontSize, 0, 0, state.fontSize, 0, 0]))
    const sizePt = Math.hypot(trm[2], trm[3])
    report.texts.push({
      text,
      origin: [trm[4], trm[5]],
      sizePt,
      renderMode: state.renderMode,
      fill: state.fill,
      alpha: state.alpha,
      hiddenLayer: hidden(),
      clip: state.clip
    })
    const id = mcid()
    if (id !== null && text.trim() !== '' && !report.mcids.has(id)) report.mcids.set(id, [trm[4], trm[5]])
    // Move along the line roughly (half an em a character) so later shows do not stack on this one.
    tm = multiply(tm, [1, 0, 0, 1, text.length * state.fontSize * 0.5, 0])
  }

  for (;;) {
    if (++budget.ops > MAX_OPERATORS) return
    const c = reader.peek()
    if (c < 0) break
    const start = reader.pos
    const value = reader.value()
    if (value !== undefined) {
      if (operands.length < 64) operands.push(value)
      continue
    }
    reader.pos = start
    const op = reader.word()
    if (op === '') {
      reader.pos = start + 1
      operands.length = 0
      continue
    }
    const n = (i: number): number => numberOf(operands[i]) ?? 0
    switch (op) {
      case 'q':
        if (stack.length < 64) stack.push({ ...state })
        break
      case 'Q':
        state = stack.pop() ?? state
        break
      case 'cm':
        state.ctm = multiply(state.ctm, [n(0), n(1), n(2), n(3), n(4), n(5)])
        break
      case 'BT':
        tm = [1, 0, 0, 1, 0, 0]
        tlm = tm
        break
      case 'Tf': {
        const name = operands[0]
        state.font = env.font(isName(name) ? resource('Font', name.name) : undefined)
        state.fontSize = n(1)
        break
      }
      case 'gs': {
        const name = operands[0]
        const gs = isName(name) ? env.resolve(resource('ExtGState', name.name)) : undefined
        const ca = isDict(gs as PdfValue) ? numberOf((gs as PdfDict).entries.get('ca')) : null
        if (ca !== null) state.alpha = Math.max(0, Math.min(1, ca))
        break
      }
      case 'Tr':
        state.renderMode = n(0)
        break
      case 'TL':
        state.leading = n(0)
        break
      case 'Tm':
        tm = [n(0), n(1), n(2), n(3), n(4), n(5)]
        tlm = tm
        break
      case 'Td':
      case 'TD':
        if (op === 'TD') state.leading = -n(1)
        tlm = multiply(tlm, [1, 0, 0, 1, n(0), n(1)])
        tm = tlm
        break
      case 'T*':
        tlm = multiply(tlm, [1, 0, 0, 1, 0, -state.leading])
        tm = tlm
        break
      case 'Tj':
      case 'TJ':
        show(operands[0])
        break
      case "'":
      case '"':
        tlm = multiply(tlm, [1, 0, 0, 1, 0, -state.leading])
        tm = tlm
        show(operands[operands.length - 1])
        break
      case 'g':
      case 'rg':
      case 'k':
      case 'sc':
      case 'scn':
        state.fill = colourOf(operands, op)
        break
      case 'cs':
        state.fill = isName(operands[0], 'Pattern') ? null : [0, 0, 0]
        break
      case 're':
        pendingRects.push(bounds(state.ctm, n(0), n(1), n(0) + n(2), n(1) + n(3)))
        break
      case 'm':
      case 'l':
      case 'c':
      case 'v':
      case 'y':
      case 'h':
        pendingSegments = true
        break
      case 'W':
      case 'W*':
        pendingClip = true
        break
      case 'f':
      case 'F':
      case 'f*':
      case 'B':
      case 'B*':
      case 'b':
      case 'b*':
      case 'n':
      case 'S':
      case 's':
        // One rectangle is a box; several in one path are usually a frame (a ring filled even-odd).
        if (
          op !== 'n' &&
          op !== 'S' &&
          op !== 's' &&
          !hidden() &&
          pendingRects.length === 1 &&
          !pendingSegments
        )
          report.fills.push({ rect: pendingRects[0]!, fill: state.fill })
        if (pendingClip && pendingRects.length > 0) {
          const all = pendingRects.reduce<PdfRect>(
            (a, r) => [
              Math.min(a[0], r[0]),
              Math.min(a[1], r[1]),
              Math.max(a[2], r[2]),
              Math.max(a[3], r[3])
            ],
            pendingRects[0]!
          )
          state.clip = intersect(state.clip, all)
        }
        pendingRects = []
        pendingClip = false
        pendingSegments = false
        break
      case 'BMC':
        marks.push({ hidden: false, mcid: null })
        break
      case 'BDC': {
        const tag = operands[0]
        let props = operands[1]
        if (isName(props)) props = resource('Properties', props.name)
        const dict = env.resolve(props)
        const hiddenMark = isName(tag, 'OC') && env.isHiddenOc(props)
        let id: number | null = null
        if (isDict(dict as PdfValue)) {
          const d = dict as PdfDict
          id = numberOf(d.entries.get('MCID'))
          for (const key of ['ActualText', 'Alt', 'E'] as const) {
            const text = textOf(d.entries.get(key))
            if (text && text.trim() !== '')
              report.marked.push({ text, key, hiddenLayer: hidden() || hiddenMark })
          }
        }
        marks.push({ hidden: hiddenMark, mcid: id })
        break
      }
      case 'EMC':
        marks.pop()
        break
      case 'BI':
        skipInlineImage(reader)
        report.images.push({
          rect: bounds(state.ctm, 0, 0, 1, 1),
          matrix: state.ctm,
          clip: state.clip,
          hiddenLayer: hidden(),
          objectNumber: -1
        })
        break
      case 'Do': {
        const name = operands[0]
        if (!isName(name)) break
        const ref = resource('XObject', name.name)
        const target = env.resolve(ref)
        const dict = target && typeof target === 'object' && 'dict' in target ? target.dict : null
        if (!dict) break
        // Image data is never decoded here (its codec may be JPEG, JBIG2…); forms are.
        const stream = isName(dict.entries.get('Subtype'), 'Form') ? env.streamBytes(ref) : null
        const layerOff = env.isHiddenOc(dict.entries.get('OC'))
        if (isName(dict.entries.get('Subtype'), 'Image')) {
          report.images.push({
            rect: bounds(state.ctm, 0, 0, 1, 1),
            matrix: state.ctm,
            clip: state.clip,
            hiddenLayer: hidden() || layerOff,
            objectNumber: isRef(ref) ? ref.num : -1
          })
          const id = mcid()
          const box = bounds(state.ctm, 0, 0, 1, 1)
          if (id !== null && !report.mcids.has(id))
            report.mcids.set(id, [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2])
        } else if (isName(dict.entries.get('Subtype'), 'Form') && stream && depth < MAX_FORM_DEPTH) {
          const matrix = dict.entries.get('Matrix')
          const m: Matrix =
            isArray(matrix) && matrix.length === 6
              ? (matrix.map((v) => numberOf(v) ?? 0) as unknown as Matrix)
              : [1, 0, 0, 1, 0, 0]
          const inner = dict.entries.get('Resources') ?? resourcesValue
          const saved = { ...state }
          run(
            stream.bytes,
            inner,
            env,
            report,
            budget,
            multiply(state.ctm, m),
            hidden() || layerOff,
            depth + 1
          )
          state = saved
        }
        break
      }
      default:
        break
    }
    operands.length = 0
  }
}
