/**
 * The text still readable under leaking boxes, for a report the user has explicitly asked to
 * include it in. The library never stores that text (analysis runs with revealLeaks off), so the
 * documents with leaks are analysed once more by the same engine, in main's worker, with revealLeaks
 * on; each leak found is matched to the stored redaction on the same page at the same place.
 */
import type { Api } from '@shared/ipc'
import type { ScanPage } from '@core/types'
import type { WithheldDb } from '../../db/db'
import type { DocumentRow, RedactionRow } from '../../db/rows'
import { ExportCancelled } from './cancel'

/** Stored boxes are rounded copies of the engine's; a point apart is the same box. */
export const SAME_BOX_TOLERANCE_PT = 1

/** Leaked text per redaction id, for the rows that have a leak and a matching engine box with text. */
export function matchLeakedText(
  rows: readonly RedactionRow[],
  pages: readonly ScanPage[]
): Map<string, string> {
  const out = new Map<string, string>()
  const byPage = new Map(pages.map((p) => [p.index, p]))
  for (const row of rows) {
    if (!row.leak) continue
    const found = byPage
      .get(row.pageIndex)
      ?.redactions.find(
        (r) =>
          r.leakedText !== null &&
          r.bbox.every((v, i) => Math.abs(v - row.pageRect[i]!) <= SAME_BOX_TOLERANCE_PT)
      )
    if (found?.leakedText) out.set(row.id, found.leakedText)
  }
  return out
}

type AnalysisApi = Pick<Api, 'startAnalysis' | 'cancelAnalysis' | 'onAnalysisEvent'>

/** Runs one revealing analysis and resolves with its pages (rejects on failure or cancel). */
function analyseRevealing(
  api: AnalysisApi,
  jobId: string,
  bytes: Uint8Array,
  fileName: string,
  signal: AbortSignal
): Promise<ScanPage[]> {
  return new Promise((resolve, reject) => {
    const pages: ScanPage[] = []
    const finish = (error: Error | null): void => {
      off()
      signal.removeEventListener('abort', onAbort)
      if (error) reject(error)
      else resolve(pages)
    }
    const onAbort = (): void => {
      void api.cancelAnalysis(jobId)
      finish(new ExportCancelled())
    }
    const off = api.onAnalysisEvent((id, event) => {
      if (id !== jobId) return
      if (event.type === 'page') pages.push(event.page)
      else if (event.type === 'done') finish(null)
      else if (event.type === 'failed') finish(new Error(event.message))
    })
    signal.addEventListener('abort', onAbort)
    api.startAnalysis({ jobId, bytes, fileName, options: { revealLeaks: true } }).catch((error: unknown) => {
      finish(error instanceof Error ? error : new Error(String(error)))
    })
  })
}

/**
 * Leaked text for every leaking redaction of `documents`. A document that cannot be analysed again
 * (locked, since deleted) contributes nothing: its leaks keep their flag and hash only.
 */
export async function recoverLeakedText(
  db: WithheldDb,
  api: AnalysisApi,
  documents: readonly DocumentRow[],
  redactions: readonly RedactionRow[],
  signal: AbortSignal,
  onDocument: () => void
): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const doc of documents) {
    const leaky = redactions.filter((r) => r.documentId === doc.id && r.leak)
    if (leaky.length > 0) {
      const file = await db.files.get(doc.id)
      if (file) {
        try {
          const bytes = new Uint8Array(await file.bytes.arrayBuffer())
          const pages = await analyseRevealing(
            api,
            `export-leaks-${crypto.randomUUID()}`,
            bytes,
            doc.name,
            signal
          )
          for (const [id, text] of matchLeakedText(leaky, pages)) found.set(id, text)
        } catch (error) {
          if (error instanceof ExportCancelled) throw error
        }
      }
    }
    onDocument()
  }
  return found
}
