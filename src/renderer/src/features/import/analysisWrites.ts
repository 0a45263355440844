/**
 * Stores what the analysis worker reports, one transaction per event: `meta` lays out the pages,
 * each `page` adds its detected redactions, `done`/`failed` settle the document's state. Events for
 * a document deleted meanwhile are dropped. Detected redaction ids are derived from
 * (document, page, order), so re-running an interrupted analysis replaces rows instead of doubling
 * them, and keeps whatever the user already decided about a box (status, note, grounds).
 */
import { ENGINE_VERSION, type ScanPage } from '@core/types'
import type { AnalysisEvent } from '@shared/analysis'
import type { WithheldDb } from '../../db/db'
import type { PageRow, RedactionRow } from '../../db/rows'

export const detectedRedactionId = (documentId: string, pageIndex: number, order: number): string =>
  `${documentId}:p${pageIndex}:d${order}`

export async function writeAnalysisEvent(
  db: WithheldDb,
  documentId: string,
  event: AnalysisEvent
): Promise<void> {
  switch (event.type) {
    case 'meta':
      return writeMeta(db, documentId, event.meta)
    case 'page':
      return writePage(db, documentId, event.page)
    case 'done':
      return db.transaction('rw', [db.documents, db.releases], async () => {
        const document = await db.documents.get(documentId)
        if (!document) return
        await db.documents.update(documentId, {
          analysisState: 'done',
          analysisError: null,
          analysedPages: document.pageCount,
          engineVersion: ENGINE_VERSION
        })
        const release = await db.releases.get(document.releaseId)
        if (release && release.regime === 'unknown' && event.regime !== 'unknown') {
          await db.releases.update(release.id, { regime: event.regime })
        }
      })
    case 'failed':
      return db.transaction('rw', db.documents, async () => {
        if (!(await db.documents.get(documentId))) return
        await db.documents.update(documentId, {
          analysisState: event.reason === 'password' ? 'needs-password' : 'failed',
          analysisError: event.message
        })
      })
  }
}

async function writeMeta(
  db: WithheldDb,
  documentId: string,
  meta: Extract<AnalysisEvent, { type: 'meta' }>['meta']
): Promise<void> {
  await db.transaction('rw', [db.documents, db.pages], async () => {
    if (!(await db.documents.get(documentId))) return
    const pages: PageRow[] = meta.pages.map((page) => ({
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
    await db.pages.bulkPut(pages)
    await db.documents.update(documentId, {
      pageCount: meta.pageCount,
      producer: meta.producer,
      title: meta.title,
      analysisState: 'running',
      analysisError: null,
      analysedPages: 0
    })
  })
}

async function writePage(db: WithheldDb, documentId: string, page: ScanPage): Promise<void> {
  await db.transaction('rw', [db.documents, db.pages, db.redactions], async () => {
    const document = await db.documents.get(documentId)
    if (!document) return
    const now = Date.now()
    const ids = page.redactions.map((_, order) => detectedRedactionId(documentId, page.index, order))
    const previous = await db.redactions.bulkGet(ids)
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
    await db.documents.update(documentId, {
      analysedPages: Math.max(document.analysedPages, page.index + 1),
      analysisState: 'running'
    })
  })
}
