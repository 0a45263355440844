/**
 * Boxes come out in displayed-page space (rotation and CropBox applied, origin top-left), checked on
 * tiny PDFs made here with pdf-lib, against positions worked out by hand from the PDF geometry.
 */
import { PDFDocument, StandardFonts, degrees, rgb } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { scanPdfBytes } from '@node/scanPdf'

async function scan(build: (doc: PDFDocument) => Promise<void>) {
  const doc = await PDFDocument.create()
  await build(doc)
  return scanPdfBytes(await doc.save(), 'geometry.pdf', { revealLeaks: true })
}

const close = (actual: readonly number[], expected: readonly number[]): void => {
  expect(actual).toHaveLength(4)
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 1))
}

describe('displayed-page bboxes', () => {
  it('applies /Rotate 90: user (x, y) shows at (y, x) from the top-left', async () => {
    const result = await scan(async (doc) => {
      const page = doc.addPage([612, 792])
      page.setRotation(degrees(90))
      page.drawRectangle({ x: 100, y: 700, width: 100, height: 20, color: rgb(0, 0, 0) })
    })
    const page = result.pages[0]!
    expect([page.width, page.height, page.rotation]).toEqual([792, 612, 90])
    expect(page.redactions).toHaveLength(1)
    close(page.redactions[0]!.bbox, [700, 100, 720, 200])
  })

  it('applies /Rotate 180 and 270', async () => {
    const result = await scan(async (doc) => {
      for (const angle of [180, 270]) {
        const page = doc.addPage([612, 792])
        page.setRotation(degrees(angle))
        page.drawRectangle({ x: 100, y: 700, width: 100, height: 20, color: rgb(0, 0, 0) })
      }
    })
    // 180: x' = 612 − x, y' = y (origin now at the old bottom-right). 270: x' = 792 − y, y' = 612 − x.
    close(result.pages[0]!.redactions[0]!.bbox, [412, 700, 512, 720])
    close(result.pages[1]!.redactions[0]!.bbox, [72, 412, 92, 512])
  })

  it('measures from the CropBox corner and drops boxes in the bleed outside it', async () => {
    const result = await scan(async (doc) => {
      const page = doc.addPage([612, 792])
      page.setCropBox(50, 100, 512, 642)
      page.drawRectangle({ x: 100, y: 600, width: 100, height: 20, color: rgb(0, 0, 0) })
      page.drawRectangle({ x: 5, y: 5, width: 40, height: 20, color: rgb(0, 0, 0) }) // outside the crop
    })
    const page = result.pages[0]!
    expect([page.width, page.height]).toEqual([512, 642])
    expect(page.redactions).toHaveLength(1)
    close(page.redactions[0]!.bbox, [50, 122, 150, 142])
  })

  it('finds text under a box on a rotated, cropped page', async () => {
    let boxX = 0
    let boxWidth = 0
    const result = await scan(async (doc) => {
      const font = await doc.embedFont(StandardFonts.Helvetica)
      const page = doc.addPage([612, 792])
      page.setRotation(degrees(90))
      page.setCropBox(20, 20, 572, 752)
      page.drawText('The minister said Alice Example phoned.', { x: 72, y: 600, size: 11, font })
      const hiddenX = 72 + font.widthOfTextAtSize('The minister said ', 11)
      const width = font.widthOfTextAtSize('Alice Example', 11)
      boxX = hiddenX - 1
      boxWidth = width + 2
      page.drawRectangle({ x: boxX, y: 597, width: boxWidth, height: 14, color: rgb(0, 0, 0) })
    })
    const leaks = result.pages[0]!.redactions.filter((r) => r.leak)
    expect(leaks).toHaveLength(1)
    expect(leaks[0]!.leakedText).toBe('Alice Example')
    // Rotate 90 with a crop at (20, 20): x' = y − 20, y' = x − 20.
    close(leaks[0]!.bbox, [597 - 20, boxX - 20, 597 + 14 - 20, boxX + boxWidth - 20])
  })
})
