/**
 * The release search and the overview act on: the open document's release in the viewer, the
 * release panel's, or the one the library shows (its selection, else the newest, as Library.tsx does).
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { withheld } from '../../db/db'

export interface CurrentRelease {
  readonly id: string
  readonly name: string
}

export function useCurrentRelease(
  openDocumentId: string | null,
  releaseViewId: string | null,
  selectedReleaseId: string | null
): CurrentRelease | null {
  return (
    useLiveQuery(
      async () => {
        const fromDocument = openDocumentId
          ? (await withheld.documents.get(openDocumentId))?.releaseId
          : undefined
        const wanted = fromDocument ?? releaseViewId ?? selectedReleaseId
        const release =
          (wanted ? await withheld.releases.get(wanted) : undefined) ??
          (await withheld.releases.toArray()).sort((a, b) => b.createdAt - a.createdAt)[0]
        return release ? { id: release.id, name: release.name } : null
      },
      [openDocumentId, releaseViewId, selectedReleaseId],
      null
    ) ?? null
  )
}
