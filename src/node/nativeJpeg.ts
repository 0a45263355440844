/**
 * Native JPEG decoding for pdf.js in Node. pdf.js decodes a PDF's JPEG images (DCTDecode) with its
 * own JavaScript decoder unless WebCodecs' `ImageDecoder` exists; on the generated 150–300 dpi scans
 * of bench/raster.bench.ts that decoder was ~60% of the scan's CPU time. Here an `ImageDecoder` backed
 * by @napi-rs/canvas (Skia's libjpeg-turbo) stands in for WebCodecs, and pdf.js's own rules choose
 * which JPEGs it gets. Without OffscreenCanvas (Node) that is an 8-bit DeviceRGB image at its own
 * size, with no /Decode array, no /SMask or /Mask, a /ColorTransform that is not 0, and not CMYK
 * (PDFImage.createImageData and JpegImage.canUseImageDecoder in pdf.worker.mjs); a DeviceGray JPEG
 * (a greyscale scan) still goes to pdf.js's JavaScript decoder. This decoder turns down, on top of
 * that, every JPEG whose colours libjpeg could read differently from pdf.js: anything but 3
 * components at 8 bits in a baseline, extended or progressive frame, an Adobe APP14 marker (pdf.js
 * may override its transform with /ColorTransform), components named R, G, B (pdf.js takes them for
 * RGB, libjpeg for YCbCr when a JFIF marker is there too), or a JPEG cut short (no end marker). An
 * embedded ICC profile is blanked out first, as pdf.js blanks EXIF: pdf.js ignores it, Skia would
 * colour-manage with it. A JPEG turned down, or one Skia cannot decode, goes back to pdf.js's
 * JavaScript decoder: the same pixels, or the same per-page outcome for a broken JPEG, as without
 * this module. Skia's greys differ from pdf.js's by rounding (IDCT, chroma upsampling): a few levels,
 * well inside scan noise.
 *
 * pdf.js sends a decoded frame from its worker as `bitmap` and transfers it; in Node the transfer is
 * a structuredClone, so the frame has to be transferable, and pdf.js closes it when a page is gone.
 * A MessagePort is both: it carries the RGB pixels, and a hook on pdf.js's object store takes them
 * off it as the image arrives, so everything after (canvas rendering, the engine's image lookups,
 * pdf.js's own copies between pages) sees the RGB image pdf.js's own decoder would have sent.
 */
import { MessageChannel, MessagePort, receiveMessageOnPort } from 'node:worker_threads'
import { createCanvas, Image } from '@napi-rs/canvas'

/** The same cap as openPdf's maxImageSize: a header claiming more is left to pdf.js (which skips it). */
export const MAX_NATIVE_JPEG_PIXELS = 4096 * 4096

/** pdf.js ImageKind.RGB_24BPP. */
const RGB_24BPP = 2

export interface JpegHeader {
  readonly width: number
  readonly height: number
  /** Offsets of the APP2 ICC_PROFILE segments' markers, to blank out before decoding. */
  readonly iccSegments: readonly number[]
}

/**
 * The frame size of a JPEG this module decodes natively, or null when it is one to leave to pdf.js
 * (see the header comment). Reads markers only, up to the frame header; never throws.
 */
export function nativeJpegHeader(bytes: Uint8Array): JpegHeader | null {
  const n = bytes.length
  if (n < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null
  const iccSegments: number[] = []
  let at = 2
  while (at + 4 <= n) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1]!
    if (marker === 0xff) {
      at++ // fill byte
      continue
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!
    if (length < 2 || at + 2 + length > n) return null
    const body = at + 4
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      if (length < 2 + 6 + 3 * 3) return null
      const precision = bytes[body]!
      const height = (bytes[body + 1]! << 8) | bytes[body + 2]!
      const width = (bytes[body + 3]! << 8) | bytes[body + 4]!
      const components = bytes[body + 5]!
      if (precision !== 8 || components !== 3 || width === 0 || height === 0) return null
      if (width * height > MAX_NATIVE_JPEG_PIXELS) return null
      const ids = [bytes[body + 6], bytes[body + 9], bytes[body + 12]]
      if (ids[0] === 0x52 && ids[1] === 0x47 && ids[2] === 0x42) return null // 'R', 'G', 'B'
      return endsWithEoi(bytes) ? { width, height, iccSegments } : null
    }
    // Scan data before a frame, or a frame of another kind (lossless, hierarchical, arithmetic).
    const otherFrame =
      marker >= 0xc3 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (otherFrame || marker === 0xda) return null
    if (marker === 0xee && startsWith(bytes, body, 'Adobe')) return null
    if (marker === 0xe2 && startsWith(bytes, body, 'ICC_PROFILE')) iccSegments.push(at)
    at += 2 + length
  }
  return null
}

/**
 * A JPEG cut short (no end-of-image marker, give or take trailing padding) is left to pdf.js: libjpeg
 * would fill the missing rows with grey where pdf.js leaves them as they are, and a bar of either at
 * the page's foot could read as a box.
 */
function endsWithEoi(bytes: Uint8Array): boolean {
  let end = bytes.length
  while (
    end > 2 &&
    (bytes[end - 1] === 0x00 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x20)
  )
    end--
  return end >= 4 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9
}

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false
  return true
}

/** A copy of the JPEG with its ICC profile segments turned into comments (COM), same length. */
function withoutIcc(bytes: Uint8Array, header: JpegHeader): Uint8Array {
  if (header.iccSegments.length === 0) return bytes
  const copy = bytes.slice()
  for (const at of header.iccSegments) copy[at + 1] = 0xfe
  return copy
}

/**
 * RGB pixels (3 bytes a pixel, rows top-down: pdf.js's ImageKind 2, what its own decoder gives for a
 * DeviceRGB JPEG) of a JPEG the header accepted, decoded by Skia; throws when Skia cannot decode it.
 */
export async function decodeJpegRgb(
  bytes: Uint8Array,
  header: JpegHeader
): Promise<Uint8ClampedArray<ArrayBuffer>> {
  const untagged = withoutIcc(bytes, header)
  const image = new Image()
  image.src = Buffer.from(untagged.buffer, untagged.byteOffset, untagged.byteLength)
  await image.decode()
  const { width, height } = header
  if (image.naturalWidth !== width || image.naturalHeight !== height) {
    throw new Error(
      `JPEG decoded at ${image.naturalWidth}×${image.naturalHeight}, header says ${width}×${height}`
    )
  }
  const ctx = createCanvas(width, height).getContext('2d')
  ctx.drawImage(image, 0, 0)
  // Skia's pixels live outside V8's heap and cannot be transferred: copied once, dropping alpha (a
  // JPEG is opaque), into an array that can.
  const rgba = ctx.getImageData(0, 0, width, height).data
  const rgb = new Uint8ClampedArray(width * height * 3)
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    rgb[i] = rgba[j]!
    rgb[i + 1] = rgba[j + 1]!
    rgb[i + 2] = rgba[j + 2]!
  }
  return rgb
}

let decoding: Promise<unknown> = Promise.resolve()

/**
 * Native decodes one after another, as pdf.js's own decoder runs them: pdf.js starts every image of
 * a page at once, and a page of several 4096 × 4096 JPEGs decoded side by side on libuv's four
 * threads (~250 MB each while decoding: Skia's image, the canvas, its pixels, the RGB copy) could
 * take the analysis worker past its memory cap where pdf.js alone would not.
 */
export function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = decoding.then(task, task)
  decoding = run.catch(() => undefined)
  return run
}

/** The part of WebCodecs' ImageDecoder pdf.js uses (JpegStream.getTransferableImage). */
export class NativeJpegDecoder {
  static isTypeSupported(type: string): Promise<boolean> {
    return Promise.resolve(type === 'image/jpeg')
  }

  readonly #data: Uint8Array
  readonly #isJpeg: boolean

  /**
   * `desiredWidth`/`desiredHeight` are ignored: without OffscreenCanvas pdf.js's ImageResizer takes
   * 2048 px as the largest canvas and asks for a 300 dpi page at half size, but the engine wants
   * every pixel (OCR reads 300 dpi), and pdf.js takes the size from the frame it gets back.
   */
  constructor(init: { data: Uint8Array; type: string; desiredWidth?: number; desiredHeight?: number }) {
    this.#data = init.data
    this.#isJpeg = init.type === 'image/jpeg'
  }

  async decode(): Promise<{ image: MessagePort & { displayWidth: number; displayHeight: number } }> {
    const header = this.#isJpeg ? nativeJpegHeader(this.#data) : null
    if (!header) throw new Error('JPEG left to pdf.js')
    const rgb = await oneAtATime(() => decodeJpegRgb(this.#data, header))
    const { port1, port2 } = new MessageChannel()
    port2.postMessage(rgb, [rgb.buffer])
    port2.close()
    // pdf.js reads the frame's size from displayWidth/displayHeight before it sends it.
    return { image: Object.assign(port1, { displayWidth: header.width, displayHeight: header.height }) }
  }

  close(): void {}
}

/** pdf.js's image data as it arrives in a page's object store. */
interface ArrivingImage {
  width?: unknown
  height?: unknown
  bitmap?: unknown
  [key: string]: unknown
}

/**
 * An image whose pixels came over a MessagePort as an ordinary RGB image; anything else unchanged.
 * A port that carries nothing usable gives null: pdf.js then treats the image as undecodable.
 */
export function adoptNativeFrame(data: unknown): unknown {
  const image = data as ArrivingImage | null
  const port = image?.bitmap
  if (!(port instanceof MessagePort)) return data
  const pixels = receiveMessageOnPort(port)?.message as unknown
  port.close()
  const { width, height } = image!
  if (
    !(pixels instanceof Uint8ClampedArray) ||
    typeof width !== 'number' ||
    typeof height !== 'number' ||
    pixels.length !== width * height * 3
  ) {
    return null
  }
  return { ...image, bitmap: null, kind: RGB_24BPP, data: pixels }
}

type Resolve = (objId: string, data?: unknown) => void

/**
 * Wraps pdf.js's object store (PDFObjects, not exported: reached through an instance) so frames are
 * adopted as they arrive. Idempotent; false when the store does not look as expected.
 */
export function hookObjectStore(objs: object): boolean {
  const proto = Object.getPrototypeOf(objs) as { resolve?: Resolve & { nativeJpeg?: true } } | null
  if (!proto || typeof proto.resolve !== 'function') return false
  if (proto.resolve.nativeJpeg) return true
  const original = proto.resolve
  const resolve = function (this: unknown, objId: string, data: unknown = null): void {
    original.call(this, objId, adoptNativeFrame(data))
  }
  proto.resolve = Object.assign(resolve, { nativeJpeg: true as const })
  return true
}

/**
 * Makes `NativeJpegDecoder` pdf.js's ImageDecoder. Must run before pdf.worker.mjs loads (pdf.js reads
 * `typeof ImageDecoder` once then). Leaves a real ImageDecoder alone; true when ours is installed.
 */
export function installNativeJpegDecoder(): boolean {
  const g = globalThis as { ImageDecoder?: unknown }
  if (g.ImageDecoder === undefined) g.ImageDecoder = NativeJpegDecoder
  return g.ImageDecoder === NativeJpegDecoder
}
