/**
 * A page's extracted text without the characters that lie under a redaction box, for search: text
 * under a box is withheld text (a leak when it is still in the file), and search must not find it or
 * show it in a snippet unless the user asked to reveal leaks (security.md; issue 10 point 2). pdf.js
 * gives text as runs with a box, not per character, so each character's place is estimated by
 * sharing its run's length evenly along the way the run reads; a character whose share touches a box
 * is left out (erring towards hiding: a visible letter beside a box may go, a hidden one never stays).
 */
import { intersection } from '../detect/geometry'
import type { PageRect } from '../types'

export interface PlacedText {
  readonly str: string
  /** pdf.js's end-of-line mark: a line break follows the run. */
  readonly hasEOL: boolean
  /** The run's box: points on the displayed page, origin top-left. */
  readonly pageRect: PageRect
  /** The way its characters advance on the displayed page; null when slanted (judged as a whole). */
  readonly advance: 'right' | 'left' | 'down' | 'up' | null
}

/** An overlap thinner than this (points) either way only grazes a box: rounding in the run's box. */
const GRAZE_PT = 0.25

function charRect(run: PlacedText, i: number, n: number): PageRect {
  const [x0, y0, x1, y1] = run.pageRect
  const from = (a: number, b: number, k: number): number => a + ((b - a) * k) / n
  switch (run.advance) {
    case 'right':
      return [from(x0, x1, i), y0, from(x0, x1, i + 1), y1]
    case 'left':
      return [from(x1, x0, i + 1), y0, from(x1, x0, i), y1]
    case 'down':
      return [x0, from(y0, y1, i), x1, from(y0, y1, i + 1)]
    case 'up':
      return [x0, from(y1, y0, i + 1), x1, from(y1, y0, i)]
    default:
      return run.pageRect
  }
}

const touches = (rect: PageRect, boxes: readonly PageRect[]): boolean =>
  boxes.some((box) => {
    const overlap = intersection(rect, box)
    return overlap !== null && overlap[2] - overlap[0] > GRAZE_PT && overlap[3] - overlap[1] > GRAZE_PT
  })

/** The run's text with every character under a box taken out (each hidden stretch one space). */
function visibleRun(run: PlacedText, boxes: readonly PageRect[]): string {
  if (!touches(run.pageRect, boxes)) return run.str
  if (run.advance === null) return ' '
  const chars = [...run.str]
  let out = ''
  chars.forEach((ch, i) => {
    if (!touches(charRect(run, i, chars.length), boxes)) out += ch
    else if (!out.endsWith(' ')) out += ' '
  })
  return out
}

/** The page's text as search joins it (runs in order, "\n" after a run that ends a line), boxes left out. */
export function visibleText(runs: readonly PlacedText[], boxes: readonly PageRect[]): string {
  let text = ''
  for (const run of runs) {
    text += visibleRun(run, boxes)
    if (run.hasEOL) text += '\n'
  }
  return text
}
