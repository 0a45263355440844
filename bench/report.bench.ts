// Report bench (issue 6): a synthetic 1,000-page release with 5,000 redactions, built as plain
// ReportInput (no PDF, no scan), timed from input to report model, HTML, CSV and, when a Chromium-family
// browser is installed, PDF printed from the HTML. Baseline measured in the same run: JSON.stringify of
// the input (the least work any export must do: walk and serialise every redaction once). Prints; never
// asserts. Targets from the issue: HTML under 5 s and PDF under 30 s here. The app's path is timed too:
// library rows (Dexie's shape) → report input → model → HTML, without and with a page picture for
// every page that has redactions (a 20 kB stand-in for the 180 px PNG the export dialog draws).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildReport } from '@core/report/buildReport'
import { catalogueFor } from '@core/report/fromScans'
import { renderCsv } from '@core/report/renderCsv'
import { renderHtml } from '@core/report/renderHtml'
import type { ReportInput, ReportRedactionInput } from '@core/report/types'
import { pageImageKey } from '@core/report/htmlParts'
import { findChrome, printHtmlToPdf } from '../src/cli/reportPdf'
import {
  reportInputFromRows,
  type ExportRows,
  type LibraryDocument,
  type LibraryPage,
  type LibraryRedaction
} from '@core/report/fromLibrary'

const PAGES = 1000
const REDACTIONS = 5000
const DOCUMENTS = 20
const ROUNDS = 3
const TARGET_HTML_S = 5
const TARGET_PDF_S = 30

const GROUNDS = ['9(2)(a)', '9(2)(g)(i)', '9(2)(b)(ii)', '6(a)', '9(2)(j)', '9(2)(h)', 'out-of-scope']
const STATUSES = ['unreviewed', 'accepted', 'disputed'] as const

/** Deterministic: a linear congruential generator, so every run measures the same release. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296
    return state / 4294967296
  }
}

function syntheticRelease(): ReportInput {
  const next = random(42)
  const pagesPerDoc = PAGES / DOCUMENTS
  const perDoc = REDACTIONS / DOCUMENTS
  return {
    release: {
      name: 'Synthetic release',
      agency: 'Ministry of Benchmarks',
      requestRef: 'OIA-BENCH-1',
      requestDate: '2026-01-05',
      responseDate: '2026-02-02',
      regime: 'nz-oia',
      notes: '',
      letterGrounds: GROUNDS.slice(0, 4)
    },
    documents: Array.from({ length: DOCUMENTS }, (_, d) => ({
      id: `doc-${d}`,
      name: `document-${String(d + 1).padStart(2, '0')}.pdf`,
      sha256: d.toString(16).padStart(64, '0'),
      pageCount: pagesPerDoc,
      pages: Array.from({ length: pagesPerDoc }, (_, index) => ({
        index,
        width: 595,
        height: 842,
        withheldInFull: index % 25 === 24
      })),
      redactions: Array.from({ length: perDoc }, (_, i): ReportRedactionInput => {
        const x0 = 72 + Math.floor(next() * 200)
        const y0 = 72 + Math.floor(next() * 680)
        const ground = GROUNDS[Math.floor(next() * GROUNDS.length)]!
        const status = STATUSES[i % 3]!
        return {
          id: `r-${d}-${i}`,
          pageIndex: Math.floor(next() * pagesPerDoc),
          pageRect: [x0, y0, x0 + 40 + Math.floor(next() * 250), y0 + 12 + Math.floor(next() * 30)],
          kind: 'black',
          origin: 'detected',
          grounds: [ground],
          label: `s${ground} <b>&</b> "label"`,
          status,
          note:
            status === 'disputed' ? 'Public interest in the housing programme outweighs this; see p. 4.' : '',
          leak: i % 50 === 0 ? { kind: 'text-under-box', chars: 30, sha256: 'f'.repeat(64) } : null
        }
      })
    })),
    catalogue: catalogueFor('nz-oia'),
    options: { includeLeakedText: false, scopeLabel: 'Whole release' },
    generatedAt: new Date().toISOString(),
    engine: 'withheld 0.1.0'
  }
}

/** The same release as the app's IndexedDB rows, so the export dialog's adapter is measured too. */
function syntheticRows(input: ReportInput): ExportRows {
  return {
    release: input.release,
    documents: input.documents.map((d): LibraryDocument => ({
      id: d.id,
      name: d.name,
      sha256: d.sha256,
      pageCount: d.pageCount,
      analysisState: 'done',
      engineVersion: input.engine
    })),
    pages: input.documents.flatMap((d) =>
      d.pages.map((p): LibraryPage => ({
        documentId: d.id,
        pageIndex: p.index,
        width: p.width,
        height: p.height,
        withheldInFull: p.withheldInFull
      }))
    ),
    redactions: input.documents.flatMap((d) =>
      d.redactions.map((r): LibraryRedaction => ({ ...r, documentId: d.id }))
    )
  }
}

/** A 20 kB base64 PNG-shaped data URL: what a 180 px text page costs in the app's HTML. */
const STAND_IN_PICTURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(1860)}`

function best<T>(work: () => T): { ms: number; value: T } {
  let ms = Infinity
  let value!: T
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now()
    value = work()
    ms = Math.min(ms, performance.now() - start)
  }
  return { ms, value }
}

async function main(): Promise<void> {
  const input = syntheticRelease()
  const baseline = best(() => JSON.stringify(input))
  const model = best(() => buildReport(input))
  const html = best(() => renderHtml(buildReport(input)))
  const csv = best(() => renderCsv(buildReport(input)))
  const rows = syntheticRows(input)
  const choices = { scope: { kind: 'release' } as const, includeLeakedText: false, thumbnails: true }
  const appHtml = best(() => renderHtml(buildReport(reportInputFromRows(rows, choices, input.generatedAt))))
  const pictures = new Map(
    buildReport(input).pages.map((p) => [pageImageKey(p.documentId, p.pageNumber), STAND_IN_PICTURE])
  )
  const appHtmlPictures = best(() =>
    renderHtml(buildReport(reportInputFromRows(rows, choices, input.generatedAt)), { pageImages: pictures })
  )

  let pdf: { ms: number; bytes: number; printedPages: number } | null = null
  const browser = findChrome()
  if (browser) {
    const work = mkdtempSync(join(tmpdir(), 'withheld-report-bench-'))
    try {
      const out = join(work, 'report.pdf')
      const start = performance.now()
      await printHtmlToPdf(browser, html.value, out)
      const ms = performance.now() - start
      // Skia writes one "/Type /Page" object per printed page (the tree root is "/Type /Pages").
      const printedPages =
        readFileSync(out)
          .toString('latin1')
          .match(/\/Type\s*\/Page\b/g)?.length ?? 0
      pdf = { ms, bytes: statSync(out).size, printedPages }
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }

  const row = (name: string, ms: number, bytes: number): string[] => [
    name,
    (ms / 1000).toFixed(3),
    (ms / baseline.ms).toFixed(1),
    (bytes / 1e6).toFixed(1)
  ]
  const table = [
    ['step', 'seconds', '× baseline', 'MB'],
    row('JSON.stringify(input)', baseline.ms, baseline.value.length),
    row('buildReport', model.ms, 0),
    row('model + HTML', html.ms, Buffer.byteLength(html.value)),
    row('model + CSV', csv.ms, Buffer.byteLength(csv.value)),
    row('app: rows → model + HTML', appHtml.ms, Buffer.byteLength(appHtml.value)),
    row(
      `app: … + ${pictures.size} page pictures`,
      appHtmlPictures.ms,
      Buffer.byteLength(appHtmlPictures.value)
    ),
    ...(pdf ? [row('HTML → PDF (Chromium)', pdf.ms, pdf.bytes)] : [])
  ]
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)))
  console.log(
    `release: ${PAGES} pages, ${REDACTIONS} redactions in ${DOCUMENTS} documents; best of ${ROUNDS}`
  )
  for (const r of table)
    console.log(
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')
    )
  console.log(
    (pdf ? `PDF: ${pdf.printedPages} printed pages, one run (not best of ${ROUNDS})\n` : '') +
      `targets: HTML < ${TARGET_HTML_S} s, PDF < ${TARGET_PDF_S} s` +
      (pdf ? '' : ' (no Chromium-family browser found: PDF not measured)')
  )

  const resultsDir = resolve(process.cwd(), 'bench/results')
  mkdirSync(resultsDir, { recursive: true })
  writeFileSync(
    resolve(resultsDir, 'report.json'),
    `${JSON.stringify(
      {
        bench: 'report',
        date: new Date().toISOString(),
        node: process.version,
        pages: PAGES,
        redactions: REDACTIONS,
        rounds: ROUNDS,
        baselineMs: baseline.ms,
        modelMs: model.ms,
        htmlMs: html.ms,
        htmlBytes: Buffer.byteLength(html.value),
        csvMs: csv.ms,
        csvBytes: Buffer.byteLength(csv.value),
        appHtmlMs: appHtml.ms,
        appHtmlPicturesMs: appHtmlPictures.ms,
        appHtmlPicturesBytes: Buffer.byteLength(appHtmlPictures.value),
        pagePictures: pictures.size,
        pdf,
        targets: { htmlS: TARGET_HTML_S, pdfS: TARGET_PDF_S }
      },
      null,
      2
    )}\n`
  )
}

await main()
