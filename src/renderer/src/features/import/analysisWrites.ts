/**
 * Stores what the analysis worker reports: `meta` lays out the pages, each `page` adds its detected
 * redactions, `done`/`failed` settle the document's state. A batch of events (whatever arrived while
 * the previous write was committing) is written in one transaction, in order: with strict durability
 * each commit waits for the disk, and one commit per page made a 1,000-page release take 45 s to
 * store against 5 s to analyse. Events for a document deleted meanwhile are dropped. Detected
 * redaction ids are derived from (document, page, order), so re-running an analysis (interrupted, or
 * at a higher resolution) replaces rows instead of doubling them, keeps what the user already decided
 * about a box that is found again (status, note, grounds), and drops detected boxes no longer found.
 * A scanned page's OCR words (for search) replace the page's stored words; a page sent without
 * words has none stored. The leak audit that comes with `done` replaces the document's stored one,
 * every finding's text set to null (the library never holds leaked text); a `done` without one
 * removes it, so an old verdict never stands for an analysis that did not audit.
 */
import { iou } from '@core/detect/geometry'
import {
  ENGINE_VERSION,
  type DocumentAudit,
  type DocumentMeta,
  type Regime,
  type ScanPage
} from '@core/types'
import type { AnalysisEvent } from '@shared/analysis'
import type { WithheldDb } from '../../db/db'
import type { DocumentRow, PageRow, RedactionRow } from '../../db/rows'

export const detectedRedactionId = (documentId: string, pageIndex: number, order: number): string =>
  `${documentId}:p${pageIndex}:d${order}`

/** Writes events in order, all in one transaction. */
export async function writeAnalysisEvents(
  db: WithheldDb,
  documentId: string,
  events: readonly AnalysisEvent[]
): Promise<void> {
  const tables = [db.documents, db.pages, db.pageWords, db.documentAudits, db.redactions, db.releases]
  await db.transaction('rw', tables, async () => {
    let document = await db.documents.get(documentId)
    for (const event of events) {
      if (!document) return
      document = await applyEvent(db, document, event)
    }
  })
}

export const writeAnalysisEvent = (db: WithheldDb, documentId: string, event: AnalysisEvent): Promise<void> =>
  writeAnalysisEvents(db, documentId, [event])

/** Applies one event inside the caller's transaction; returns the document as now stored. */
async function applyEvent(db: WithheldDb, document: DocumentRow, event: AnalysisEvent): Promise<DocumentRow> {
  let changes: Partial<DocumentRow>
  switch (event.type) {
    case 'meta':
      await db.pages.bulkPut(metaPages(document.id, event.meta))
      changes = {
        pageCount: event.meta.pageCount,
        producer: event.meta.producer,
        title: event.meta.title,
        analysisState: 'running',
        analysisError: null,
        analysedPages: 0
      }
      break
    case 'page':
      await applyPage(db, document.id, event.page)
      changes = {
        analysedPages: Math.max(document.analysedPages, event.page.index + 1),
        analysisState: 'running'
      }
      break
    case 'done':
      await inferRegime(db, document.releaseId, event.regime)
      if (event.audit)
        await db.documentAudits.put({ documentId: document.id, audit: withoutText(event.audit) })
      else await db.documentAudits.delete(document.id)
      changes = {
        analysisState: 'done',
        analysisError: null,
        analysedPages: document.pageCount,
        engineVersion: ENGINE_VERSION
      }
      break
    case 'failed':
      changes = {
        analysisState: event.reason === 'password' ? 'needs-password' : 'failed',
        analysisError: event.message
      }
      break
  }
  await db.documents.update(document.id, changes)
  return { ...document, ...changes }
}

/** The audit as the library keeps it: what, where and how much, never the recovered text. */
function withoutText(audit: DocumentAudit): DocumentAudit {
  return { ...audit, findings: audit.findings.map((finding) => ({ ...finding, text: null })) }
}

function metaPages(documentId: string, meta: DocumentMeta): PageRow[] {
  return meta.pages.map((page) => ({
    documentId,
    pageIndex: page.index,
    width: page.width,
    height: page.height,
    rotation: page.rotation,
    hasTextLayer: page.hasTextLayer,
    scanned: false,
    withheldInFull: false,
    error: null
  }))
}

/** A new detected box with at least this overlap (IoU) with a stored one is that box again. */
const SAME_BOX_MIN_IOU = 0.5

/**
 * Pairs each newly found box with the stored detected row it is the same box as (the row at the same
 * order first, else the best-overlapping unclaimed one), so a re-analysis at another resolution that
 * finds one more box keeps the decisions on the boxes after it.
 */
function pairWithStored(
  found: readonly ScanPage['redactions'][number][],
  stored: readonly RedactionRow[],
  ids: readonly string[]
) {
  const byId = new Map(stored.map((row) => [row.id, row]))
  const claimed = new Set<string>()
  const paired: (RedactionRow | undefined)[] = found.map((box, order) => {
    const same = byId.get(ids[order]!)
    if (same && iou(same.pageRect, box.bbox) >= SAME_BOX_MIN_IOU) {
      claimed.add(same.id)
      return same
    }
    return undefined
  })
  found.forEach((box, order) => {
    if (paired[order]) return
    let best: RedactionRow | undefined
    let bestIou = SAME_BOX_MIN_IOU
    for (const row of stored) {
      if (claimed.has(row.id)) continue
      const overlap = iou(row.pageRect, box.bbox)
      if (overlap >= bestIou) [best, bestIou] = [row, overlap]
    }
    if (best) {
      claimed.add(best.id)
      paired[order] = best
    }
  })
  return paired
}

/**
 * Replaces the page's detected rows with what the engine found now: decisions (status, note, grounds)
 * carry over to the same box, detected rows beyond the new count (boxes no longer found) go, manual
 * rows are never touched.
 */
async function applyPage(db: WithheldDb, documentId: string, page: ScanPage): Promise<void> {
  const now = Date.now()
  const ids = page.redactions.map((_, order) => detectedRedactionId(documentId, page.index, order))
  const stored = (
    await db.redactions.where('[documentId+pageIndex]').equals([documentId, page.index]).toArray()
  ).filter((row) => row.origin === 'detected')
  const previous = pairWithStored(page.redactions, stored, ids)
  const rows: RedactionRow[] = page.redactions.map((found, order) => {
    const before = previous[order]
    return {
      id: ids[order]!,
      documentId,
      pageIndex: page.index,
      pageRect: found.bbox,
      kind: found.kind,
      origin: 'detected',
      source: found.source,
      confidence: found.confidence,
      grounds: before ? before.grounds : [...found.grounds],
      label: found.label,
      status: before ? before.status : 'unreviewed',
      note: before ? before.note : '',
      leak: found.leak,
      createdAt: before ? before.createdAt : now,
      updatedAt: before ? before.updatedAt : now
    }
  })
  const kept = new Set(ids)
  const stale = stored.filter((row) => !kept.has(row.id)).map((row) => row.id)
  if (stale.length > 0) await db.redactions.bulkDelete(stale)
  await db.redactions.bulkPut(rows)
  await db.pages.put({
    documentId,
    pageIndex: page.index,
    width: page.width,
    height: page.height,
    rotation: page.rotation,
    hasTextLayer: page.hasTextLayer,
    scanned: page.scanned,
    withheldInFull: page.withheldInFull,
    error: page.error ?? null
  })
  if (page.ocrWords && page.ocrWords.length > 0) {
    await db.pageWords.put({ documentId, pageIndex: page.index, words: [...page.ocrWords] })
  } else await db.pageWords.delete([documentId, page.index])
}

/** A release's regime is inferred from the grounds its first analysed document cites. */
async function inferRegime(db: WithheldDb, releaseId: string, regime: Regime): Promise<void> {
  const release = await db.releases.get(releaseId)
  if (release && release.regime === 'unknown' && regime !== 'unknown') {
    await db.releases.update(release.id, { regime })
  }
}
