/**
 * Where each leak badge goes on its page (issue 10, point 9). A badge drawn over the box's line hid
 * the very words a reviewer reads around the box, and one drawn over the box's corner collided with
 * the status mark (✓ / ?) drawn there ("⚠ le✓"). So a badge goes where nothing printed is: beside the
 * box when the line ends there, else in the margin past the line's last or before its first word,
 * else just above or below the box, else a few badge-heights up or down the margin. Every spot is
 * checked against the page's words (the pdf.js text layer), every box and label chip, and the badges
 * already placed, so two boxes on one line get two badges apart. Pure: CSS px in, CSS px out.
 */
import type { ViewRect } from './overlayGeometry'

/** The badge's fixed size (viewer.css sets the same through these numbers): "⚠ leak" at 10 px. */
export const LEAK_BADGE_WIDTH_PX = 44
export const LEAK_BADGE_HEIGHT_PX = 15
/** Paper kept between a badge and anything it must not touch. */
export const BADGE_GAP_PX = 3
/** How far up and down the margin a badge may move (in badge heights) when its own line is taken. */
const MARGIN_STEPS = 6

/** A label chip (viewer.css .redaction-label): 10 px semibold, ~6.5 px a character plus 8 px padding. */
const LABEL_CHAR_PX = 6.5
const LABEL_PADDING_PX = 8
const LABEL_HEIGHT_PX = 15

export interface BadgeBox {
  readonly id: string
  readonly rect: ViewRect
  /** The box's printed label, drawn as a chip on its top-left corner; null when it has none. */
  readonly label: string | null
}

export interface BadgePlacement {
  /** CSS px from the page's top-left corner. */
  readonly left: number
  readonly top: number
  /** False when no spot was free and the badge sits on the box's top edge, inside it. */
  readonly clear: boolean
}

interface Rect {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

const toRect = (r: ViewRect): Rect => ({
  left: r.left,
  top: r.top,
  right: r.left + r.width,
  bottom: r.top + r.height
})

const overlaps = (a: Rect, b: Rect): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/** The label chip's rectangle: on the box's top-left corner, above its top edge. */
export function labelRect(box: ViewRect, label: string): ViewRect {
  const width = LABEL_PADDING_PX + LABEL_CHAR_PX * label.length
  return { left: box.left - 2, top: box.top - 2 - LABEL_HEIGHT_PX, width, height: LABEL_HEIGHT_PX }
}

/**
 * One placement per box in `leaking`, in that order (earlier boxes get the better spots).
 * @param words the page's printed words (text layer spans), CSS px
 * @param allBoxes every box on the page, leaking or not, with its label
 * @param page the page's size, CSS px
 */
export function placeLeakBadges(
  leaking: readonly BadgeBox[],
  allBoxes: readonly BadgeBox[],
  words: readonly ViewRect[],
  page: { readonly width: number; readonly height: number }
): Map<string, BadgePlacement> {
  const W = LEAK_BADGE_WIDTH_PX
  const H = LEAK_BADGE_HEIGHT_PX
  const g = BADGE_GAP_PX
  const wordRects = words.map(toRect)
  const taken: Rect[] = allBoxes.flatMap((b) => [
    toRect(b.rect),
    ...(b.label ? [toRect(labelRect(b.rect, b.label))] : [])
  ])
  const placements = new Map<string, BadgePlacement>()

  const free = (spot: Rect): boolean =>
    spot.left >= 0 &&
    spot.top >= 0 &&
    spot.right <= page.width &&
    spot.bottom <= page.height &&
    !wordRects.some((w) => overlaps(spot, w)) &&
    !taken.some((t) => overlaps(spot, t))

  for (const { id, rect } of leaking) {
    const box = toRect(rect)
    const midTop = (box.top + box.bottom) / 2 - H / 2
    // The box's line: words sharing its height band.
    const line = wordRects.filter((w) => w.top < box.bottom && box.top < w.bottom)
    const lineRight = Math.max(box.right, ...line.map((w) => w.right))
    const lineLeft = Math.min(box.left, ...line.map((w) => w.left))
    const spots: [left: number, top: number][] = [
      [box.right + g, midTop],
      [lineRight + g, midTop],
      [lineLeft - g - W, midTop],
      [box.left - g - W, midTop],
      [box.right - W, box.top - g - H],
      [box.left, box.top - g - H],
      [box.right - W, box.bottom + g],
      [box.left, box.bottom + g]
    ]
    for (let step = 1; step <= MARGIN_STEPS; step++) {
      for (const direction of [1, -1]) {
        const top = midTop + direction * step * (H + g)
        spots.push([lineRight + g, top], [lineLeft - g - W, top])
      }
    }
    const found = spots
      .map(([left, top]): Rect => ({ left, top, right: left + W, bottom: top + H }))
      .find(free)
    if (found) {
      placements.set(id, { left: found.left, top: found.top, clear: true })
      // Kept a gap's width from the next badge too.
      taken.push({
        left: found.left - g,
        top: found.top - g,
        right: found.right + g,
        bottom: found.bottom + g
      })
    } else {
      // A crowded page at a small zoom: inside the box, on its top edge, clear of its status mark
      // (bottom right) and over nothing but the box's own ink.
      placements.set(id, {
        left: Math.max(0, Math.min(box.left + 2, page.width - W)),
        top: Math.max(0, box.top + 2),
        clear: false
      })
    }
  }
  return placements
}
