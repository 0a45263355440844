/**
 * The analysis worker's work (loaded by src/node/analysisWorker.ts, the process entry): a warm process
 * of analysisHost's pool (an Electron utility process in the app, a Node child process in the CLI and
 * tests). It takes `AnalysisRequest`s one after another: opens the bytes with pdf.js, sends `meta`,
 * streams one `page` event per analysed page, then `done` or `failed`, closes the document and takes
 * the next. pdf.js and the canvas load once per process; tesseract starts the first time a page needs
 * reading and then serves every later document. It holds no state worth keeping, so the host may kill
 * it at any moment: that is how a PDF which hangs pdf.js or inflates to gigabytes ends its own
 * analysis and nothing else (security.md P7, P9).
 * Failures leave as one sentence (`describePdfError`); stacks never leave this process.
 */
import { createHash } from 'node:crypto'
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist'
import type { AnalysisEvent, AnalysisRequest } from '@shared/analysis'
import { readDocumentMeta } from '@core/scan/readDocumentMeta'
import { scanDocument } from '@core/scan/scanDocument'
import { describePdfError, openPdf } from './pdfjs'
import { nodeInflate } from './inflate'
import { rasteriser } from './rasterPage'
import { lazyTesseractOcr, scanOcr, type TesseractOcr } from './tesseractOcr'
import type { WorkerMessage } from './workerProtocol'

interface ParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
}

interface Channel {
  send(message: WorkerMessage): void
  onRequest(listener: (request: unknown) => void): void
}

/** Electron utility processes get `process.parentPort`; Node children forked with IPC get `process.send`. */
function connect(): Channel | null {
  const parentPort = (process as { parentPort?: ParentPort }).parentPort
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onRequest: (listener) => parentPort.on('message', (event) => listener(event.data))
    }
  }
  const send = process.send?.bind(process)
  if (send) {
    // The parent went away (CLI interrupted, test ended): nobody is left to read the result.
    process.once('disconnect', () => process.exit(0))
    return {
      send: (message) => void send(message),
      onRequest: (listener) => process.on('message', listener)
    }
  }
  return null
}

function isAnalysisRequest(value: unknown): value is AnalysisRequest {
  if (typeof value !== 'object' || value === null) return false
  const request = value as Partial<AnalysisRequest>
  return (
    request.type === 'analyse' &&
    request.bytes instanceof Uint8Array &&
    typeof request.fileName === 'string' &&
    (request.password === undefined || typeof request.password === 'string') &&
    typeof request.options === 'object' &&
    request.options !== null &&
    typeof request.options.revealLeaks === 'boolean' &&
    (request.options.pageText === undefined || typeof request.options.pageText === 'boolean')
  )
}

/** The same document, with a tick sent each time the metadata pass moves on to the next page. */
function withPageTicks(pdf: PDFDocumentProxy, tick: (index: number) => void): PDFDocumentProxy {
  return new Proxy(pdf, {
    get(target, property) {
      if (property === 'getPage') {
        return (pageNumber: number) => {
          if (pageNumber > 1) tick(pageNumber - 2)
          return target.getPage(pageNumber)
        }
      }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    }
  })
}

/** A function property of `target`, bound to it (pdf.js classes keep private fields). */
function boundMember(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target)
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
}

/**
 * The same document, whose pages send a `step` tick each time pdf.js finishes a page's operator
 * list, text or painting: real work done, so the watchdog tells a slow page from a stuck one.
 */
function withStepTicks(pdf: PDFDocumentProxy, tick: () => void): PDFDocumentProxy {
  const ticking = (page: PDFPageProxy): PDFPageProxy =>
    new Proxy(page, {
      get(target, property) {
        if (property === 'getOperatorList' || property === 'getTextContent') {
          const method = boundMember(target, property) as (...args: unknown[]) => Promise<unknown>
          return (...args: unknown[]) =>
            method(...args).then((value) => {
              tick()
              return value
            })
        }
        if (property === 'render') {
          return (...args: Parameters<PDFPageProxy['render']>) => {
            const task = target.render(...args)
            void task.promise.then(tick, () => undefined)
            return task
          }
        }
        return boundMember(target, property)
      }
    })
  return new Proxy(pdf, {
    get(target, property) {
      if (property === 'getPage') return (pageNumber: number) => target.getPage(pageNumber).then(ticking)
      return boundMember(target, property)
    }
  })
}

/** One tesseract worker for this process, started only when a page first needs reading. */
let sharedOcr: TesseractOcr | null = null

async function analyse(request: AnalysisRequest, send: (message: WorkerMessage) => void): Promise<void> {
  let pdf: PDFDocumentProxy
  try {
    pdf = await openPdf(request.bytes, request.password)
  } catch (err) {
    send({ type: 'failed', ...describePdfError(err) })
    return
  }
  try {
    send({ type: 'opened', pageCount: pdf.numPages })
    const stepping = withStepTicks(pdf, () => send({ type: 'step' }))
    const meta = await readDocumentMeta(
      withPageTicks(stepping, (index) => send({ type: 'meta-page', index })),
      { layoutPages: request.options.pageLayout !== false }
    )
    send({ type: 'meta', meta })
    if (request.options.metadataOnly) {
      send({ type: 'done', regime: 'unknown' })
      return
    }
    const sha256 = createHash('sha256').update(request.bytes).digest('hex')
    const engine = request.options.ocr === false ? null : (sharedOcr ??= lazyTesseractOcr())
    const result = await scanDocument(
      stepping,
      { fileName: request.fileName, sha256, producer: meta.producer },
      {
        revealLeaks: request.options.revealLeaks,
        onPage: (page) => send({ type: 'page', page }),
        rasterise: rasteriser(request.options.rasterDpi),
        ...(engine ? { ocr: { ...scanOcr(engine), pageText: request.options.pageText === true } } : {}),
        audit: { inflate: nodeInflate }
      }
    )
    send({ type: 'done', regime: result.regime, ...(result.audit ? { audit: result.audit } : {}) })
  } catch (err) {
    const { reason, message } = describePdfError(err)
    send({ type: 'failed', reason, message })
  } finally {
    await pdf.loadingTask.destroy().catch(() => undefined)
  }
}

export function runWorker(): void {
  const channel = connect()
  if (!channel) {
    process.stderr.write(
      'withheld: the analysis worker must be started by the app or the withheld command.\n'
    )
    process.exitCode = 2
    return
  }
  const fail = (message: string): void => {
    const event: AnalysisEvent = { type: 'failed', reason: 'crashed', message }
    channel.send(event)
  }
  // pdf.js can throw from a callback outside any await of ours; report it as one sentence, no stack.
  process.on('uncaughtException', () => fail('The analysis stopped on an internal error in the PDF reader.'))
  // A stray rejected promise inside pdf.js (a font or image that failed to load) does not stop the
  // analysis; Node 22 would otherwise kill the process for it. If work did stall, the watchdog ends it.
  process.on('unhandledRejection', () => undefined)
  // One document at a time, each after the previous one is closed; the host sends the next request
  // only after `done`, and this chain keeps the order should two ever arrive together.
  let previous: Promise<void> = Promise.resolve()
  channel.onRequest((request) => {
    if (!isAnalysisRequest(request)) {
      fail('The analysis worker received a malformed request.')
      return
    }
    previous = previous.then(() => analyse(request, channel.send))
  })
}
