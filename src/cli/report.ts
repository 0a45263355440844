/**
 * `withheld report`: scans the PDFs through the same path as `withheld scan` (analysis worker,
 * watchdog, one line per bad file), builds one `withheld.report/1` model from the results, and writes
 * it as HTML, CSV, JSON, Markdown and/or (through a headless Chromium) PDF: every format asked for
 * from that one scan (reportOutputs.ts says where each goes). With --letter, the grounds the response
 * letter cites are reconciled with the grounds on the redactions. Text files are written atomically
 * (temporary file, fsync, rename), so a reader never sees half a report.
 */
import { stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { buildReport, renderReport, type HtmlOptions } from '@core/report'
import type { Report } from '@core/report/types'
import { defaultRelease, reportInputFromScans } from '@core/report/fromScans'
import type { ScanResult } from '@core/types'
import { writeFileAtomic } from '@node/atomicWrite'
import { fileNameOf } from '@node/importFiles'
import { describeWriteError } from '@node/reportFiles'
import { parseReportArgs, reportUsage, type ReportCommand } from './reportArgs'
import { paperFor } from '@core/report/regime'
import { readLetterGrounds } from './reportLetter'
import { reportPictures } from './reportPictures'
import { namesFolder, reportOutputs, type ReportOutput } from './reportOutputs'
import { findChrome, NO_BROWSER_MESSAGE, printHtmlToPdf } from './reportPdf'
import { defaultWorkerEntry, runScan, type CliIo } from './scan'
import { DEFAULT_RASTER_DPI, defaultJobs } from './args'

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false
  )
}

export async function runReport(
  command: ReportCommand,
  io: CliIo,
  workerEntry = defaultWorkerEntry(),
  now: () => Date = () => new Date()
): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`withheld: ${message}\n`)
    return 2
  }
  // Checked before scanning: a batch of hundreds of files should not fail at the last step.
  const wantsPdf = command.formats.includes('pdf')
  const browser = wantsPdf ? findChrome() : null
  if (wantsPdf && browser === null) return fail(NO_BROWSER_MESSAGE)
  const outIsFolder = await isFolder(command.out)
  if (namesFolder(command.out) && !outIsFolder)
    return fail(`${fileNameOf(command.out)}: the folder to write the reports into does not exist.`)
  const outputs = reportOutputs(command.formats, command.out, outIsFolder)
  for (const output of outputs) {
    if (!(await isFolder(dirname(resolve(output.path)))))
      return fail(`${fileNameOf(output.path)}: the folder to write the report into does not exist.`)
  }
  let letterGrounds: readonly string[] | undefined
  let letterText: string | undefined
  if (command.letter !== null) {
    const letter = await readLetterGrounds(command.letter)
    if (!letter.ok) return fail(letter.message)
    letterText = letter.text
    if (letter.codes.length === 0)
      io.stderr.write(
        `withheld: ${fileNameOf(command.letter)}: the letter cites no ground that could be read (a scan without ` +
          'text?); the report has no letter reconciliation.\n'
      )
    else letterGrounds = letter.codes
  }

  let scans: readonly ScanResult[] = []
  const scanStatus = await runScan(
    {
      command: 'scan',
      inputs: command.inputs,
      format: 'json',
      outDir: null,
      revealLeaks: command.includeLeakedText,
      minConfidence: 0,
      jobs: command.jobs,
      timeoutMs: command.timeoutMs,
      rasterDpi: DEFAULT_RASTER_DPI,
      ocr: true,
      progress: command.progress
    },
    io,
    workerEntry,
    (results) => {
      scans = results
    }
  )
  if (scans.length === 0) return fail('no file could be scanned, so no report was written.')

  const only = scans.length === 1 ? scans[0] : undefined
  const input = reportInputFromScans(
    scans,
    {
      ...defaultRelease(scans),
      ...(letterGrounds ? { letterGrounds } : {}),
      ...(letterText !== undefined ? { letterText } : {})
    },
    {
      includeLeakedText: command.includeLeakedText,
      scopeLabel: `${only ? only.file : `${scans.length} documents`}: every redaction the engine found, none reviewed yet`
    },
    now().toISOString()
  )
  const report = buildReport(input)
  const statute = report.cover.unsupportedStatute
  if (statute && command.letter !== null && report.cover.regimeBasis === 'letter')
    io.stderr.write(
      `withheld: ${fileNameOf(command.letter)}: the letter cites “${statute.citation}” (${statute.name}), ` +
        'which Withheld does not support yet; the report lists the redactions but gives no advice.\n'
    )
  // US releases print on US Letter unless --paper says otherwise; everything else on A4 (regime.ts).
  const paper = command.paper ?? paperFor(report.cover)
  // The boxes are drawn over pictures of the real pages in the HTML and the PDF printed from it.
  const printed = outputs.some((o) => o.format === 'html' || o.format === 'pdf')
  const pictures = printed ? await reportPictures(report, command.inputs) : null
  for (const note of pictures?.notes ?? []) io.stderr.write(`withheld: ${note}\n`)
  const html: HtmlOptions = { paper, pageImages: pictures?.images ?? new Map<string, string>() }
  // One format failing to write (a full disk, a browser crash) does not stop the others.
  let writeStatus = 0
  for (const output of outputs) {
    const problem = await writeOutput(output, report, html, browser)
    if (problem !== null) writeStatus = fail(problem)
  }
  return Math.max(scanStatus, writeStatus)
}

/** Writes one format; null when written, else the line to print. */
async function writeOutput(
  output: ReportOutput,
  report: Report,
  html: HtmlOptions,
  browser: string | null
): Promise<string | null> {
  const outName = fileNameOf(output.path)
  try {
    if (output.format !== 'pdf') {
      await writeFileAtomic(output.path, renderReport(report, output.format, html))
    } else if (browser !== null) {
      await printHtmlToPdf(browser, renderReport(report, 'html', html), output.path)
    }
    return null
  } catch (err) {
    if (output.format !== 'pdf') return describeWriteError(err, outName)
    const why = err instanceof Error ? ` ${err.message}` : ''
    return `${outName}: the report could not be written.${why}`
  }
}

/** `withheld report …` from argv (after the word "report"). */
export async function reportCommand(argv: readonly string[], cpuCount: number, io: CliIo): Promise<number> {
  const parsed = parseReportArgs(argv, cpuCount)
  if (parsed.command === 'help') {
    io.stdout.write(reportUsage(defaultJobs(cpuCount)))
    return 0
  }
  if (parsed.command === 'error') {
    const usage = parsed.alone ? '' : `\n${reportUsage(defaultJobs(cpuCount))}`
    io.stderr.write(`withheld: ${parsed.message}\n${usage}`)
    return 2
  }
  return runReport(parsed, io)
}
