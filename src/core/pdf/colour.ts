/**
 * Fill colours as pdf.js reports them (always converted to sRGB: `#rrggbb` strings, or occasionally
 * [r, g, b] arrays of 0–255) and the colour classes a reviewer speaks of: black, white, grey, colour.
 */

/** sRGB, 0–255 per channel. */
export type Rgb = readonly [r: number, g: number, b: number]

export type ColourClass = 'black' | 'white' | 'grey' | 'colour'

/** Darkest channel at or below 64/255 (25%): black toner, dark navy and charcoal all read as black. */
const BLACK_MAX_CHANNEL = 64
/** Every channel at or above 235/255 (92%): paper white, and the off-whites some tools use. */
const WHITE_MIN_CHANNEL = 235
/** Channels within 28/255 of each other carry no visible hue. */
const GREY_MAX_SPREAD = 28

export function parseColour(value: unknown): Rgb | null {
  if (typeof value === 'string') {
    const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(value)
    if (!match) return null
    return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)]
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const list = Array.from(value as ArrayLike<number>)
    if (list.length >= 3 && list.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      // pdf.js writes 0–255 bytes; a 0–1 triple would come from a different producer of this data.
      const scale = list.slice(0, 3).every((n) => n <= 1) ? 255 : 1
      return [list[0]! * scale, list[1]! * scale, list[2]! * scale]
    }
  }
  return null
}

export function classifyColour(rgb: Rgb): ColourClass {
  const max = Math.max(rgb[0], rgb[1], rgb[2])
  const min = Math.min(rgb[0], rgb[1], rgb[2])
  if (max <= BLACK_MAX_CHANNEL) return 'black'
  if (min >= WHITE_MIN_CHANNEL) return 'white'
  if (max - min <= GREY_MAX_SPREAD) return 'grey'
  return 'colour'
}

/** Largest per-channel difference; under ~40/255 two colours are indistinguishable as text on box. */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]))
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(rgb: Rgb): number {
  const lin = (c: number): number => {
    const v = c / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])
}

/** WCAG contrast ratio, 1 (identical) to 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = luminance(a)
  const lb = luminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/** Text this close to its background cannot be read. */
export const SAME_COLOUR_MAX_DISTANCE = 40
/**
 * Below a 1.6 contrast ratio text vanishes into its background even when the channels differ by
 * more than SAME_COLOUR_MAX_DISTANCE: pure black text on a #2c2e35 box measures 1.54 (WCAG asks 4.5
 * for legible text).
 */
export const SAME_COLOUR_MAX_CONTRAST = 1.6

/** Would text of colour `text` be unreadable on a `background` fill? */
export function indistinguishable(text: Rgb, background: Rgb): boolean {
  return (
    colourDistance(text, background) <= SAME_COLOUR_MAX_DISTANCE ||
    contrastRatio(text, background) <= SAME_COLOUR_MAX_CONTRAST
  )
}
