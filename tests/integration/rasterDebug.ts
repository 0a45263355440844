// Debug pictures for the raster tests: the rendered grey page with detections (red; markers orange)
// and ground truth (green) outlined, as PNG bytes. Only written when RASTER_DEBUG_DIR is set.
import { createCanvas } from '@napi-rs/canvas'
import type { PageRect } from '@core/types'
import type { RasterBox } from '@core/raster/detectRasterBoxes'
import type { RasterPage } from '@node/rasterPage'

export async function drawDetections(
  raster: RasterPage,
  boxes: readonly RasterBox[],
  truth: readonly PageRect[]
): Promise<Buffer> {
  const { width, height, data } = raster.bitmap
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  const image = ctx.createImageData(width, height)
  for (let i = 0; i < data.length; i++) {
    const g = data[i] as number
    image.data[i * 4] = g
    image.data[i * 4 + 1] = g
    image.data[i * 4 + 2] = g
    image.data[i * 4 + 3] = 255
  }
  ctx.putImageData(image, 0, 0)
  const k = raster.pxPerPt
  const outline = (r: PageRect, colour: string, inset: number): void => {
    ctx.strokeStyle = colour
    ctx.lineWidth = 1.5
    ctx.strokeRect(
      r[0] * k - inset,
      r[1] * k - inset,
      (r[2] - r[0]) * k + 2 * inset,
      (r[3] - r[1]) * k + 2 * inset
    )
  }
  for (const r of truth) outline(r, 'rgb(0,190,0)', 3)
  for (const b of boxes) outline(b.pageRect, b.marker ? 'rgb(255,140,0)' : 'rgb(230,0,0)', 1.5)
  return canvas.encode('png')
}
