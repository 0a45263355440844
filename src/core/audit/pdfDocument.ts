/**
 * The document layer over PdfFile for one revision: its page list (inherited MediaBox, CropBox,
 * Rotate, Resources), each page's content read by contentText.ts, optional content state, fonts, and
 * the conversion of the page scan's boxes (pageRect, displayed page, top-left) into the page's
 * default user space (pdfRect), where the raw reader's positions live.
 */
import type { PageRect, PdfRect } from '../types'
import { readContent, type ContentEnv, type ContentReport } from './contentText'
import { decodeWithFont, parseToUnicode, type FontDecoder } from './fontText'
import { isStream, type PdfFile, type PdfObject, type Revision } from './pdfFile'
import { isArray, isDict, isName, isRef, numberOf, type PdfDict, type PdfValue } from './pdfSyntax'

export interface RawPage {
  readonly dict: PdfDict
  readonly objectNumber: number
  readonly cropBox: PdfRect
  readonly rotate: number
  readonly resources: PdfValue | undefined
}

const MAX_PAGES = 100_000
const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const

export class PdfDocumentView {
  private fonts = new Map<string, FontDecoder>()
  private offLayers: Set<number> | null = null
  readonly env: ContentEnv

  constructor(
    readonly file: PdfFile,
    readonly revision: Revision
  ) {
    this.env = {
      resolve: (v) => this.resolve(v) as ReturnType<ContentEnv['resolve']>,
      streamBytes: (v) => {
        const s = this.resolve(v)
        if (!isStream(s)) return null
        const bytes = this.file.decode(s, 'a form or content stream', this.revision)
        return bytes ? { dict: s.dict, bytes } : null
      },
      isHiddenOc: (v) => this.isHiddenOc(v),
      font: (v) => this.font(v)
    }
  }

  resolve(value: PdfObject | undefined): PdfObject | undefined {
    return this.file.resolve(value, this.revision)
  }

  dict(value: PdfObject | undefined): PdfDict | null {
    const v = this.resolve(value)
    if (isStream(v)) return v.dict
    return isDict(v as PdfValue) ? (v as PdfDict) : null
  }

  get catalog(): PdfDict | null {
    return this.dict(this.revision.trailer.entries.get('Root'))
  }

  pages(): RawPage[] {
    const out: RawPage[] = []
    const seen = new Set<number>()
    const walk = (ref: PdfValue | undefined, inherited: Map<string, PdfValue>, depth: number): void => {
      if (depth > 64 || out.length >= MAX_PAGES) return
      if (isRef(ref)) {
        if (seen.has(ref.num)) return
        seen.add(ref.num)
      }
      const node = this.dict(ref)
      if (!node) return
      const own = new Map(inherited)
      for (const key of INHERITED) if (node.entries.has(key)) own.set(key, node.entries.get(key)!)
      const kids = this.resolve(node.entries.get('Kids'))
      if (isArray(kids as PdfValue)) {
        for (const kid of kids as PdfValue[]) walk(kid, own, depth + 1)
        return
      }
      const box = (key: string): PdfRect | null => {
        const v = this.resolve(own.get(key))
        if (!isArray(v as PdfValue) || (v as PdfValue[]).length !== 4) return null
        const n = (v as PdfValue[]).map((x) => numberOf(this.resolve(x) as PdfValue) ?? 0)
        return [
          Math.min(n[0]!, n[2]!),
          Math.min(n[1]!, n[3]!),
          Math.max(n[0]!, n[2]!),
          Math.max(n[1]!, n[3]!)
        ]
      }
      const media = box('MediaBox') ?? [0, 0, 612, 792]
      const crop = box('CropBox')
      out.push({
        dict: node,
        objectNumber: isRef(ref) ? ref.num : -1,
        cropBox: crop
          ? [
              Math.max(crop[0], media[0]),
              Math.max(crop[1], media[1]),
              Math.min(crop[2], media[2]),
              Math.min(crop[3], media[3])
            ]
          : media,
        rotate: (((numberOf(own.get('Rotate')) ?? 0) % 360) + 360) % 360,
        resources: own.get('Resources')
      })
    }
    walk(this.catalog?.entries.get('Pages'), new Map(), 0)
    return out
  }

  /** Decoded content of a page (all /Contents streams joined); null and a note where unreadable. */
  pageContentBytes(page: RawPage, pageIndex: number): Uint8Array | null {
    const contents = this.resolve(page.dict.entries.get('Contents'))
    const parts = isArray(contents as PdfValue)
      ? (contents as PdfValue[])
      : contents === undefined
        ? []
        : [page.dict.entries.get('Contents')]
    const chunks: Uint8Array[] = []
    for (const part of parts) {
      const s = this.resolve(part as PdfValue)
      if (!isStream(s)) continue
      const bytes = this.file.decode(s, `page ${pageIndex + 1} content`, this.revision)
      if (!bytes) return null
      chunks.push(bytes, new Uint8Array([10]))
    }
    const total = chunks.reduce((n, c) => n + c.length, 0)
    const joined = new Uint8Array(total)
    let at = 0
    for (const c of chunks) {
      joined.set(c, at)
      at += c.length
    }
    return joined
  }

  readPage(page: RawPage, pageIndex: number): ContentReport | null {
    const bytes = this.pageContentBytes(page, pageIndex)
    return bytes ? readContent(bytes, page.resources, this.env) : null
  }

  readStream(value: PdfValue | undefined, fallbackResources?: PdfValue): ContentReport | null {
    const s = this.env.streamBytes(value)
    if (!s) return null
    return readContent(s.bytes, s.dict.entries.get('Resources') ?? fallbackResources, this.env)
  }

  private font(value: PdfValue | undefined): FontDecoder {
    const key = isRef(value) ? `r${value.num}` : ''
    const cached = key ? this.fonts.get(key) : undefined
    if (cached) return cached
    const dict = this.dict(value)
    const composite = dict !== null && isName(dict.entries.get('Subtype'), 'Type0')
    const cmap = dict ? this.env.streamBytes(dict.entries.get('ToUnicode')) : null
    const decoder = decodeWithFont(cmap ? parseToUnicode(cmap.bytes) : null, composite)
    if (key) this.fonts.set(key, decoder)
    return decoder
  }

  /** Object numbers of optional content groups that are off in the default configuration. */
  private layersOff(): Set<number> {
    if (this.offLayers) return this.offLayers
    const off = new Set<number>()
    const props = this.dict(this.catalog?.entries.get('OCProperties'))
    const config = props ? this.dict(props.entries.get('D')) : null
    const refs = (v: PdfValue | undefined): number[] => {
      const a = this.resolve(v)
      return isArray(a as PdfValue) ? (a as PdfValue[]).filter(isRef).map((r) => r.num) : []
    }
    const all = refs(props?.entries.get('OCGs'))
    if (config) {
      if (isName(config.entries.get('BaseState'), 'OFF')) {
        const on = new Set(refs(config.entries.get('ON')))
        for (const n of all) if (!on.has(n)) off.add(n)
      }
      for (const n of refs(config.entries.get('OFF'))) off.add(n)
    }
    // A layer set to hide when viewed or printed is hidden from one of the two readers.
    for (const n of all) {
      const usage = this.dict(this.dict({ type: 'ref', num: n, gen: 0 })?.entries.get('Usage'))
      const view = usage ? this.dict(usage.entries.get('View')) : null
      const print = usage ? this.dict(usage.entries.get('Print')) : null
      if (isName(view?.entries.get('ViewState'), 'OFF') || isName(print?.entries.get('PrintState'), 'OFF'))
        off.add(n)
    }
    this.offLayers = off
    return off
  }

  isHiddenOc(value: PdfValue | undefined): boolean {
    if (value === undefined || value === null) return false
    const off = this.layersOff()
    if (isRef(value) && off.has(value.num)) return true
    const dict = this.dict(value)
    if (!dict || !isName(dict.entries.get('Type'), 'OCMD')) return false
    const members = this.resolve(dict.entries.get('OCGs'))
    const list = (isArray(members as PdfValue) ? (members as PdfValue[]) : [dict.entries.get('OCGs')]).filter(
      isRef
    )
    if (list.length === 0) return false
    const offCount = list.filter((r) => off.has(r.num)).length
    const policy = isName(dict.entries.get('P')) ? (dict.entries.get('P') as { name: string }).name : 'AnyOn'
    if (policy === 'AllOn') return offCount > 0
    if (policy === 'AnyOff') return offCount === 0
    if (policy === 'AllOff') return offCount < list.length
    return offCount === list.length
  }
}

/** A scan box (displayed page, top-left origin, y down) in the page's default user space. */
export function pageRectToPdf(rect: PageRect, page: RawPage): PdfRect {
  const [cx0, cy0, cx1, cy1] = page.cropBox
  const toPdf = (x: number, y: number): [number, number] => {
    switch (page.rotate) {
      case 90:
        return [cx0 + y, cy0 + x]
      case 180:
        return [cx1 - x, cy0 + y]
      case 270:
        return [cx1 - y, cy1 - x]
      default:
        return [cx0 + x, cy1 - y]
    }
  }
  const [ax, ay] = toPdf(rect[0], rect[1])
  const [bx, by] = toPdf(rect[2], rect[3])
  return [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)]
}

export const inside = (x: number, y: number, r: PdfRect, margin = 0): boolean =>
  x >= r[0] - margin && x <= r[2] + margin && y >= r[1] - margin && y <= r[3] + margin

export const overlaps = (a: PdfRect, b: PdfRect): boolean =>
  a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]

export const rectOf = (value: PdfObject | undefined): PdfRect | null => {
  if (!isArray(value as PdfValue) || (value as PdfValue[]).length !== 4) return null
  const n = (value as PdfValue[]).map((v) => numberOf(v) ?? 0)
  return [Math.min(n[0]!, n[2]!), Math.min(n[1]!, n[3]!), Math.max(n[0]!, n[2]!), Math.max(n[1]!, n[3]!)]
}
