/**
 * What actually travels from the analysis worker to analysisHost: the public `AnalysisEvent`s plus
 * internal progress ticks that only feed the watchdog and never reach the renderer or the CLI's output.
 * A tick is sent only after real work finished (a page's metadata read), never from a timer, so a
 * worker stuck inside pdf.js stops ticking and gets killed.
 */
import type { AnalysisEvent } from '@shared/analysis'

/** The document opened: the host now knows how many pages the metadata pass will walk. */
export interface OpenedTick {
  readonly type: 'opened'
  readonly pageCount: number
}

/** One more page's metadata was read (the `meta` event comes only after the last page). */
export interface MetaPageTick {
  readonly type: 'meta-page'
  readonly index: number
}

/**
 * One step inside a page finished (pdf.js delivered its operator list or text, or painted it): a
 * page with 200,000 fills takes seconds per step, and the watchdog must see a slow page move.
 */
export interface StepTick {
  readonly type: 'step'
}

export type WorkerMessage = AnalysisEvent | OpenedTick | MetaPageTick | StepTick

export const isTick = (message: WorkerMessage): message is OpenedTick | MetaPageTick | StepTick =>
  message.type === 'opened' || message.type === 'meta-page' || message.type === 'step'

const EVENT_TYPES: ReadonlySet<string> = new Set([
  'meta',
  'page',
  'done',
  'failed',
  'opened',
  'meta-page',
  'step'
])

/** Messages cross a process boundary: accept only objects with a known `type`. */
export function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (typeof value !== 'object' || value === null) return false
  const type = (value as { type?: unknown }).type
  return typeof type === 'string' && EVENT_TYPES.has(type)
}
