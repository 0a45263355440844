/**
 * `withheld scan`: each PDF is read and hashed here, then analysed by a pool of warm worker processes
 * (analysisHost: watchdog, memory cap, a fresh worker after a hostile file), so a PDF that hangs
 * pdf.js or inflates to gigabytes ends its own analysis and the batch goes on. Results go to stdout,
 * or with --out one file per PDF written atomically (temporary file + rename: a reader never sees
 * half a report). Every file that could not be scanned gets one line on stderr,
 * `withheld: NAME: message`, and makes the exit status 2.
 */
import { withMinConfidence } from '@core/scan/minConfidence'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ScanResult } from '@core/types'
import { createAnalysisHost, nodeSpawner } from '@node/analysisHost'
import { fileNameOf, importFiles } from '@node/importFiles'
import type { OutputFormat, ScanCommand } from './args'
import { ScanAssembler } from './assemble'
import { collectInputs } from './collect'
import { toCsv, toJson, toMarkdown } from './formats'
import { createProgress } from './progress'

export interface CliIo {
  readonly stdout: NodeJS.WriteStream
  readonly stderr: NodeJS.WriteStream
}

const EXTENSIONS: Record<OutputFormat, string> = { json: 'json', csv: 'csv', md: 'md' }

/** The worker sits beside this bundle (out/cli/analysisWorker.js). */
export const defaultWorkerEntry = (): string =>
  join(dirname(fileURLToPath(import.meta.url)), 'analysisWorker.js')

function render(format: OutputFormat, result: ScanResult): string {
  if (format === 'json') return toJson(result)
  if (format === 'csv') return toCsv([result])
  return toMarkdown(result)
}

/** Import refusals read “NAME” is empty…; on a `withheld: NAME:` line the name is already said. */
function withoutName(name: string, message: string): string {
  const prefix = `“${name}” `
  return message.startsWith(prefix) ? `The file ${message.slice(prefix.length)}` : message
}

/** NAME.pdf → NAME.json; a second NAME from another folder becomes NAME (2).json, not an overwrite. */
function outputNamer(format: OutputFormat): (fileName: string) => string {
  const used = new Set<string>()
  return (fileName) => {
    const stem = fileName.replace(/\.pdf$/i, '') || 'document'
    for (let n = 1; ; n++) {
      const candidate = `${n === 1 ? stem : `${stem} (${n})`}.${EXTENSIONS[format]}`
      // Case-insensitive: macOS and Windows folders treat A.json and a.json as one file.
      if (!used.has(candidate.toLowerCase())) {
        used.add(candidate.toLowerCase())
        return candidate
      }
    }
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${fileNameOf(path)}.${process.pid}.tmp`)
  try {
    await writeFile(temporary, text, 'utf8')
    await rename(temporary, path)
  } catch (err) {
    await rm(temporary, { force: true })
    throw err
  }
}

/**
 * `onResults`, when given, receives the results (input order, failed files left out) instead of
 * stdout: `withheld report` scans through here and renders its own output.
 */
export async function runScan(
  command: ScanCommand,
  io: CliIo,
  workerEntry = defaultWorkerEntry(),
  onResults?: (results: readonly ScanResult[]) => void
): Promise<number> {
  const complain = (name: string, message: string): void => {
    progress.clear()
    io.stderr.write(`withheld: ${name}: ${message.replace(/\s+/g, ' ').trim()}\n`)
  }
  const { files, problems } = await collectInputs(command.inputs)
  const progress = createProgress(io.stderr, files.length, command.progress)
  for (const problem of problems) complain(problem.name, problem.message)
  let failures = problems.length
  if (files.length === 0) return 2

  if (command.outDir !== null) {
    try {
      await mkdir(command.outDir, { recursive: true })
    } catch {
      complain(fileNameOf(command.outDir), 'the output folder could not be created.')
      return 2
    }
  }

  const host = createAnalysisHost({
    spawner: nodeSpawner(),
    workerEntry,
    concurrency: command.jobs,
    stepTimeoutMs: command.timeoutMs
  })
  // Warm workers are shared by every file: they start loading pdf.js now, while the first files are
  // read and hashed.
  host.warm(Math.min(command.jobs, files.length))
  const stop = (): void => {
    host.dispose()
    process.exit(130)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  // Named up front, in input order, so which duplicate becomes "NAME (2)" never depends on timing.
  const nameOutput = outputNamer(command.format)
  const outNames = files.map((path) => nameOutput(fileNameOf(path)))
  const results: (ScanResult | null)[] = files.map(() => null)
  let next = 0
  let done = 0
  let current: string | null = null

  /** The file's result, or null when it failed (its line already printed). */
  const scanOne = async (index: number): Promise<ScanResult | null> => {
    const path = files[index]!
    const name = fileNameOf(path)
    const imported = await importFiles([path])
    const file = imported.files[0]
    if (!file) {
      failures++
      complain(name, withoutName(name, imported.rejected[0]?.message ?? 'could not be read.'))
      return null
    }
    const assembler = new ScanAssembler(file.name, file.sha256)
    const outcome = await host.run(
      String(index),
      {
        type: 'analyse',
        bytes: file.bytes,
        fileName: file.name,
        options: {
          revealLeaks: command.revealLeaks,
          rasterDpi: command.rasterDpi,
          ocr: command.ocr,
          // The results take only the page count and producer from `meta` (assemble.ts).
          pageLayout: false
        }
      },
      (event) => {
        assembler.accept(event)
        if (event.type === 'page') {
          current = `${name} p. ${assembler.pagesDone}/${assembler.pageCount ?? '?'}`
          progress.update(done, current)
        }
      }
    )
    if (outcome.type !== 'done') {
      failures++
      complain(name, outcome.type === 'failed' ? outcome.message : 'The analysis was cancelled.')
      return null
    }
    const result = withMinConfidence(assembler.finish(outcome.regime, outcome.audit), command.minConfidence)
    if (command.outDir === null) {
      results[index] = result
      return result
    }
    const outName = outNames[index]!
    try {
      await writeAtomically(join(command.outDir, outName), render(command.format, result))
      return result
    } catch {
      failures++
      complain(name, `the result could not be written to ${outName}.`)
      return null
    }
  }

  const lane = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++
      const result = await scanOne(index)
      done++
      progress.fileDone(done, fileNameOf(files[index]!), result)
    }
  }
  try {
    // One lane more than workers: it reads and hashes the next file while every worker is busy, so a
    // worker that finishes takes its next document at once instead of waiting for that read.
    await Promise.all(Array.from({ length: Math.min(command.jobs + 1, files.length) }, lane))
  } finally {
    host.dispose()
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    progress.finish()
  }

  if (command.outDir === null) {
    const scanned = results.filter((result): result is ScanResult => result !== null)
    if (onResults) onResults(scanned)
    else if (command.format === 'csv') io.stdout.write(toCsv(scanned))
    else if (command.format === 'md') io.stdout.write(scanned.map(toMarkdown).join('\n'))
    else if (scanned.length > 0) {
      // One input file: the result itself. Several: a JSON array of results, in input order.
      io.stdout.write(files.length === 1 ? toJson(scanned[0]!) : `${JSON.stringify(scanned, null, 2)}\n`)
    }
  }
  return failures > 0 ? 2 : 0
}
