// Report bench (issue 6): a synthetic 1,000-page release with 5,000 redactions, built as plain
// ReportInput (no PDF, no scan), timed from input to report model, HTML, CSV and, when a Chromium-family
// browser is installed, PDF printed from the HTML. Baseline measured in the same run: JSON.stringify of
// the input (the least work any export must do: walk and serialise every redaction once). Prints; never
// asserts. Targets from the issue: HTML under 5 s and PDF under 30 s here.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildReport } from '@core/report/buildReport'
import { catalogueFor } from '@core/report/fromScans'
import { renderCsv } from '@core/report/renderCsv'
import { renderHtml } from '@core/report/renderHtml'
import type { ReportInput, ReportRedactionInput } from '@core/report/types'
import { findChrome, printHtmlToPdf } from '../src/cli/reportPdf'

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
  const rows = [
    ['step', 'seconds', '× baseline', 'MB'],
    row('JSON.stringify(input)', baseline.ms, baseline.value.length),
    row('buildReport', model.ms, 0),
    row('model + HTML', html.ms, Buffer.byteLength(html.value)),
    row('model + CSV', csv.ms, Buffer.byteLength(csv.value)),
    ...(pdf ? [row('HTML → PDF (Chromium)', pdf.ms, pdf.bytes)] : [])
  ]
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  console.log(
    `release: ${PAGES} pages, ${REDACTIONS} redactions in ${DOCUMENTS} documents; best of ${ROUNDS}`
  )
  for (const r of rows)
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
        pdf,
        targets: { htmlS: TARGET_HTML_S, pdfS: TARGET_PDF_S }
      },
      null,
      2
    )}\n`
  )
}

await main()
