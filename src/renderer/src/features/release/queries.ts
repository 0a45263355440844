/**
 * The release panel's reads: the release with its documents, pages and redactions, as the plain
 * report input core turns into statistics (core/review/releaseStats.ts). One live query, so a
 * decision taken in the viewer or an undo shows in the panel's numbers without a reload.
 */
import { catalogueFor } from '@core/report/fromScans'
import type { ReportDocumentInput, ReportInput } from '@core/report/types'
import { useLiveQuery } from 'dexie-react-hooks'
import { withheld } from '../../db/db'
import type { DocumentRow, ReleaseRow } from '../../db/rows'

export interface ReleaseData {
  readonly release: ReleaseRow
  /** In import order. */
  readonly documents: readonly DocumentRow[]
  /** The marked response letter; the first one when a move brought two into one release. */
  readonly letter: DocumentRow | null
  /** Everything but the letter's grounds, which are read from its text separately. */
  readonly input: ReportInput
}

async function readRelease(releaseId: string): Promise<ReleaseData | null> {
  const release = await withheld.releases.get(releaseId)
  if (!release) return null
  const documents = (await withheld.documents.where('releaseId').equals(releaseId).toArray()).sort(
    (a, b) => a.importedAt - b.importedAt
  )
  const ids = documents.map((d) => d.id)
  const [pages, redactions] = await Promise.all([
    withheld.pages.where('documentId').anyOf(ids).toArray(),
    withheld.redactions.where('documentId').anyOf(ids).toArray()
  ])
  const docInputs = documents.map((d): ReportDocumentInput => ({
    id: d.id,
    name: d.name,
    sha256: d.sha256,
    pageCount: d.pageCount,
    pages: pages
      .filter((p) => p.documentId === d.id)
      .map((p) => ({
        index: p.pageIndex,
        width: p.width,
        height: p.height,
        withheldInFull: p.withheldInFull
      })),
    redactions: redactions
      .filter((r) => r.documentId === d.id)
      .map((r) => ({
        id: r.id,
        pageIndex: r.pageIndex,
        pageRect: r.pageRect,
        kind: r.kind,
        origin: r.origin,
        grounds: r.grounds,
        label: r.label,
        status: r.status,
        note: r.note,
        leak: r.leak
      }))
  }))
  return {
    release,
    documents,
    letter: documents.find((d) => d.isResponseLetter) ?? null,
    input: {
      release: {
        name: release.name,
        agency: release.agency,
        requestRef: release.requestRef,
        requestDate: release.requestDate,
        responseDate: release.responseDate,
        regime: release.regime,
        notes: release.notes
      },
      documents: docInputs,
      catalogue: catalogueFor(release.regime),
      options: { includeLeakedText: false, scopeLabel: 'Whole release' },
      // Not shown in the panel; a report export stamps its own.
      generatedAt: '',
      engine: ''
    }
  }
}

/** undefined while loading, null when the release is gone. */
export const useReleaseData = (releaseId: string): ReleaseData | null | undefined =>
  useLiveQuery(() => readRelease(releaseId), [releaseId])
