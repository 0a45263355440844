/**
 * Geometry in words and numbers for the report: box area, an estimate of the words under a box, and
 * where on the page a box sits ("top left", "middle, full width").
 */
import type { Leak, PageRect } from '../types'
import type { LeakUnit } from './types'

/**
 * One word of body text takes about 31 pt × 13.2 pt ≈ 410 pt²: 11 pt type at 1.2 line spacing is a
 * 13.2 pt line; an English word averages 4.7 letters plus a space, ≈ 5.7 characters at ≈ 0.5 em
 * (5.5 pt) each ≈ 31 pt. Smaller type or tables hold more words per box, headings fewer.
 */
export const WORD_AREA_PT2 = 410
/** A page withheld in full holds text only inside its margins: one inch (72 pt) each side. */
export const PAGE_MARGIN_PT = 72

export const EST_WORDS_BASIS =
  `Estimated words = box area ÷ ${WORD_AREA_PT2} pt², the area of one word of 11 pt body text ` +
  `(a 31 pt wide word on a 13.2 pt line); at least 1 word per box; a page withheld in full counts ` +
  `only the area inside 1-inch margins. Overlapping boxes are counted twice.`

export const rectAreaPt2 = (r: PageRect): number => Math.max(0, r[2] - r[0]) * Math.max(0, r[3] - r[1])

export function estimateWords(pageRect: PageRect, wholePage: boolean): number {
  const [x0, y0, x1, y1] = pageRect
  const rect: PageRect = wholePage
    ? [x0 + PAGE_MARGIN_PT, y0 + PAGE_MARGIN_PT, x1 - PAGE_MARGIN_PT, y1 - PAGE_MARGIN_PT]
    : pageRect
  return Math.max(1, Math.round(rectAreaPt2(rect) / WORD_AREA_PT2))
}

/** Share of the page at which a box counts as spanning it (a full text line with margins is ~75%). */
const FULL_SPAN = 2 / 3
const THIRDS_V = ['top', 'middle', 'bottom'] as const
const THIRDS_H = ['left', 'centre', 'right'] as const

const third = (centre: number, size: number): 0 | 1 | 2 => {
  const t = size > 0 ? Math.floor((3 * centre) / size) : 1
  return t <= 0 ? 0 : t >= 2 ? 2 : 1
}

/** Where a box sits, by the thirds of the page its centre falls in. */
export function describePosition(r: PageRect, pageWidth: number, pageHeight: number): string {
  const w = r[2] - r[0]
  const h = r[3] - r[1]
  const wide = w >= FULL_SPAN * pageWidth
  const tall = h >= FULL_SPAN * pageHeight
  if (wide && tall) return 'whole page'
  const v = THIRDS_V[third((r[1] + r[3]) / 2, pageHeight)]
  const hz = THIRDS_H[third((r[0] + r[2]) / 2, pageWidth)]
  if (wide) return `${v}, full width`
  if (tall) return `${hz}, full height`
  return hz === 'centre' ? `${v} centre` : `${v} ${hz}`
}

/** An image-under-box leak counts ink marks seen in the picture, every other kind characters of text. */
export const leakUnit = (leak: Leak): LeakUnit =>
  leak.kind === 'image-under-box' ? 'ink marks' : 'characters'

/** "41 characters", "1 ink mark". */
export function leakAmount(leak: Leak): string {
  const n = leak.chars.toLocaleString('en-NZ')
  if (leak.kind === 'image-under-box') return `${n} ink mark${leak.chars === 1 ? '' : 's'}`
  return `${n} character${leak.chars === 1 ? '' : 's'}`
}
