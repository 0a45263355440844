/**
 * One open PDF in the renderer: its own pdf.js worker (a module Worker the app owns, so a hang can be
 * ended with `terminate()`, security.md P7), the document proxy, and watchdog-guarded calls for
 * pages, rendering and text. Once the worker stalls (watchdog.ts) the session is dead: the worker is gone,
 * every later call rejects with the same `PdfEngineHang`, and `onDead` listeners hear about it once.
 */
/// <reference types="vite/client" />
import {
  getDocument,
  PasswordResponses,
  PDFWorker,
  type PDFDocumentProxy,
  type PDFPageProxy
} from 'pdfjs-dist'
import type { RenderParameters } from 'pdfjs-dist/types/src/display/api'
import workerUrl from './pdfWorker?worker&url'
import { pdfLoadOptions } from './loadOptions'
import { OPEN_TIMEOUT_MS, PausableDeadline, PdfEngineHang, STALL_TIMEOUT_MS, StallWatchdog } from './watchdog'

/** Wrong passwords allowed before the document is left locked (the user can start again). */
export const MAX_PASSWORD_ATTEMPTS = 5

export type PasswordReason = 'need' | 'incorrect'

/** Resolve with the password typed, or null when the user cancels. */
export type PasswordAsker = (reason: PasswordReason, attempt: number) => Promise<string | null>

export class PdfPasswordCancelled extends Error {
  override readonly name = 'PdfPasswordCancelled'
  constructor(readonly attempts: number) {
    super(attempts >= MAX_PASSWORD_ATTEMPTS ? 'Too many wrong passwords' : 'Password entry cancelled')
  }
}

export interface RenderJob {
  readonly promise: Promise<void>
  cancel(): void
}

export interface PdfSession {
  readonly doc: PDFDocumentProxy
  readonly pageCount: number
  getPage(pageIndex: number): Promise<PDFPageProxy>
  /**
   * Frees a page's operator list and decoded images once nothing shows it (pdf.js otherwise keeps
   * them for every page ever drawn: a 1,000-page scan would hold every page's image).
   */
  releasePage(pageIndex: number): void
  render(page: PDFPageProxy, params: Omit<RenderParameters, 'canvasContext'>): RenderJob
  /** Text content for the text layer, all at once so one deadline covers it. */
  textContent(page: PDFPageProxy): ReturnType<PDFPageProxy['getTextContent']>
  onDead(listener: (hang: PdfEngineHang) => void): () => void
  readonly dead: PdfEngineHang | null
  /** Idempotent. Never waits on the worker. */
  close(): void
}

function createOwnedWorker(): { worker: Worker; pdfWorker: PDFWorker } {
  const worker = new Worker(workerUrl, { type: 'module', name: 'pdfjs' })
  // The .d.ts types `port` as null (a JSDoc gap): the documented `PDFWorkerParameters.port` is a Worker.
  const params = { port: worker } as unknown as ConstructorParameters<typeof PDFWorker>[0]
  return { worker, pdfWorker: new PDFWorker(params) }
}

export interface OpenOptions {
  readonly askPassword: PasswordAsker
  readonly baseUrl?: string
  readonly openTimeoutMs?: number
}

/**
 * Opens `bytes` (copied: pdf.js transfers the buffer it is given to the worker). Rejects with
 * pdf.js's own exceptions (InvalidPDFException, …), `PdfPasswordCancelled` or `PdfEngineHang`.
 */
export async function openPdfSession(bytes: Uint8Array, options: OpenOptions): Promise<PdfSession> {
  const { worker, pdfWorker } = createOwnedWorker()
  let killed = false
  const kill = (): void => {
    if (killed) return
    killed = true
    // Both, in this order: PDFWorker.destroy() rejects pdf.js's own pending work, and a port-backed
    // PDFWorker does not terminate the Worker it was given.
    pdfWorker.destroy()
    worker.terminate()
  }

  const loadingTask = getDocument({
    ...pdfLoadOptions(options.baseUrl ?? document.baseURI),
    data: bytes.slice(),
    worker: pdfWorker
  })

  const openTimeoutMs = options.openTimeoutMs ?? OPEN_TIMEOUT_MS
  let rejectOpen: (error: Error) => void = () => {}
  const aborted = new Promise<never>((_, reject) => {
    rejectOpen = reject
  })
  const deadline = new PausableDeadline(openTimeoutMs, () => {
    kill()
    rejectOpen(new PdfEngineHang('open', openTimeoutMs))
  })

  let attempts = 0
  loadingTask.onPassword = (update: (password: string) => void, reason: number) => {
    deadline.pause()
    if (reason === PasswordResponses.INCORRECT_PASSWORD) attempts += 1
    if (attempts >= MAX_PASSWORD_ATTEMPTS) {
      deadline.stop()
      kill()
      rejectOpen(new PdfPasswordCancelled(attempts))
      return
    }
    const why: PasswordReason = reason === PasswordResponses.INCORRECT_PASSWORD ? 'incorrect' : 'need'
    options.askPassword(why, attempts + 1).then(
      (password) => {
        if (password === null) {
          deadline.stop()
          kill()
          rejectOpen(new PdfPasswordCancelled(attempts))
        } else {
          deadline.resume()
          update(password)
        }
      },
      (error: unknown) => {
        deadline.stop()
        kill()
        rejectOpen(error instanceof Error ? error : new Error(String(error)))
      }
    )
  }

  let doc: PDFDocumentProxy
  try {
    doc = await Promise.race([loadingTask.promise, aborted])
  } catch (error) {
    deadline.stop()
    kill()
    throw error
  } finally {
    deadline.stop()
  }
  return makeSession(doc, kill, () => loadingTask.destroy())
}

/** A healthy worker answers "Terminate" in milliseconds; past this we stop asking. */
const CLOSE_GRACE_MS = 2_000

function makeSession(doc: PDFDocumentProxy, kill: () => void, destroy: () => Promise<void>): PdfSession {
  const listeners = new Set<(hang: PdfEngineHang) => void>()
  const pages = new Map<number, Promise<PDFPageProxy>>()
  let dead: PdfEngineHang | null = null
  let closed = false

  const watchdog = new StallWatchdog(STALL_TIMEOUT_MS, (hang) => {
    if (dead) return
    dead = hang
    kill()
    for (const listener of listeners) listener(hang)
  })
  const guard = <T>(promise: Promise<T>, step: string): Promise<T> =>
    dead ? Promise.reject(dead) : watchdog.track(promise, step)

  return {
    doc,
    pageCount: doc.numPages,
    get dead() {
      return dead
    },
    getPage(pageIndex) {
      let page = pages.get(pageIndex)
      if (!page) {
        page = guard(doc.getPage(pageIndex + 1), 'getPage')
        // A failed page may be retried later (e.g. after a transient error), so don't cache failure.
        page.catch(() => pages.delete(pageIndex))
        pages.set(pageIndex, page)
      }
      return page
    },
    releasePage(pageIndex) {
      void pages.get(pageIndex)?.then(
        // pdf.js defers the cleanup itself while a render (e.g. the thumbnail's) is still running.
        (page) => page.cleanup(),
        () => {}
      )
    },
    render(page, params) {
      const task = page.render(params as RenderParameters)
      // Each chunk of operators the worker delivers and we draw is progress for the watchdog.
      task.onContinue = (proceed: () => void) => {
        watchdog.activity()
        proceed()
      }
      return { promise: guard(task.promise, 'render'), cancel: () => task.cancel() }
    },
    textContent(page) {
      return guard(page.getTextContent(), 'text')
    },
    onDead(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      if (closed) return
      closed = true
      listeners.clear()
      pages.clear()
      watchdog.stop()
      if (dead) return
      // A healthy worker gets a short grace to let pdf.js release its fonts and caches; it is then
      // terminated whatever happened. Nothing ever waits on this (security.md §2, "Watchdog pitfall").
      const timer = setTimeout(kill, CLOSE_GRACE_MS)
      destroy().then(
        () => {
          clearTimeout(timer)
          kill()
        },
        () => {
          clearTimeout(timer)
          kill()
        }
      )
    }
  }
}
