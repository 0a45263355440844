/**
 * `withheld report`: scans the PDFs through the same path as `withheld scan` (analysis worker,
 * watchdog, one line per bad file), builds one `withheld.report/1` model from the results, and writes
 * it as HTML, CSV, JSON, Markdown or (through a headless Chromium) PDF. With --letter, the grounds
 * the response letter cites are reconciled with the grounds on the redactions. Text files are
 * written atomically (temporary file, fsync, rename), so a reader never sees half a report.
 */
import { stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { buildReport, renderReport } from '@core/report'
import { defaultRelease, reportInputFromScans } from '@core/report/fromScans'
import type { ScanResult } from '@core/types'
import { writeFileAtomic } from '@node/atomicWrite'
import { fileNameOf } from '@node/importFiles'
import { describeWriteError } from '@node/reportFiles'
import { parseReportArgs, reportUsage, type ReportCommand } from './reportArgs'
import { readLetterGrounds } from './reportLetter'
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
  const outName = fileNameOf(command.out)
  // Checked before scanning: a batch of hundreds of files should not fail at the last step.
  const browser = command.format === 'pdf' ? findChrome() : null
  if (command.format === 'pdf' && browser === null) return fail(NO_BROWSER_MESSAGE)
  if (!(await isFolder(dirname(resolve(command.out)))))
    return fail(`${outName}: the folder to write the report into does not exist.`)
  if (await isFolder(command.out)) return fail(`${outName}: --out is a folder; give the report's file name.`)
  let letterGrounds: readonly string[] | undefined
  if (command.letter !== null) {
    const letter = await readLetterGrounds(command.letter)
    if (!letter.ok) return fail(letter.message)
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
      ocr: true
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
    { ...defaultRelease(scans), ...(letterGrounds ? { letterGrounds } : {}) },
    {
      includeLeakedText: command.includeLeakedText,
      scopeLabel: `${only ? only.file : `${scans.length} documents`}: every redaction the engine found, none reviewed yet`
    },
    now().toISOString()
  )
  const report = buildReport(input)
  // US FOIA releases print on US Letter unless --paper says otherwise; everything else on A4.
  const paper = command.paper ?? (report.cover.regime === 'us-foia' ? 'letter' : 'a4')
  try {
    if (command.format === 'pdf' && browser !== null) {
      await printHtmlToPdf(browser, renderReport(report, 'html', { paper }), command.out)
    } else if (command.format !== 'pdf') {
      await writeFileAtomic(command.out, renderReport(report, command.format, { paper }))
    }
  } catch (err) {
    if (command.format !== 'pdf') return fail(describeWriteError(err, outName))
    const why = err instanceof Error ? ` ${err.message}` : ''
    return fail(`${outName}: the report could not be written.${why}`)
  }
  return scanStatus
}

/** `withheld report …` from argv (after the word "report"). */
export async function reportCommand(argv: readonly string[], cpuCount: number, io: CliIo): Promise<number> {
  const parsed = parseReportArgs(argv, cpuCount)
  if (parsed.command === 'help') {
    io.stdout.write(reportUsage(defaultJobs(cpuCount)))
    return 0
  }
  if (parsed.command === 'error') {
    io.stderr.write(`withheld: ${parsed.message}\n\n${reportUsage(defaultJobs(cpuCount))}`)
    return 2
  }
  return runReport(parsed, io)
}
