/**
 * Folds the raster detector's boxes (src/core/raster) into a scanned page's vector result. A scanned
 * page's redactions are pixels, invisible to the operator-list walker, so the page image is rendered
 * (by a runtime adapter: @napi-rs/canvas in Node) and searched. A vector box drawn over pixels that
 * are already black is one redaction, not two: raster boxes that mostly overlap a vector box are
 * dropped. A raster box covering half the page or more makes the page withheld in full, as a
 * page-size vector box does (detectPage's PAGE_BOX_MIN_SHARE).
 */
import type { ScanPage, ScanRedaction } from '../types'
import type { GreyBitmap, RasterBox } from '../raster/detectRasterBoxes'
import { PAGE_BOX_MIN_SHARE, readingOrder } from '../detect/detectPage'
import { area, coverage, iou, roundRect } from '../detect/geometry'

/** A page image for the raster detector: grey bitmap and its resolution in pixels per point. */
export interface PageRaster {
  readonly bitmap: GreyBitmap
  readonly pxPerPt: number
}

/** A raster box this far inside a vector box (share of the raster box) is that vector box. */
const SAME_BOX_COVERAGE = 0.6

function toRedaction(box: RasterBox): ScanRedaction {
  return {
    bbox: roundRect(box.pageRect),
    kind: box.kind,
    source: 'raster',
    confidence: box.confidence,
    label: null,
    grounds: [],
    leak: null,
    leakedText: null,
    evidence:
      box.evidence ??
      (box.kind === 'white' ? ['outline'] : box.marker ? ['marker-stroke'] : ['flat-fill', 'hard-edges']),
    status: 'found',
    passage: null
  }
}

export function mergeRasterBoxes(page: ScanPage, boxes: readonly RasterBox[]): ScanPage {
  const vector = page.redactions
  const fresh = boxes.filter(
    (box) =>
      !vector.some(
        (v) => iou(v.bbox, box.pageRect) >= 0.5 || coverage(box.pageRect, v.bbox) >= SAME_BOX_COVERAGE
      )
  )
  if (fresh.length === 0) return page
  const pageArea = page.width * page.height
  const pageBox = fresh.find((b) => b.kind !== 'white' && area(b.pageRect) >= PAGE_BOX_MIN_SHARE * pageArea)
  if (pageBox && !page.withheldInFull) {
    return {
      ...page,
      scanned: true,
      withheldInFull: true,
      redactions: [{ ...toRedaction(pageBox), kind: 'page' }, ...vector]
    }
  }
  const redactions = [...vector, ...fresh.map(toRedaction)].sort(readingOrder)
  return { ...page, scanned: true, redactions }
}
