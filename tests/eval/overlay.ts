/**
 * Draws truth and detections over rendered pages, to see at a glance why a box was missed or a
 * look-alike reported: `node bench/compile.mjs out/eval tests/eval/overlay.ts` then
 * `node out/eval/overlay.js CORPUS_DIR NAME [PAGE ...]` (pages 0-based; all pages when none given).
 * Writes `.eval/overlay/NAME-pPAGE.png` at 1.5× scale: truth boxes red (magenta when they leak),
 * look-alikes green, detections blue (dashed, with their grounds).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { openPdf } from '@node/pdfjs'
import { scanPdfBytes } from '@node/scanPdf'
import type { TruthFile } from '../fixtures/generator/truth'

const SCALE = 1.5

const [corpusDir, name, ...pageArgs] = process.argv.slice(2)
if (!corpusDir || !name) {
  console.error('usage: overlay CORPUS_DIR NAME [PAGE ...]')
  process.exit(2)
}
const bytes = new Uint8Array(readFileSync(join(corpusDir, `${name}.pdf`)))
const truth = JSON.parse(readFileSync(join(corpusDir, `${name}.truth.json`), 'utf8')) as TruthFile
const scan = await scanPdfBytes(bytes, `${name}.pdf`, { revealLeaks: false })
const pdf = await openPdf(bytes)
const outDir = resolve('.eval/overlay')
mkdirSync(outDir, { recursive: true })
const pages = pageArgs.length ? pageArgs.map(Number) : truth.pages.map((p) => p.index)
for (const index of pages) {
  const page = await pdf.getPage(index + 1)
  const viewport = page.getViewport({ scale: SCALE })
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = 'white'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise
  const box = (bbox: readonly number[], colour: string, pad: number, dash: number[] = []): void => {
    const [x0, y0, x1, y1] = bbox.map((v) => v * SCALE) as [number, number, number, number]
    ctx.strokeStyle = colour
    ctx.lineWidth = 2
    ctx.setLineDash(dash)
    ctx.strokeRect(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad)
  }
  const t = truth.pages[index]
  for (const r of t?.redactions ?? []) box(r.bbox, r.leak ? 'magenta' : 'red', 3)
  for (const l of t?.lookalikes ?? []) box(l.bbox, 'limegreen', 1)
  ctx.font = '10px sans-serif'
  for (const d of scan.pages[index]?.redactions ?? []) {
    box(d.bbox, 'blue', 0, [4, 3])
    ctx.fillStyle = 'blue'
    if (d.grounds.length) ctx.fillText(d.grounds.join(' '), d.bbox[0] * SCALE, d.bbox[3] * SCALE + 10)
  }
  const out = join(outDir, `${name}-p${index}.png`)
  writeFileSync(out, canvas.toBuffer('image/png'))
  console.log(out)
}
await pdf.loadingTask.destroy()
