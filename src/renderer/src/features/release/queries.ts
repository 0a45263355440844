/**
 * The release panel's reads: the release with its documents, pages and redactions, turned into the
 * plain report input by the export's own mapping (export/reportInput.ts), so the panel, an exported
 * report and the CLI build one model the same way. One live query: a decision taken in the viewer
 * or an undo shows in the panel's numbers without a reload.
 */
import type { ReportInput } from '@core/report/types'
import { useLiveQuery } from 'dexie-react-hooks'
import { withheld } from '../../db/db'
import type { DocumentRow, ReleaseRow } from '../../db/rows'
import { loadExportRows } from '../export/loadRows'
import { reportInputFromRows } from '../export/reportInput'

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
  const rows = await loadExportRows(withheld, releaseId)
  if (!rows) return null
  return {
    release: rows.release,
    documents: rows.documents,
    letter: rows.documents.find((d) => d.isResponseLetter) ?? null,
    // Not shown in the panel: no timestamp, no leaked text, no page pictures.
    input: reportInputFromRows(
      rows,
      { scope: { kind: 'release' }, includeLeakedText: false, thumbnails: false },
      ''
    )
  }
}

/** undefined while loading, null when the release is gone. */
export const useReleaseData = (releaseId: string): ReleaseData | null | undefined =>
  useLiveQuery(() => readRelease(releaseId), [releaseId])
