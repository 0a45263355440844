/**
 * Whether the part of an image that the page does not show (beyond the CropBox or its clip) holds
 * anything: an image cropped in a word processor keeps its whole picture, and the cut-off part can be
 * the withheld one. Only images the audit can decode are judged (8-bit grey or RGB, Flate or none);
 * for others (JPEG, JPEG 2000, JBIG2) it cannot tell, and the cut-off part counts as content.
 */
import { applyPoint } from '../pdf/matrix'
import type { PdfRect } from '../types'
import type { PaintedImage } from './contentText'
import { inside, type PdfDocumentView } from './pdfDocument'
import { isStream } from './pdfFile'
import { isName, numberOf } from './pdfSyntax'

/** Pixels sampled at most (a stride keeps a 20-megapixel scan cheap). */
const MAX_SAMPLES = 250_000
/** Hidden pixels within this of each other (0–255) in every channel are blank. */
const BLANK_SPREAD = 16

/** True: the hidden part is one flat tone; false: it holds something; null: the image cannot be read. */
export function hiddenPartIsBlank(
  view: PdfDocumentView,
  image: PaintedImage,
  visible: PdfRect
): boolean | null {
  if (image.objectNumber < 0) return null
  const stream = view.resolve({ type: 'ref', num: image.objectNumber, gen: 0 })
  if (!isStream(stream)) return null
  const d = stream.dict.entries
  const width = numberOf(d.get('Width')) ?? 0
  const height = numberOf(d.get('Height')) ?? 0
  const space = view.resolve(d.get('ColorSpace'))
  const channels = isName(space, 'DeviceGray') ? 1 : isName(space, 'DeviceRGB') ? 3 : 0
  if (channels === 0 || numberOf(d.get('BitsPerComponent')) !== 8 || !(width > 0) || !(height > 0))
    return null
  const filter = d.get('Filter')
  if (filter !== undefined && !isName(filter, 'FlateDecode')) return null
  const pixels = view.file.decode(stream, `image object ${image.objectNumber}`, view.revision)
  if (!pixels || pixels.length < width * height * channels) return null
  const stride = Math.max(1, Math.ceil(Math.sqrt((width * height) / MAX_SAMPLES)))
  const low = new Array<number>(channels).fill(255)
  const high = new Array<number>(channels).fill(0)
  let hidden = 0
  for (let row = 0; row < height; row += stride)
    for (let col = 0; col < width; col += stride) {
      // Image row 0 is the top of the unit square (v = 1).
      const [x, y] = applyPoint(image.matrix, (col + 0.5) / width, 1 - (row + 0.5) / height)
      if (inside(x, y, visible)) continue
      hidden++
      for (let c = 0; c < channels; c++) {
        const v = pixels[(row * width + col) * channels + c]!
        low[c] = Math.min(low[c]!, v)
        high[c] = Math.max(high[c]!, v)
      }
    }
  return hidden === 0 || high.every((h, c) => h - low[c]! <= BLANK_SPREAD)
}
