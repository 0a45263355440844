/**
 * Turns a page whose text runs sideways or upside down (a landscape table on a portrait sheet, a page
 * scanned in the wrong way round) into its reading frame, where lines run left to right and follow
 * each other downwards, so every size and alignment rule can speak of "left", "above" and "line
 * height" once. Boxes found there are turned back into displayed-page space.
 */
import type { Glyph, PageContent } from '../pdf/pageContent'
import type { PageRect } from '../types'

export type Direction = 0 | 1 | 2 | 3

/** The reading direction most visible glyphs share (0 when the page has no text). */
export function dominantDirection(glyphs: readonly Glyph[]): Direction {
  const counts = [0, 0, 0, 0]
  for (const g of glyphs) if (!g.invisible && g.unicode.trim() !== '') counts[g.dir]!++
  let best: Direction = 0
  for (const d of [1, 2, 3] as const) if (counts[d]! > counts[best]!) best = d
  return best
}

export interface ReadingFrame {
  readonly direction: Direction
  /** Size of the page in the frame. */
  readonly width: number
  readonly height: number
  toFrame(rect: PageRect): PageRect
  toPage(rect: PageRect): PageRect
}

const norm = (x0: number, y0: number, x1: number, y1: number): PageRect => [
  Math.min(x0, x1),
  Math.min(y0, y1),
  Math.max(x0, x1),
  Math.max(y0, y1)
]

export function readingFrame(direction: Direction, pageWidth: number, pageHeight: number): ReadingFrame {
  const W = pageWidth
  const H = pageHeight
  switch (direction) {
    case 1: // reads downwards, lines step leftwards: u = y, v = W − x
      return {
        direction,
        width: H,
        height: W,
        toFrame: (r) => norm(r[1], W - r[0], r[3], W - r[2]),
        toPage: (r) => norm(W - r[1], r[0], W - r[3], r[2])
      }
    case 2: // upside down: u = W − x, v = H − y
      return {
        direction,
        width: W,
        height: H,
        toFrame: (r) => norm(W - r[0], H - r[1], W - r[2], H - r[3]),
        toPage: (r) => norm(W - r[0], H - r[1], W - r[2], H - r[3])
      }
    case 3: // reads upwards, lines step rightwards: u = H − y, v = x
      return {
        direction,
        width: H,
        height: W,
        toFrame: (r) => norm(H - r[1], r[0], H - r[3], r[2]),
        toPage: (r) => norm(r[1], H - r[0], r[3], H - r[2])
      }
    default:
      return { direction: 0, width: W, height: H, toFrame: (r) => r, toPage: (r) => r }
  }
}

/** The page's drawing seen in the frame: every rectangle turned, glyph directions made relative. */
export function contentInFrame(content: PageContent, frame: ReadingFrame): PageContent {
  if (frame.direction === 0) return content
  return {
    width: frame.width,
    height: frame.height,
    fills: content.fills.map((f) => ({ ...f, rect: frame.toFrame(f.rect) })),
    images: content.images.map((im) => ({ ...im, rect: frame.toFrame(im.rect) })),
    glyphs: content.glyphs.map((g) => {
      const dir = ((g.dir - frame.direction + 4) % 4) as Direction
      return { ...g, rect: frame.toFrame(g.rect), dir, rotated: dir !== 0 }
    })
  }
}
