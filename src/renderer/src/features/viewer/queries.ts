/**
 * The viewer's reads and writes of IndexedDB, as small named hooks (style.md example 6). Components
 * never query Dexie directly; each hook re-renders its component when the rows it reads change (a
 * detection arriving, a redaction tagged elsewhere).
 */
import { Dexie } from 'dexie'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import { withheld } from '../../db/db'
import type { PageRow, RedactionRow, ViewStateRow } from '../../db/rows'

const NO_REDACTIONS: RedactionRow[] = []

/**
 * The document's name: undefined while loading, null when the document does not exist (deleted
 * meanwhile). A string, not the row, so the analysis's progress writes to the row (~1 per page)
 * don't re-render the viewer.
 */
export const useDocumentName = (documentId: string): string | null | undefined =>
  useLiveQuery(async () => (await withheld.documents.get(documentId))?.name ?? null, [documentId])

/**
 * Page rows in page order, for their sizes; [] until the analysis has written them. Once every page
 * has a row the result is kept and the query stops: the analysis then rewrites one row per page it
 * finishes (1,000 writes for 1,000 pages), and re-reading all rows on each would cost the UI
 * thread ~1,000 × 1,000 row reads for sizes that no longer change.
 */
export function usePageRows(documentId: string, pageCount: number): PageRow[] | undefined {
  const [complete, setComplete] = useState<{ id: string; rows: PageRow[] } | null>(null)
  const done = complete?.id === documentId ? complete.rows : null
  const live = useLiveQuery(
    () =>
      done ??
      withheld.pages
        .where('[documentId+pageIndex]')
        .between([documentId, Dexie.minKey], [documentId, Dexie.maxKey])
        .toArray(),
    [documentId, done]
  )
  // React's "adjust state while rendering" pattern: latch the complete set on the render that sees it.
  if (!done && live && pageCount > 0 && live.length >= pageCount) setComplete({ id: documentId, rows: live })
  return done ?? live
}

export const usePageRedactions = (documentId: string, pageIndex: number): RedactionRow[] =>
  useLiveQuery(
    () => withheld.redactions.where('[documentId+pageIndex]').equals([documentId, pageIndex]).toArray(),
    [documentId, pageIndex],
    NO_REDACTIONS
  )

export type BytesState =
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  | { readonly status: 'ready'; readonly bytes: Uint8Array }

/** The PDF's bytes, read once per document (they never change once imported). */
export function useDocumentBytes(documentId: string): BytesState {
  const [state, setState] = useState<{ id: string; value: BytesState }>({
    id: documentId,
    value: { status: 'loading' }
  })
  useEffect(() => {
    let active = true
    withheld.files
      .get(documentId)
      .then(async (row) => {
        const value: BytesState = row
          ? { status: 'ready', bytes: new Uint8Array(await row.bytes.arrayBuffer()) }
          : { status: 'missing' }
        if (active) setState({ id: documentId, value })
      })
      .catch(() => {
        if (active) setState({ id: documentId, value: { status: 'missing' } })
      })
    return () => {
      active = false
    }
  }, [documentId])
  return state.id === documentId ? state.value : { status: 'loading' }
}

/** The last view of the document, read once when it opens; null when never viewed. */
export function useInitialViewState(documentId: string): ViewStateRow | null | undefined {
  const [state, setState] = useState<{ id: string; row: ViewStateRow | null } | null>(null)
  useEffect(() => {
    let active = true
    withheld.viewState
      .get(documentId)
      .then((row) => active && setState({ id: documentId, row: row ?? null }))
      .catch(() => active && setState({ id: documentId, row: null }))
    return () => {
      active = false
    }
  }, [documentId])
  return state?.id === documentId ? state.row : undefined
}

export async function saveViewState(row: Omit<ViewStateRow, 'updatedAt'>): Promise<void> {
  await withheld.viewState.put({ ...row, updatedAt: Date.now() })
}
