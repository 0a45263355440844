/**
 * Scans an open pdf.js document page by page into the scan contract (`withheld.scan/1`). Used by the
 * CLI, the app's analysis worker and the tests alike. Each page is walked from its operator list (no
 * getTextContent pass: the walker places glyphs itself), reported through `onPage` as soon as it is
 * done, then released, so memory stays flat across a 1,000-page release. A page that throws is
 * reported with `error` and no redactions; the rest of the document is still scanned.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist'
import { inferRegime } from '../grounds/catalogue'
import { detectPage, type RedactAnnotation } from '../detect/detectPage'
import { readOverlayTexts } from '../pdf/overlayText'
import { fontMetricsOf, walkOperatorList, type FontLookup } from '../pdf/walkOperatorList'
import type { Matrix, PageRect, ScanPage, ScanResult, ScanSummary } from '../types'
import { ENGINE_VERSION, SCAN_SCHEMA } from '../types'
import { detectRasterBoxes } from '../raster/detectRasterBoxes'
import { mergeRasterBoxes, type PageRaster } from './rasterPass'
import { finishPage } from './finishPage'
import { pageLayers, pdfjsImageLookup, withImageLeaks, type ImageLookup } from './imageLeaks'
import type { PageLayers } from './imagePageRaster'
import type { OperatorListLike } from '../pdf/walkOperatorList'
import type { PageContent } from '../pdf/pageContent'
import { area, intersectionArea, roundRect } from '../detect/geometry'
import type { OcrEngine } from '../ocr/ocrEngine'
import { readScannedPage, withoutUnconfirmed } from '../ocr/readScannedPage'
import { auditDocument, type Inflate } from '../audit/auditDocument'
import { readPageWords, withVisibleOcrWords } from '../ocr/pageWords'

export interface ScanInput {
  /** File name only (reports carry no local paths). */
  readonly fileName: string
  readonly sha256: string
  readonly producer?: string | null
}

export interface ScanOptions {
  readonly revealLeaks: boolean
  /** Called in page order as each page completes. */
  readonly onPage?: (page: ScanPage) => void
  /**
   * Renders a page to grey pixels so the boxes burned into a scanned page's image are found too. Only
   * pages mostly covered by images are rendered. Supplied by the runtime (Node: src/node/rasterPage.ts);
   * without it scanned pages report vector boxes only.
   */
  readonly rasterise?: Rasterise
  /**
   * Reads scanned pages' printed ground labels and placeholder pages (ocr/readScannedPage.ts), on pages
   * the raster pass rendered. Without it raster boxes carry no grounds.
   */
  readonly ocr?: ScanOcr
  /**
   * Runs the deep leak audit (src/core/audit: revisions, metadata, annotations, attachments…) after
   * the pages, with the runtime's zlib inflater (Node: src/node/inflate.ts). Without it the result
   * carries no `audit`.
   */
  readonly audit?: { readonly inflate: Inflate }
}

export interface ScanOcr {
  readonly engine: OcrEngine
  /** Renders a page for OCR (around 300 dpi); asked only for pages that have something to read. */
  readonly rasterise: Rasterise
  /**
   * Also read the whole of each scanned page without text of its own and keep its words
   * (ScanPage.ocrWords) for search. Off by default: a full page costs seconds of OCR, strips
   * milliseconds, and the CLI's reports do not need the words.
   */
  readonly pageText?: boolean
}

/** `layers`: the page's decoded images and rectangle fills, for a renderer that can skip painting. */
type Rasterise = (page: PDFPageProxy, layers?: PageLayers) => Promise<PageRaster>

function fontLookup(page: PDFPageProxy): FontLookup {
  const cache = new Map<string, ReturnType<FontLookup>>()
  return (name) => {
    if (cache.has(name)) return cache.get(name) ?? null
    let metrics: ReturnType<FontLookup> = null
    try {
      if (page.commonObjs.has(name)) metrics = fontMetricsOf(page.commonObjs.get(name))
    } catch {
      metrics = null // not resolved: default metrics are used
    }
    cache.set(name, metrics)
    return metrics
  }
}

function normalise(r: readonly number[]): PageRect {
  return [Math.min(r[0]!, r[2]!), Math.min(r[1]!, r[3]!), Math.max(r[0]!, r[2]!), Math.max(r[1]!, r[3]!)]
}

/** pdf.js AnnotationType.REDACT. */
const REDACT_ANNOTATION_TYPE = 26

/** Raw /Redact annotation data per page index, or null when they must be read page by page. */
export type RedactIndex = ReadonlyMap<number, ReadonlyArray<Record<string, unknown>>> | null

/**
 * Every /Redact annotation of the document in one pass. Asking each page with getAnnotations would
 * also make pdf.js extract the page's whole text for any highlight on it (~1 ms a page, wasted here).
 */
export async function indexRedactAnnotations(pdf: PDFDocumentProxy): Promise<RedactIndex> {
  try {
    const found = (await pdf.getAnnotationsByType(new Set([REDACT_ANNOTATION_TYPE]), new Set())) as Array<
      Record<string, unknown>
    >
    const byPage = new Map<number, Array<Record<string, unknown>>>()
    const marks = found ?? []
    if (marks.length > 0) {
      // pdf.js leaves /OverlayText out; read it from the file (only files with /Redact marks pay this).
      const ids = marks.map((a) => a['id']).filter((id): id is string => typeof id === 'string')
      const overlays = readOverlayTexts(await pdf.getData(), ids)
      for (const a of marks) {
        const text = typeof a['id'] === 'string' ? overlays.get(a['id']) : undefined
        if (text !== undefined) a['overlayText'] = text
      }
    }
    for (const a of marks) {
      const pageIndex = a['pageIndex']
      if (typeof pageIndex !== 'number') continue
      const list = byPage.get(pageIndex) ?? []
      list.push(a)
      byPage.set(pageIndex, list)
    }
    return byPage
  } catch {
    return null
  }
}

async function redactAnnotations(
  page: PDFPageProxy,
  index: number,
  known: RedactIndex,
  toViewport: (rect: number[]) => number[]
): Promise<RedactAnnotation[]> {
  const annotations = known
    ? (known.get(index) ?? [])
    : ((await page.getAnnotations()) as Array<Record<string, unknown>>)
  const out: RedactAnnotation[] = []
  for (const a of annotations) {
    if (a['subtype'] !== 'Redact' || !Array.isArray(a['rect']) || a['rect'].length !== 4) continue
    // The label comes from /OverlayText alone: /Contents is the mark's note, often the very text
    // it was meant to remove, so it only feeds the leak (issue 10).
    const overlay = a['overlayText']
    const contents = (a['contentsObj'] as { str?: unknown } | undefined)?.str
    out.push({
      rect: normalise(toViewport(a['rect'] as number[])),
      overlayText: typeof overlay === 'string' && overlay.trim() !== '' ? overlay : null,
      contents: typeof contents === 'string' && contents.trim() !== '' ? contents : null
    })
  }
  return out
}

/** Pages whose images cover this share of the page are scans worth rendering for pixel boxes. */
const RASTER_MIN_IMAGE_SHARE = 0.5
/** A pixel box must lie this much inside page images: vector fills were judged by the vector pass. */
const RASTER_MIN_INSIDE_IMAGE = 0.7

/**
 * A page drawing this many characters (visible or an OCR layer) has text of its own that pdf.js gives
 * search; fewer is a stamp on a scan (a page number, a Bates code) and the page is read with OCR.
 */
const OWN_TEXT_MIN_CHARS = 40

const hasOwnText = (content: PageContent): boolean =>
  content.glyphs.reduce((n, g) => n + g.unicode.replace(/\s/gu, '').length, 0) >= OWN_TEXT_MIN_CHARS

/** Adds the boxes in a scanned page's pixels; a page that cannot be rendered keeps its vector result. */
async function withRasterBoxes(
  result: ScanPage,
  content: PageContent,
  lookup: ImageLookup,
  list: OperatorListLike,
  page: PDFPageProxy,
  rasterise: Rasterise | undefined,
  revealLeaks = false,
  ocr?: ScanOcr
): Promise<ScanPage> {
  if (!rasterise || result.error) return result
  const imageRects = content.images.map((image) => image.rect)
  const pageArea = result.width * result.height
  const imageArea = imageRects.reduce((sum, rect) => sum + area(rect), 0)
  if (!(pageArea > 0) || imageArea < RASTER_MIN_IMAGE_SHARE * pageArea) return result
  try {
    const layers = await pageLayers(content, lookup, list)
    const raster = await rasterise(page, layers)
    const inImages = detectRasterBoxes(raster.bitmap, raster.pxPerPt).filter(
      (box) =>
        imageRects.reduce((sum, rect) => sum + intersectionArea(box.pageRect, rect), 0) >=
        RASTER_MIN_INSIDE_IMAGE * area(box.pageRect)
    )
    const merged: ScanPage = { ...mergeRasterBoxes(result, inImages), scanned: true }
    // White boxes with print inside stand only if that print reads as a ground label.
    const needsLabel = inImages.filter((box) => box.needsLabel).map((box) => roundRect(box.pageRect))
    // One OCR render per page, shared by the label strips and the whole-page read for search.
    let ocrRender: Promise<PageRaster> | null = null
    const renderForOcr = (): Promise<PageRaster> => (ocrRender ??= ocr!.rasterise(page, layers))
    // Without OCR a page's own OCR text layer is still read (labels, leaks under burned-in boxes).
    const pageOcr = ocr ? { engine: ocr.engine, render: renderForOcr } : null
    // OCR that fails leaves the boxes found, unlabelled.
    const read = await readScannedPage(
      merged,
      { raster, glyphs: content.glyphs, revealLeaks, needsLabel },
      pageOcr
    ).catch(() => withoutUnconfirmed(merged, needsLabel))
    if (!ocr?.pageText || hasOwnText(content)) return read
    // Unfiltered here: scanPage drops the words under boxes once every box is known.
    const ocrWords = await renderForOcr()
      .then((ocrPage) => readPageWords(ocr.engine, ocrPage))
      .catch(() => null)
    return ocrWords ? { ...read, ocrWords } : read
  } catch {
    return result
  }
}

export async function scanPage(
  page: PDFPageProxy,
  index: number,
  revealLeaks: boolean,
  redactIndex: RedactIndex = null,
  rasterise?: Rasterise,
  ocr?: ScanOcr
): Promise<ScanPage> {
  const viewport = page.getViewport({ scale: 1 })
  const rotation = ((page.rotate % 360) + 360) % 360
  try {
    const operatorList = await page.getOperatorList()
    const content = walkOperatorList(
      operatorList,
      viewport.transform as unknown as Matrix,
      { width: viewport.width, height: viewport.height },
      fontLookup(page)
    )
    const annotations = await redactAnnotations(page, index, redactIndex, (r) => {
      const [x0, y0] = viewport.convertToViewportPoint(r[0]!, r[1]!) as [number, number]
      const [x1, y1] = viewport.convertToViewportPoint(r[2]!, r[3]!) as [number, number]
      return [x0, y0, x1, y1]
    })
    const detected = detectPage(
      {
        index,
        width: viewport.width,
        height: viewport.height,
        rotation,
        content,
        redactAnnotations: annotations
      },
      { revealLeaks }
    )
    const lookup = pdfjsImageLookup(page, operatorList)
    const merged = await withRasterBoxes(
      detected,
      content,
      lookup,
      operatorList,
      page,
      rasterise,
      revealLeaks,
      ocr
    )
    // After the raster pass: a vector fill the vector pass passed over (a square box near the top of
    // a page can pass for a logo) comes back as a raster box, and the image under it is judged too.
    return withVisibleOcrWords(finishPage(await withImageLeaks(merged, content, lookup)), revealLeaks)
  } catch (err) {
    return {
      index,
      width: viewport.width,
      height: viewport.height,
      rotation,
      scanned: false,
      hasTextLayer: false,
      withheldInFull: false,
      redactions: [],
      error: err instanceof Error ? err.message : String(err)
    }
  }
}

export function summarise(pages: readonly ScanPage[]): ScanSummary {
  const byGround: Record<string, number> = {}
  let redactions = 0
  let leaks = 0
  for (const page of pages) {
    for (const r of page.redactions) {
      redactions++
      if (r.leak) leaks++
      for (const g of r.grounds) byGround[g] = (byGround[g] ?? 0) + 1
    }
  }
  return { redactions, pagesWithheldInFull: pages.filter((p) => p.withheldInFull).length, leaks, byGround }
}

export async function scanDocument(
  pdf: PDFDocumentProxy,
  input: ScanInput,
  options: ScanOptions
): Promise<ScanResult> {
  const pages: ScanPage[] = []
  const redactIndex = await indexRedactAnnotations(pdf)
  for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
    let result: ScanPage
    let page: PDFPageProxy | null = null
    try {
      page = await pdf.getPage(pageNumber)
      result = await scanPage(
        page,
        pageNumber - 1,
        options.revealLeaks,
        redactIndex,
        options.rasterise,
        options.ocr
      )
    } catch (err) {
      result = {
        index: pageNumber - 1,
        width: 0,
        height: 0,
        rotation: 0,
        scanned: false,
        hasTextLayer: false,
        withheldInFull: false,
        redactions: [],
        error: err instanceof Error ? err.message : String(err)
      }
    } finally {
      page?.cleanup()
    }
    pages.push(result)
    options.onPage?.(result)
  }
  const summary = summarise(pages)
  const audit = options.audit
    ? auditDocument({
        bytes: await pdf.getData(),
        pages,
        revealLeaks: options.revealLeaks,
        inflate: options.audit.inflate
      })
    : undefined
  return {
    schema: SCAN_SCHEMA,
    engine: ENGINE_VERSION,
    file: input.fileName,
    sha256: input.sha256,
    pageCount: pdf.numPages,
    producer: input.producer ?? null,
    regime: inferRegime(pages.flatMap((p) => p.redactions.flatMap((r) => r.grounds))),
    pages,
    summary,
    ...(audit ? { audit } : {})
  }
}
