/**
 * `withheld diff OLD.pdf NEW.pdf`: both files are read, checked and analysed through the same
 * analysis worker as `withheld scan` (watchdog, memory cap), with the whole-page OCR of scanned pages
 * switched on (their words are what a scanned copy is aligned on). Born-digital words come from the
 * text layer, read in this process only after the worker has opened and scanned the same bytes.
 * Then core compares (src/core/compare). One line on stderr and exit 2 when a file cannot be read or
 * the two share no pages; otherwise the result on stdout or, with --out, written atomically.
 */
import { compareDocuments } from '@core/compare/compareDocuments'
import { compareDocumentFromScan } from '@core/compare/fromScan'
import { diffToHtml, diffToJson, diffToMarkdown } from '@core/compare/renderDiff'
import type { CompareWord } from '@core/compare/types'
import type { ScanResult } from '@core/types'
import { createAnalysisHost, nodeSpawner, type AnalysisHost } from '@node/analysisHost'
import { writeFileAtomic } from '@node/atomicWrite'
import { fileNameOf, importFiles } from '@node/importFiles'
import { textLayerWordsOf } from '@node/textLayerWords'
import type { ImportedFile } from '@shared/ipc'
import { DEFAULT_RASTER_DPI } from './argWalker'
import { ScanAssembler } from './assemble'
import { diffUsage, parseDiffArgs, type DiffCommand } from './diffArgs'
import { defaultWorkerEntry, type CliIo } from './scan'

type Scanned = { readonly scan: ScanResult; readonly words: CompareWord[][] } | { readonly problem: string }

/** Import refusals read “NAME” is empty…; after `withheld: NAME:` the name is already said. */
const withoutName = (name: string, message: string): string => {
  const prefix = `“${name}” `
  return message.startsWith(prefix) ? `the file ${message.slice(prefix.length)}` : message
}

async function scanOne(host: AnalysisHost, file: ImportedFile, id: string, ocr: boolean): Promise<Scanned> {
  const assembler = new ScanAssembler(file.name, file.sha256)
  const outcome = await host.run(
    id,
    {
      type: 'analyse',
      bytes: file.bytes,
      fileName: file.name,
      options: { revealLeaks: false, rasterDpi: DEFAULT_RASTER_DPI, ocr, pageText: ocr, pageLayout: false }
    },
    (event) => assembler.accept(event)
  )
  if (outcome.type !== 'done')
    return {
      problem: `${file.name}: ${outcome.type === 'failed' ? outcome.message : 'the analysis was cancelled.'}`
    }
  const scan = assembler.finish(outcome.regime)
  let layer: CompareWord[][]
  try {
    layer = await textLayerWordsOf(file.bytes)
  } catch {
    return { problem: `${file.name}: its text could not be read.` }
  }
  return { scan, words: layer }
}

export async function runDiff(
  command: DiffCommand,
  io: CliIo,
  workerEntry = defaultWorkerEntry()
): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`withheld: ${message.replace(/\s+/g, ' ').trim()}\n`)
    return 2
  }
  const imported = await importFiles([command.oldPath, command.newPath])
  const refused = imported.rejected[0]
  if (refused) return fail(`${refused.name}: ${withoutName(refused.name, refused.message)}`)
  const [older, newer] = imported.files
  if (!older || !newer) return fail('diff needs two PDF files.')

  const host = createAnalysisHost({
    spawner: nodeSpawner(),
    workerEntry,
    concurrency: 2,
    stepTimeoutMs: command.timeoutMs
  })
  const stop = (): void => {
    host.dispose()
    process.exit(130)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  let scanned: Scanned[]
  try {
    scanned = await Promise.all([
      scanOne(host, older, 'old', command.ocr),
      scanOne(host, newer, 'new', command.ocr)
    ])
  } finally {
    host.dispose()
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
  const [a, b] = scanned as [Scanned, Scanned]
  if ('problem' in a) return fail(a.problem)
  if ('problem' in b) return fail(b.problem)

  const outcome = compareDocuments(
    compareDocumentFromScan(a.scan, a.words),
    compareDocumentFromScan(b.scan, b.words)
  )
  if (!outcome.ok) return fail(`${older.name} and ${newer.name}: ${outcome.message}`)
  const render = { json: diffToJson, md: diffToMarkdown, html: diffToHtml }[command.format]
  const text = render(outcome.result)
  if (command.out === null) {
    io.stdout.write(text)
    return 0
  }
  try {
    await writeFileAtomic(command.out, text)
  } catch {
    return fail(`${fileNameOf(command.out)}: the comparison could not be written there.`)
  }
  return 0
}

export async function diffCommand(argv: readonly string[], io: CliIo, workerEntry?: string): Promise<number> {
  const parsed = parseDiffArgs(argv)
  if (parsed.command === 'help') {
    io.stdout.write(diffUsage())
    return 0
  }
  if (parsed.command === 'error') {
    io.stderr.write(`withheld: ${parsed.message}\n\n${diffUsage()}`)
    return 2
  }
  return runDiff(parsed, io, workerEntry)
}
