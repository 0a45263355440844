/**
 * Adds `image-under-box` leaks to a page's redactions: for each box drawn as vector fills over a page
 * image (the image painted before the fills), the image's own pixels under the box are judged
 * (imageUnderBox.ts). Real police FOIA releases do exactly this: a black rectangle drawn over the
 * scan, the scan underneath untouched. A box over pixels that were already blacked out is no leak,
 * and the raster pass (rasterPass.ts) counts it once.
 */
import type { PDFPageProxy } from 'pdfjs-dist'
import { OPS } from '../pdf/ops'
import type { ImagePaint, PageContent } from '../pdf/pageContent'
import type { OperatorListLike } from '../pdf/walkOperatorList'
import type { PageRect, ScanPage, ScanRedaction } from '../types'
import { coverage, intersection, intersectionArea } from '../detect/geometry'
import { imageLeak, judgeRegion, sampleUnderBox, type DecodedImage } from './imageUnderBox'
import { paintsOnlyRectsAndImages, type PageLayers, type PlacedImage } from './imagePageRaster'

/** The decoded pixels of one image paint, or null when they cannot be had. */
export type ImageLookup = (paint: ImagePaint) => Promise<DecodedImage | null>

/** A fill counts as part of a box when this share of it lies inside the box. */
const PART_OF_BOX_COVERAGE = 0.5
/** pdf.js sends a decoded image shortly after the operator list; one that never comes is skipped. */
const IMAGE_WAIT_MS = 5_000

function asDecoded(value: unknown): DecodedImage | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Partial<DecodedImage>
  const data = v.data
  if (typeof v.width !== 'number' || typeof v.height !== 'number' || typeof v.kind !== 'number') return null
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) return null
  return { width: v.width, height: v.height, kind: v.kind, data }
}

/**
 * Reads decoded images the way pdf.js's canvas renderer does: an image XObject's data from the page's
 * objects (`g_` ids from the document-wide cache), an inline image's from the operator's arguments.
 * Image masks and repeated tiles are not scans and are skipped.
 */
export function pdfjsImageLookup(page: PDFPageProxy, list: OperatorListLike): ImageLookup {
  const cache = new Map<number, Promise<DecodedImage | null>>()
  const load = async (paint: ImagePaint): Promise<DecodedImage | null> => {
    const fn = list.fnArray[paint.opIndex]
    const arg = (list.argsArray[paint.opIndex] as unknown[] | null | undefined)?.[0]
    if (fn === OPS.paintInlineImageXObject) return asDecoded(arg)
    if (fn !== OPS.paintImageXObject || typeof arg !== 'string') return null
    const objs = arg.startsWith('g_') ? page.commonObjs : page.objs
    let timer: ReturnType<typeof setTimeout> | undefined
    const data = await Promise.race([
      new Promise<unknown>((resolve) => objs.get(arg, resolve, () => resolve(null))),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), IMAGE_WAIT_MS)))
    ])
    clearTimeout(timer)
    return asDecoded(data)
  }
  return (paint) => {
    let found = cache.get(paint.opIndex)
    if (!found) {
      found = load(paint).catch(() => null)
      cache.set(paint.opIndex, found)
    }
    return found
  }
}

/**
 * What the box hides of each image: the box's own fills (opaque, mostly inside the box) painted after
 * the image, each clipped to the box. A page background drawn before the scan lies inside a page-size
 * box too, but it is painted first and hides nothing. Judging fill by fill, not the box's bounds, keeps
 * a raster box that spans two vector boxes and the paper between them from counting that paper.
 */
function hiddenParts(r: ScanRedaction, content: PageContent): { paint: ImagePaint; rects: PageRect[] }[] {
  const fills = content.fills.filter(
    (f) => f.alpha >= 0.9 && coverage(f.rect, r.bbox) >= PART_OF_BOX_COVERAGE
  )
  const parts = []
  for (const paint of content.images) {
    if (intersectionArea(paint.rect, r.bbox) <= 0) continue
    const rects: PageRect[] = []
    for (const f of fills) {
      if (f.seq <= paint.seq) continue
      const part = intersection(f.rect, r.bbox)
      if (part && !rects.some((q) => q.every((v, k) => Math.abs(v - part[k]!) < 0.01))) rects.push(part)
    }
    if (rects.length > 0) parts.push({ paint, rects })
  }
  return parts
}

export async function withImageLeaks(
  page: ScanPage,
  content: PageContent,
  lookup: ImageLookup
): Promise<ScanPage> {
  if (content.images.length === 0) return page
  let changed = false
  const redactions: ScanRedaction[] = []
  for (const r of page.redactions) {
    // Raster boxes too: one that is really a vector fill the vector pass left out has fills under it.
    if ((r.source !== 'vector' && r.source !== 'raster') || r.leak) {
      redactions.push(r)
      continue
    }
    const regions = []
    for (const { paint, rects } of hiddenParts(r, content)) {
      const image = await lookup(paint)
      if (!image) continue
      for (const rect of rects) {
        const sample = sampleUnderBox(image, paint.matrix, rect)
        if (sample) regions.push({ sample, verdict: judgeRegion(sample) })
      }
    }
    const leak = imageLeak(regions)
    if (leak) changed = true
    redactions.push(leak ? { ...r, leak } : r)
  }
  return changed ? { ...page, redactions } : page
}

/**
 * The page's images, decoded, and its rectangle fills, for a renderer that can skip painting
 * (imagePageRaster.ts); undefined when an image cannot be had or the page paints anything else.
 */
export async function pageLayers(
  content: PageContent,
  lookup: ImageLookup,
  list: OperatorListLike
): Promise<PageLayers | undefined> {
  if (!paintsOnlyRectsAndImages(list)) return undefined
  const images: PlacedImage[] = []
  for (const paint of content.images) {
    const image = await lookup(paint)
    if (!image) return undefined
    images.push({ image, matrix: paint.matrix, seq: paint.seq })
  }
  return { images, fills: content.fills }
}
