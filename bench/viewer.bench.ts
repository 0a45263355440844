/**
 * Viewer benchmark (issue 2): in headless Chromium against the built renderer (the e2e harness:
 * window.api backed by main's real services), the time from clicking "Import PDFs…" on a generated
 * 1,000-page PDF to its first page painted in the viewer, and the JS heap after scrolling through
 * every page. Next to it, in the same browser and from the same origin, pdf.js's own bare render of
 * page 1 (getDocument + getPage(1) + render, nothing else) and the heap that leaves. Prints ratios;
 * asserts nothing. Needs `npm run build` first (the bench script does it).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { manyPagesPdf } from '../tests/e2e/viewer.fixtures'

const PAGE_COUNT = 1_000
const ROUNDS = 3
/** Scroll steps from top to bottom; each waits for the window's pages to paint (or 2 s). */
const SCROLL_STEPS = 100

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
const harnessDir = join(repoRoot, 'tests/e2e/harness')
// The harness is written for vitest, which provides CommonJS's __dirname; give it the same here.
;(globalThis as { __dirname?: string }).__dirname = harnessDir
const { launchApp } = await import('../tests/e2e/harness/harness')

interface Round {
  readonly importToFirstPaintMs: number
  readonly importToRowMs: number
  readonly openToFirstPaintMs: number
  readonly heapAfterScrollMb: number
  readonly maxLiveCanvases: number
  readonly bareFirstPaintMs: number
  readonly bareHeapMb: number
}

/** usedSize of the page's JS heap after a forced GC, MB (CDP: precise, unlike performance.memory). */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.detach()
  return usedSize / 1e6
}

/**
 * Polls a page-side expression. Not page.waitForFunction: its string predicates are compiled with
 * eval in the page, which the app's CSP rightly refuses (and the harness reports as a page error).
 */
async function until(page: Page, expression: string, timeoutMs = 2_000): Promise<boolean> {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    if (await page.evaluate(expression)) return true
    await page.waitForTimeout(20)
  }
  return false
}

/** Records, in page time: the import click, the row appearing, the open click, page 1's canvas landing. */
const STOPWATCH = `(() => {
  const marks = (window.__stopwatch = {})
  const now = () => performance.now()
  window.addEventListener('click', (event) => {
    if (event.target.closest('[data-testid="import-button"]')) marks.importClick ??= now()
    else if (event.target.closest('[data-testid="document-row"] button')) marks.openClick ??= now()
  }, true)
  new MutationObserver(() => {
    if (!marks.rowShown && document.querySelector('[data-testid="document-row"]')) marks.rowShown = now()
    if (!marks.painted && document.querySelector('.viewer-page[data-page-index="0"] .canvasWrapper canvas')) marks.painted = now()
  }).observe(document.body, { childList: true, subtree: true })
})()`

const BARE_HTML = `<!doctype html><meta charset="utf-8"><canvas id="c"></canvas>
<script type="module" src="/__bench/bare.mjs"></script>`

// The same work the viewer does for page 1, at the viewer's fit-width scale, and nothing more.
const BARE_MODULE = `
import { getDocument, GlobalWorkerOptions } from '/__bench/pdf.mjs'
GlobalWorkerOptions.workerSrc = '/__bench/pdf.worker.mjs'
window.runBare = async (scale) => {
  const data = new Uint8Array(await (await fetch('/__bench/doc.pdf')).arrayBuffer())
  const started = performance.now()
  const doc = await getDocument({ data, isEvalSupported: false, enableXfa: false }).promise
  const page = await doc.getPage(1)
  const viewport = page.getViewport({ scale })
  const canvas = document.getElementById('c')
  canvas.width = Math.floor(viewport.width)
  canvas.height = Math.floor(viewport.height)
  await page.render({ canvas, viewport }).promise
  return performance.now() - started
}
window.benchReady = true
`

async function bareRender(page: Page, origin: string, pdf: Uint8Array, scale: number): Promise<number> {
  const pdfjs = join(repoRoot, 'node_modules/pdfjs-dist/build')
  const bodies: Record<string, { body: string | Buffer; type: string }> = {
    '/__bench/bare.html': { body: BARE_HTML, type: 'text/html' },
    '/__bench/bare.mjs': { body: BARE_MODULE, type: 'text/javascript' },
    '/__bench/pdf.mjs': { body: readFileSync(join(pdfjs, 'pdf.mjs')), type: 'text/javascript' },
    '/__bench/pdf.worker.mjs': { body: readFileSync(join(pdfjs, 'pdf.worker.mjs')), type: 'text/javascript' },
    '/__bench/doc.pdf': { body: Buffer.from(pdf), type: 'application/pdf' }
  }
  await page.route(`${origin}/__bench/**`, (route) => {
    const entry = bodies[new URL(route.request().url()).pathname]
    return entry ? route.fulfill({ body: entry.body, contentType: entry.type }) : route.abort()
  })
  await page.goto(`${origin}/__bench/bare.html`)
  await until(page, 'window.benchReady === true', 10_000)
  return Number(await page.evaluate(`window.runBare(${scale})`))
}

async function round(pdfPath: string, pdf: Uint8Array): Promise<Round> {
  const app = await launchApp()
  try {
    const { page } = app
    await page.getByTestId('import-button').waitFor()
    // Timestamps are taken in the page (its own clock, at the click and at the canvas landing in the
    // DOM): Playwright's polling would add its own latency, up to ~500 ms with the analysis running.
    await page.evaluate(STOPWATCH)
    app.queueDialog([pdfPath])
    await page.getByTestId('import-button').click()
    const row = page.getByTestId('document-row').filter({ hasText: 'thousand.pdf' })
    await row.waitFor({ timeout: 120_000 })
    await row.getByRole('button', { name: 'thousand.pdf', exact: true }).click()
    await page.locator('.viewer-page[data-page-index="0"][data-painted-scale]').waitFor({ timeout: 120_000 })
    const marks = (await page.evaluate('window.__stopwatch')) as Record<
      'importClick' | 'rowShown' | 'openClick' | 'painted',
      number
    >
    const scale = Number(
      await page.locator('.viewer-page[data-page-index="0"]').getAttribute('data-painted-scale')
    )

    let maxLive = 0
    for (let step = 1; step <= SCROLL_STEPS; step++) {
      await page.evaluate(`(() => {
        const el = document.querySelector('.viewer-scroll')
        el.scrollTop = (el.scrollHeight - el.clientHeight) * ${step / SCROLL_STEPS}
      })()`)
      await until(
        page,
        `[...document.querySelectorAll('.viewer-page')].every((p) => p.hasAttribute('data-painted-scale'))`
      )
      maxLive = Math.max(
        maxLive,
        Number(await page.evaluate(`document.querySelectorAll('.viewer-pages canvas').length`))
      )
    }
    const heapAfterScrollMb = await heapMb(page)

    // Baseline in a fresh page of the same browser and origin, after the app has let go of its tab.
    const bare = await app.context.newPage()
    const bareFirstPaintMs = await bareRender(bare, app.origin, pdf, scale)
    const bareHeapMb = await heapMb(bare)
    await bare.close()

    await app.analysesSettled().catch(() => {})
    return {
      importToFirstPaintMs: marks.painted - marks.importClick,
      importToRowMs: marks.rowShown - marks.importClick,
      openToFirstPaintMs: marks.painted - marks.openClick,
      heapAfterScrollMb,
      maxLiveCanvases: maxLive,
      bareFirstPaintMs,
      bareHeapMb
    }
  } finally {
    await app.close().catch((error: unknown) => console.error(String(error)))
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const dir = join(tmpdir(), `withheld-viewer-bench-${process.pid}`)
mkdirSync(dir, { recursive: true })
try {
  const pdf = await manyPagesPdf(PAGE_COUNT)
  const pdfPath = join(dir, 'thousand.pdf')
  writeFileSync(pdfPath, pdf)
  const rounds: Round[] = []
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round(pdfPath, pdf))

  const pick = (key: keyof Round): number => median(rounds.map((r) => r[key]))
  const summary = {
    pages: PAGE_COUNT,
    rounds: ROUNDS,
    pdfBytes: pdf.byteLength,
    importToFirstPaintMs: pick('importToFirstPaintMs'),
    importToRowMs: pick('importToRowMs'),
    openToFirstPaintMs: pick('openToFirstPaintMs'),
    bareFirstPaintMs: pick('bareFirstPaintMs'),
    heapAfterScrollMb: pick('heapAfterScrollMb'),
    bareHeapMb: pick('bareHeapMb'),
    maxLiveCanvases: Math.max(...rounds.map((r) => r.maxLiveCanvases))
  }
  const ratios = {
    importToFirstPaintVsBare: summary.importToFirstPaintMs / summary.bareFirstPaintMs,
    openToFirstPaintVsBare: summary.openToFirstPaintMs / summary.bareFirstPaintMs,
    heapAfterScrollVsBare: summary.heapAfterScrollMb / summary.bareHeapMb
  }
  const fmt = (n: number, digits = 0): string => n.toFixed(digits)
  console.log(`Viewer, ${PAGE_COUNT}-page PDF (${fmt(pdf.byteLength / 1024)} KB), median of ${ROUNDS} rounds`)
  console.table([
    {
      measure: 'import click → library row',
      app: `${fmt(summary.importToRowMs)} ms`,
      'bare pdf.js': '',
      ratio: ''
    },
    {
      measure: 'import click → first page painted (incl. the open click)',
      app: `${fmt(summary.importToFirstPaintMs)} ms`,
      'bare pdf.js': `${fmt(summary.bareFirstPaintMs)} ms`,
      ratio: `${fmt(ratios.importToFirstPaintVsBare, 2)}×`
    },
    {
      measure: 'open click → first page painted',
      app: `${fmt(summary.openToFirstPaintMs)} ms`,
      'bare pdf.js': `${fmt(summary.bareFirstPaintMs)} ms`,
      ratio: `${fmt(ratios.openToFirstPaintVsBare, 2)}×`
    },
    {
      measure: 'JS heap after scrolling all pages (GC’d)',
      app: `${fmt(summary.heapAfterScrollMb, 1)} MB`,
      'bare pdf.js': `${fmt(summary.bareHeapMb, 1)} MB (page 1 only)`,
      ratio: `${fmt(ratios.heapAfterScrollVsBare, 2)}×`
    },
    {
      measure: 'max live page canvases while scrolling',
      app: String(summary.maxLiveCanvases),
      'bare pdf.js': '1',
      ratio: ''
    }
  ])
  mkdirSync(join(repoRoot, 'bench/results'), { recursive: true })
  writeFileSync(
    join(repoRoot, 'bench/results/viewer.json'),
    `${JSON.stringify({ bench: 'viewer', at: new Date().toISOString(), summary, ratios, rounds }, null, 2)}\n`
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
