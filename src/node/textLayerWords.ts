/**
 * The words of each page's text layer (born-digital text, or a scan's invisible OCR layer) with
 * their boxes as pageRects (points, displayed page, origin top-left), for comparing two releases
 * (src/core/compare). pdf.js gives text in runs; a run is cut into words at spaces and each word
 * gets its share of the run's width by character count (exact for fixed-width text, within a
 * character or two for proportional fonts, which is all the alignment needs: it works on words and
 * their order, and on boxes only to place a box among the words of its line).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist'
import type { CompareWord } from '@core/compare/types'
import type { PageRect } from '@core/types'
import { openPdf } from './pdfjs'

type Affine = readonly [number, number, number, number, number, number]

const multiply = (m: Affine, n: Affine): Affine => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5]
]

interface TextRun {
  readonly str: string
  readonly transform: Affine
  /** Run advance in text space units (pdf.js scales it by the font size already). */
  readonly width: number
}

const isTextRun = (item: unknown): item is TextRun =>
  typeof item === 'object' &&
  item !== null &&
  typeof (item as TextRun).str === 'string' &&
  Array.isArray((item as TextRun).transform)

/** The words of one run laid out along its baseline, boxed on the displayed page. */
export function runWords(run: TextRun, viewport: Affine): CompareWord[] {
  const m = multiply(viewport, run.transform)
  const length = Math.hypot(m[0], m[1]) || 1
  const [ux, uy] = [m[0] / length, m[1] / length]
  // Font height on the page: the run's vertical unit vector, in viewport points.
  const size = Math.hypot(m[2], m[3])
  const scale = Math.hypot(viewport[0], viewport[1]) || 1
  const widthPt = run.width * scale
  const chars = run.str.length
  if (chars === 0 || !(size > 0)) return []
  const words: CompareWord[] = []
  for (const found of run.str.matchAll(/\S+/g)) {
    const from = (found.index / chars) * widthPt
    const to = ((found.index + found[0].length) / chars) * widthPt
    // Baseline points at the word's ends; the box reaches 0.8 of the size above and 0.2 below.
    const corners = [from, to].flatMap((along) => {
      const bx = m[4] + ux * along
      const by = m[5] + uy * along
      // "Up" on the page is against the y-down axis, turned with the text.
      const [nx, ny] = [uy, -ux]
      return [
        [bx + nx * size * 0.8, by + ny * size * 0.8],
        [bx - nx * size * 0.2, by - ny * size * 0.2]
      ]
    })
    const xs = corners.map((c) => c[0]!)
    const ys = corners.map((c) => c[1]!)
    const pageRect: PageRect = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
    words.push({ text: found[0], pageRect })
  }
  return words
}

/** Every page's text-layer words, in page order; a page whose text cannot be read has none. */
export async function textLayerWords(pdf: PDFDocumentProxy): Promise<CompareWord[][]> {
  const pages: CompareWord[][] = []
  for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
    try {
      const page = await pdf.getPage(pageNumber)
      const viewport = page.getViewport({ scale: 1 }).transform as unknown as Affine
      const content = await page.getTextContent()
      pages.push((content.items as unknown[]).filter(isTextRun).flatMap((item) => runWords(item, viewport)))
      page.cleanup()
    } catch {
      pages.push([])
    }
  }
  return pages
}

/** Opens the bytes (already read and checked by the analysis) and reads their text layers. */
export async function textLayerWordsOf(bytes: Uint8Array): Promise<CompareWord[][]> {
  const pdf = await openPdf(bytes)
  try {
    return await textLayerWords(pdf)
  } finally {
    await pdf.loadingTask.destroy()
  }
}
