import { createCanvas } from '@napi-rs/canvas'
import { PDFDocument, PDFName, PDFNumber, PDFStream, type PDFDict, type PDFRef } from 'pdf-lib'
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { NativeJpegDecoder, nativeJpegHeader, oneAtATime } from './nativeJpeg'
import { openPdf } from './pdfjs'

/** A 64 × 48 px colour JPEG (Skia writes JFIF and an sRGB ICC profile): bands of grey and colour. */
async function colourJpeg(): Promise<Uint8Array> {
  const canvas = createCanvas(64, 48)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#f4f1ea'
  ctx.fillRect(0, 0, 64, 48)
  ctx.fillStyle = '#101010'
  ctx.fillRect(8, 8, 30, 10)
  ctx.fillStyle = '#c03020'
  ctx.fillRect(8, 26, 20, 14)
  ctx.fillStyle = '#2050d0'
  ctx.fillRect(36, 26, 20, 14)
  return new Uint8Array(await canvas.encode('jpeg', 90))
}

/** The JPEG with an Adobe APP14 segment (transform 1, YCbCr) after SOI: still a valid JPEG. */
function withAdobeMarker(jpeg: Uint8Array): Uint8Array {
  const app14 = [
    0xff,
    0xee,
    0x00,
    0x0e,
    ...Array.from('Adobe', (c) => c.charCodeAt(0)),
    0,
    100,
    0,
    0,
    0,
    0,
    1
  ]
  return new Uint8Array([0xff, 0xd8, ...app14, ...jpeg.subarray(2)])
}

/** A one-page PDF painting `jpeg` over the page; `edit` may change the image dictionary. */
async function pdfWith(
  jpeg: Uint8Array,
  edit?: (doc: PDFDocument, image: PDFRef) => void
): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const image = await doc.embedJpg(jpeg)
  const page = doc.addPage([64, 48])
  page.drawImage(image, { x: 0, y: 0, width: 64, height: 48 })
  await image.embed() // pdf-lib writes the image object at save time otherwise
  edit?.(doc, image.ref)
  return doc.save()
}

interface Decoded {
  readonly kind: number
  readonly width: number
  readonly height: number
  readonly data: Uint8Array | Uint8ClampedArray | null
}

/** The first page's first image as pdf.js hands it over (null when it could not decode it). */
async function firstImage(doc: PDFDocumentProxy): Promise<Decoded | null> {
  try {
    const page = await doc.getPage(1)
    const list = await page.getOperatorList()
    const at = list.fnArray.indexOf(OPS.paintImageXObject)
    const id = (list.argsArray[at] as [string])[0]
    const objs = id.startsWith('g_') ? page.commonObjs : page.objs
    return await new Promise((resolve) => objs.get(id, (data: unknown) => resolve(data as Decoded | null)))
  } finally {
    await doc.loadingTask.destroy()
  }
}

/** Through the engine's openPdf: the native decoder where it applies. */
const viaEngine = async (pdf: Uint8Array): Promise<Decoded | null> => firstImage(await openPdf(pdf))

/** An opaque /SMask: pdf.js then never offers the JPEG to an ImageDecoder and decodes it itself. */
function opaqueSMask(doc: PDFDocument, image: PDFRef): void {
  const mask = doc.context.stream(new Uint8Array(64 * 48).fill(255), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: 64,
    Height: 48,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 8
  })
  doc.context.lookup(image, PDFStream).dict.set(PDFName.of('SMask'), doc.context.register(mask))
}

/**
 * The JPEG's pixels from pdf.js's own JavaScript decoder, as RGB. pdf.js settles once per process
 * whether it uses an ImageDecoder, so the reference goes the one way it never does: under an opaque
 * soft mask (RGBA out, alpha 255).
 */
async function viaPdfjsDecoder(jpeg: Uint8Array): Promise<Uint8Array | null> {
  const image = await viaEngine(await pdfWith(jpeg, opaqueSMask))
  if (!image?.data) return null
  expect(image.kind).toBe(3)
  const rgb = new Uint8Array(image.width * image.height * 3)
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) rgb.set(image.data.subarray(j, j + 3), i)
  return rgb
}

/** Rec. 601 luma, as the engine reads pixels. */
function luma(rgb: ArrayLike<number>): number[] {
  const out: number[] = []
  for (let i = 0; i < rgb.length; i += 3) out.push((77 * rgb[i]! + 150 * rgb[i + 1]! + 29 * rgb[i + 2]!) >> 8)
  return out
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!))
  return max
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('native JPEG decoding for pdf.js', () => {
  it('decodes a DeviceRGB JPEG natively into the RGB image pdf.js would send', async () => {
    const jpeg = await colourJpeg()
    const decode = vi.spyOn(NativeJpegDecoder.prototype, 'decode')
    const reference = await viaPdfjsDecoder(jpeg)
    expect(decode).not.toHaveBeenCalled()
    const native = await viaEngine(await pdfWith(jpeg))
    expect(decode).toHaveBeenCalledTimes(1)
    expect(native).toMatchObject({ kind: 2, width: 64, height: 48 })
    expect(native!.data!.length).toBe(64 * 48 * 3)
    // Libjpeg smooths the half-size chroma where pdf.js repeats it: colours differ along colour edges
    // (up to ~50 levels there), grey (what the engine reads) by a few levels at most.
    expect(maxDifference(luma(native!.data!), luma(reference!))).toBeLessThanOrEqual(8)
  })

  it('leaves an Adobe-marked JPEG to pdf.js: the same pixels as before', async () => {
    const jpeg = withAdobeMarker(await colourJpeg())
    const native = await viaEngine(await pdfWith(jpeg))
    expect(native?.kind).toBe(2)
    expect(Array.from(native!.data!)).toEqual(Array.from((await viaPdfjsDecoder(jpeg))!))
  })

  it('leaves /ColorTransform 0, a /Decode array and an /SMask to pdf.js', async () => {
    const jpeg = await colourJpeg()
    const dict = (doc: PDFDocument, image: PDFRef): PDFDict => doc.context.lookup(image, PDFStream).dict
    const edits: Array<(doc: PDFDocument, image: PDFRef) => void> = [
      (doc, image) =>
        dict(doc, image).set(PDFName.of('DecodeParms'), doc.context.obj({ ColorTransform: PDFNumber.of(0) })),
      (doc, image) => dict(doc, image).set(PDFName.of('Decode'), doc.context.obj([1, 0, 1, 0, 1, 0])),
      opaqueSMask
    ]
    for (const edit of edits) {
      const decode = vi.spyOn(NativeJpegDecoder.prototype, 'decode')
      const image = await viaEngine(await pdfWith(jpeg, edit))
      expect(decode).not.toHaveBeenCalled()
      expect(image?.data).toBeTruthy()
      vi.restoreAllMocks()
    }
  })

  it('leaves a cut-short JPEG to pdf.js and gives a garbled one the same outcome', async () => {
    const jpeg = await colourJpeg()
    for (const share of [0.8, 0.6]) {
      const cut = jpeg.slice(0, Math.floor(jpeg.length * share))
      const reference = await viaPdfjsDecoder(cut)
      const native = await viaEngine(await pdfWith(cut))
      if (reference === null) expect(native?.data ?? null).toBeNull()
      else expect(Array.from(native!.data!)).toEqual(Array.from(reference))
    }
    // Headers intact, entropy-coded data overwritten: both decoders give a (damaged) image, no error.
    const garbled = jpeg.slice()
    garbled.fill(0xff, Math.floor(jpeg.length * 0.6), jpeg.length - 2)
    const reference = await viaPdfjsDecoder(garbled)
    const native = await viaEngine(await pdfWith(garbled))
    expect(reference?.length).toBe(64 * 48 * 3)
    expect(native).toMatchObject({ kind: 2, width: 64, height: 48 })
  })
})

describe('oneAtATime', () => {
  it('starts each decode after the one before has settled, failed or not', async () => {
    const log: string[] = []
    const task =
      (name: string, fail = false) =>
      async (): Promise<string> => {
        log.push(`start ${name}`)
        await new Promise((resolve) => setTimeout(resolve, 5))
        log.push(`end ${name}`)
        if (fail) throw new Error(name)
        return name
      }
    const runs = [oneAtATime(task('a')), oneAtATime(task('b', true)), oneAtATime(task('c'))]
    const settled = await Promise.allSettled(runs)
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
  })
})

describe('nativeJpegHeader', () => {
  /** SOI, an optional segment, then a frame header with the given marker, precision and components. */
  function jpegHeader(
    frame: { marker?: number; precision?: number; ids?: readonly number[]; width?: number; height?: number },
    before: readonly number[] = []
  ): Uint8Array {
    const { marker = 0xc0, precision = 8, ids = [1, 2, 3], width = 100, height = 50 } = frame
    const components = ids.flatMap((id) => [id, 0x11, 0])
    const length = 8 + components.length
    return new Uint8Array([
      0xff,
      0xd8,
      ...before,
      0xff,
      marker,
      length >> 8,
      length & 0xff,
      precision,
      height >> 8,
      height & 0xff,
      width >> 8,
      width & 0xff,
      ids.length,
      ...components,
      0xff,
      0xd9
    ])
  }
  const segment = (marker: number, text: string): number[] => {
    const body = Array.from(text, (c) => c.charCodeAt(0))
    return [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]
  }

  it('takes 3-component 8-bit baseline and progressive frames and finds ICC segments', async () => {
    expect(nativeJpegHeader(jpegHeader({}))).toEqual({ width: 100, height: 50, iccSegments: [] })
    expect(nativeJpegHeader(jpegHeader({ marker: 0xc2 }))).toMatchObject({ width: 100, height: 50 })
    const tagged = jpegHeader({}, segment(0xe2, 'ICC_PROFILE\0'))
    expect(nativeJpegHeader(tagged)).toMatchObject({ iccSegments: [2] })
    expect(nativeJpegHeader(await colourJpeg())).toMatchObject({ width: 64, height: 48 })
  })

  it('turns down CMYK, grey, 12-bit, lossless, R-G-B named, Adobe-marked and oversized frames', () => {
    expect(nativeJpegHeader(jpegHeader({ ids: [1, 2, 3, 4] }))).toBeNull() // CMYK / YCCK
    expect(nativeJpegHeader(jpegHeader({ ids: [1] }))).toBeNull()
    expect(nativeJpegHeader(jpegHeader({ precision: 12 }))).toBeNull()
    expect(nativeJpegHeader(jpegHeader({ marker: 0xc3 }))).toBeNull()
    expect(nativeJpegHeader(jpegHeader({ marker: 0xc9 }))).toBeNull() // arithmetic coding
    expect(nativeJpegHeader(jpegHeader({ ids: [0x52, 0x47, 0x42] }))).toBeNull()
    expect(nativeJpegHeader(jpegHeader({}, segment(0xee, 'Adobe\0d\0\0\0\0\x01')))).toBeNull()
    expect(nativeJpegHeader(jpegHeader({ width: 65535, height: 65535 }))).toBeNull()
  })

  it('turns down what is not a JPEG, or is cut short, without throwing', () => {
    expect(nativeJpegHeader(new Uint8Array())).toBeNull()
    expect(nativeJpegHeader(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull()
    expect(nativeJpegHeader(jpegHeader({}).subarray(0, 8))).toBeNull()
    expect(nativeJpegHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff]))).toBeNull()
  })
})
