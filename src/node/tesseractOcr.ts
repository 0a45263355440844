/**
 * The OcrEngine (src/core/ocr/ocrEngine.ts) on tesseract.js, offline. Every path tesseract.js would
 * otherwise fetch from a CDN is given as a local file: the English LSTM model from
 * @tesseract.js-data/eng (gzipped, as that package ships it), the wasm core from tesseract.js-core and
 * the Node worker script from tesseract.js; cacheMethod 'none' keeps it from writing
 * eng.traineddata into the working folder. One tesseract worker (a worker thread) serves a whole
 * analysis process: it loads in ~0.3 s, then a label strip reads in ~30–100 ms.
 *
 * Pixels go in as a binary PGM (P5), which Leptonica reads directly: no PNG encoder needed, and a
 * strip is cropped and padded with white (tesseract misses print that touches the image edge); light
 * print on a dark box is first made dark on white (core/ocr/lightPrint.ts).
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js'
import type { OcrEngine, OcrWord, PxRect, RecogniseOptions } from '@core/ocr/ocrEngine'
import type { GreyBitmap } from '@core/raster/detectRasterBoxes'
import { lightPrintAsDark } from '@core/ocr/lightPrint'
import type { ScanOcr } from '@core/scan/scanDocument'
import { rasteriser } from './rasterPage'

export interface TesseractPaths {
  /** Folder holding eng.traineddata.gz. */
  readonly langPath: string
  /** Folder of tesseract.js-core's wasm builds. */
  readonly corePath: string
  /** tesseract.js's Node worker script. */
  readonly workerPath: string
}

/** White border around a crop, pixels: tesseract drops glyphs touching the image edge. */
const PAD_PX = 12
/** Grey level of the padding and of anything outside the bitmap. */
const PAPER = 255
/** Masked boxes become scanned-paper grey (~232–250), not pure white: no edge for tesseract to read. */
const MASK_GREY = 240

/** Local paths of the installed packages (never URLs: nothing is downloaded at run time). */
export function tesseractPaths(): TesseractPaths {
  const require = createRequire(import.meta.url)
  const eng = require('@tesseract.js-data/eng') as { langPath: string }
  return {
    // The LSTM-only integer model (2.9 MB gzipped) beside the package's default legacy+LSTM one (10.9 MB):
    // the one tesseract.js picks itself for OEM.LSTM_ONLY, and the only engine we run.
    langPath: join(dirname(eng.langPath), '4.0.0_best_int'),
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    workerPath: join(
      dirname(require.resolve('tesseract.js/package.json')),
      'src',
      'worker-script',
      'node',
      'index.js'
    )
  }
}

/** The worker options: local paths, gzip as @tesseract.js-data/eng ships it, no cache file. */
export function tesseractWorkerOptions(paths: TesseractPaths = tesseractPaths()): Record<string, unknown> {
  return {
    langPath: paths.langPath,
    corePath: paths.corePath,
    workerPath: paths.workerPath,
    gzip: true,
    cacheMethod: 'none',
    logger: () => undefined,
    errorHandler: () => undefined
  }
}

/** A binary PGM of `rectPx` of the bitmap with a white border, `masks` (bitmap pixels) painted paper. */
export function cropToPgm(bitmap: GreyBitmap, rectPx: PxRect, masks: readonly PxRect[] = []): Uint8Array {
  const x0 = Math.max(0, Math.floor(rectPx[0]))
  const y0 = Math.max(0, Math.floor(rectPx[1]))
  const x1 = Math.min(bitmap.width, Math.ceil(rectPx[2]))
  const y1 = Math.min(bitmap.height, Math.ceil(rectPx[3]))
  const w = Math.max(1, x1 - x0) + 2 * PAD_PX
  const h = Math.max(1, y1 - y0) + 2 * PAD_PX
  const header = new TextEncoder().encode(`P5\n${w} ${h}\n255\n`)
  const out = new Uint8Array(header.length + w * h)
  out.set(header)
  const pixels = out.subarray(header.length)
  pixels.fill(PAPER)
  for (let y = y0; y < y1; y++) {
    const row = bitmap.data.subarray(y * bitmap.width + x0, y * bitmap.width + x1)
    pixels.set(row, (y - y0 + PAD_PX) * w + PAD_PX)
  }
  for (const m of masks) {
    const mx0 = Math.max(x0, Math.floor(m[0]))
    const mx1 = Math.min(x1, Math.ceil(m[2]))
    if (mx1 <= mx0) continue
    for (let y = Math.max(y0, Math.floor(m[1])); y < Math.min(y1, Math.ceil(m[3])); y++) {
      const row = (y - y0 + PAD_PX) * w + PAD_PX - x0
      pixels.fill(MASK_GREY, row + mx0, row + mx1)
    }
  }
  return out
}

interface TesseractWord {
  readonly text: string
  readonly confidence: number
  readonly bbox: { x0: number; y0: number; x1: number; y1: number }
}

export interface TesseractOcr extends OcrEngine {
  /** Ends the worker thread; the engine is unusable afterwards. */
  terminate(): Promise<void>
}

/** One tesseract worker, sparse-text page segmentation (labels stand alone in margins and gaps). */
export async function createTesseractOcr(paths?: TesseractPaths): Promise<TesseractOcr> {
  const worker: Worker = await createWorker('eng', OEM.LSTM_ONLY, tesseractWorkerOptions(paths))
  await worker.setParameters({
    tessedit_pageseg_mode: PSM.SPARSE_TEXT,
    // Said outright, tesseract does not estimate it and print "Estimating resolution as …" on stdout,
    // which would land in the middle of `withheld scan --format json`.
    user_defined_dpi: String(DEFAULT_OCR_DPI),
    // Other diagnostics ("Detected 21 diacritics") go nowhere.
    debug_file: '/dev/null'
  } as Parameters<Worker['setParameters']>[0])
  return {
    async recognise(bitmap, rectPx, options?: RecogniseOptions): Promise<OcrWord[]> {
      const x0 = Math.max(0, Math.floor(rectPx[0]))
      const y0 = Math.max(0, Math.floor(rectPx[1]))
      if (rectPx[2] - x0 < 2 || rectPx[3] - y0 < 2) return []
      // Light print on a dark box: made dark on white first, without the paper round a skewed box.
      const pgm = options?.invert
        ? cropToPgm(lightPrintAsDark(bitmap, rectPx), [0, 0, rectPx[2] - x0, rectPx[3] - y0])
        : cropToPgm(bitmap, rectPx, options?.maskPx)
      const result = await worker.recognize(Buffer.from(pgm), {}, { blocks: true, text: false })
      const words: TesseractWord[] = (result.data.blocks ?? []).flatMap((b) =>
        b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words))
      )
      return words.map((word) => ({
        text: word.text,
        confidence: word.confidence,
        rectPx: [
          word.bbox.x0 - PAD_PX + x0,
          word.bbox.y0 - PAD_PX + y0,
          word.bbox.x1 - PAD_PX + x0,
          word.bbox.y1 - PAD_PX + y0
        ]
      }))
    },
    async terminate(): Promise<void> {
      await worker.terminate()
    }
  }
}

/**
 * The engine, started on first use: a born-digital release never pays for tesseract's start-up
 * (~0.3 s and a worker thread). `terminate` ends it if it was started.
 */
export function lazyTesseractOcr(paths?: TesseractPaths): TesseractOcr {
  let started: Promise<TesseractOcr> | null = null
  return {
    recognise(bitmap, rectPx, options) {
      started ??= createTesseractOcr(paths)
      return started.then((engine) => engine.recognise(bitmap, rectPx, options))
    },
    async terminate() {
      const engine = started
      started = null
      if (engine) await (await engine.catch(() => null))?.terminate()
    }
  }
}

/**
 * OCR resolution. Labels are small (7–9 pt): at 300 dpi their capitals are ~30 px, where tesseract's
 * LSTM model reads best; at 100 dpi (the box finder's) they are 10 px and misread. Only pages with
 * something to read are rendered at it.
 */
export const DEFAULT_OCR_DPI = 300

/** The scan engine's OCR hook: `engine` and a page renderer at `dpi`. */
export function scanOcr(engine: OcrEngine, dpi = DEFAULT_OCR_DPI): ScanOcr {
  const render = rasteriser(dpi)
  if (!render) throw new Error(`OCR needs a positive resolution, not ${dpi} dpi`)
  return { engine, rasterise: render }
}
