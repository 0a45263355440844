/**
 * Page images for the raster box detector (src/core/raster): renders a pdf.js page to a greyscale
 * bitmap in Node with @napi-rs/canvas (the canvas library pdf.js's own NodeCanvasFactory uses), and
 * tells a scanned page (one or a few images covering the page) from a born-digital one.
 *
 * 100 dpi is the default: a 12 pt text line is ~17 px and a 3 pt rule ~4 px, enough to tell boxes
 * from rules and glyphs, and an A4 page is ~1 M px (~4 MB RGBA while rendering, 1 MB grey after).
 */
import { createCanvas } from '@napi-rs/canvas'
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PDFPageProxy } from 'pdfjs-dist'
import type { GreyBitmap } from '@core/raster/detectRasterBoxes'
import { rasterFromImages, type PageLayers } from '@core/scan/imagePageRaster'

export const DEFAULT_RASTER_DPI = 100
/** 2^25 px (32 M; ~128 MB RGBA while rendering): a poster-sized page is rendered at a lower dpi. */
export const MAX_RASTER_PIXELS = 2 ** 25

export interface RasterPage {
  readonly bitmap: GreyBitmap
  /** Bitmap pixels per point (dpi / 72, lowered when the page had to be clamped). */
  readonly pxPerPt: number
  /** Displayed page size in points (rotation applied). */
  readonly widthPt: number
  readonly heightPt: number
}

/** Luma (Rec. 601, integer weights summing to 256) of RGBA pixels; alpha is composited on white. */
export function rgbaToGrey(rgba: Uint8Array | Uint8ClampedArray, out?: Uint8Array): Uint8Array {
  const n = rgba.length >> 2
  const grey = out ?? new Uint8Array(n)
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const luma =
      (77 * (rgba[j] as number) + 150 * (rgba[j + 1] as number) + 29 * (rgba[j + 2] as number)) >> 8
    const a = rgba[j + 3] as number
    grey[i] = a === 255 ? luma : (luma * a + 255 * (255 - a) + 127) / 255
  }
  return grey
}

/** Renders the displayed page (its /Rotate and CropBox applied) to grey at `dpi`, white background. */
export async function renderPageGrey(page: PDFPageProxy, dpi = DEFAULT_RASTER_DPI): Promise<RasterPage> {
  const base = page.getViewport({ scale: 1 })
  let scale = dpi / 72
  const pixels = base.width * scale * base.height * scale
  if (pixels > MAX_RASTER_PIXELS) scale *= Math.sqrt(MAX_RASTER_PIXELS / pixels)
  const viewport = page.getViewport({ scale })
  const width = Math.max(1, Math.floor(viewport.width))
  const height = Math.max(1, Math.floor(viewport.height))
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
  await page.render({
    canvas: canvas as unknown as RenderParameters['canvas'],
    canvasContext: ctx as unknown as RenderParameters['canvasContext'],
    viewport,
    background: '#ffffff',
    annotationMode: 0
  }).promise
  const rgba = ctx.getImageData(0, 0, width, height).data
  return {
    bitmap: { data: rgbaToGrey(rgba), width, height },
    pxPerPt: scale,
    widthPt: base.width,
    heightPt: base.height
  }
}

/**
 * The scan engine's page renderer at `dpi` (default 100), or none when `dpi` is 0. A page made of
 * decoded scan images and rectangle fills is drawn straight from them (imagePageRaster.ts, ~7× faster
 * than painting them through pdf.js); any other page is rendered.
 */
export function rasteriser(
  dpi = DEFAULT_RASTER_DPI
): ((page: PDFPageProxy, layers?: PageLayers) => Promise<RasterPage>) | undefined {
  if (!(dpi > 0)) return undefined
  return async (page, layers) => {
    const base = page.getViewport({ scale: 1 })
    const pxPerPt = dpi / 72
    const fits = base.width * pxPerPt * base.height * pxPerPt <= MAX_RASTER_PIXELS
    const direct = layers && fits ? rasterFromImages(layers, base.width, base.height, pxPerPt) : null
    if (direct) return { bitmap: direct, pxPerPt, widthPt: base.width, heightPt: base.height }
    return renderPageGrey(page, dpi)
  }
}

type RenderParameters = Parameters<PDFPageProxy['render']>[0]

type Affine = [number, number, number, number, number, number]

const multiply = (m: Affine, n: readonly number[]): Affine => {
  const [a, b, c, d, e, f] = n as Affine
  return [
    a * m[0] + b * m[2],
    a * m[1] + b * m[3],
    c * m[0] + d * m[2],
    c * m[1] + d * m[3],
    e * m[0] + f * m[2] + m[4],
    e * m[1] + f * m[3] + m[5]
  ]
}

/** Image draws beyond this many are not "a scan" but a collage (icons, tiles, charts). */
const MAX_SCAN_IMAGES = 8
/** Images must cover this share of the page (view box) to count as a scanned page. */
const MIN_IMAGE_COVER = 0.8

/**
 * True when the page's drawing is one or a few images covering ≥ 80% of the page: a scan. Text is
 * ignored (a scan often carries an invisible OCR layer). `view` is page.view ([x0, y0, x1, y1], PDF
 * user space), the space the operator list's transforms work in.
 */
export function isImagePage(
  opList: { readonly fnArray: readonly number[]; readonly argsArray: readonly unknown[] },
  view: readonly number[]
): boolean {
  const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = view
  const pageArea = Math.abs((vx1 - vx0) * (vy1 - vy0))
  if (!(pageArea > 0)) return false
  let ctm: Affine = [1, 0, 0, 1, 0, 0]
  const stack: Affine[] = []
  let covered = 0
  let images = 0
  for (let i = 0; i < opList.fnArray.length; i++) {
    const fn = opList.fnArray[i]
    const args = opList.argsArray[i] as unknown[] | null
    if (fn === OPS.save) stack.push(ctm)
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as number[])
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm)
      const matrix = args?.[0]
      if (Array.isArray(matrix) && matrix.length === 6) ctm = multiply(ctm, matrix as number[])
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm
    else if (
      fn === OPS.paintImageXObject ||
      fn === OPS.paintInlineImageXObject ||
      fn === OPS.paintImageXObjectRepeat ||
      fn === OPS.paintImageMaskXObject
    ) {
      images++
      if (images > MAX_SCAN_IMAGES) return false
      // An image fills the unit square under the CTM; take its bounds, clipped to the page.
      const xs = [ctm[4], ctm[0] + ctm[4], ctm[2] + ctm[4], ctm[0] + ctm[2] + ctm[4]]
      const ys = [ctm[5], ctm[1] + ctm[5], ctm[3] + ctm[5], ctm[1] + ctm[3] + ctm[5]]
      const w = Math.min(Math.max(...xs), Math.max(vx0, vx1)) - Math.max(Math.min(...xs), Math.min(vx0, vx1))
      const h = Math.min(Math.max(...ys), Math.max(vy0, vy1)) - Math.max(Math.min(...ys), Math.min(vy0, vy1))
      if (w > 0 && h > 0) covered += (w * h) / pageArea
    }
  }
  return covered >= MIN_IMAGE_COVER
}
