/**
 * Opening the viewer at a place: a search hit (page + words to mark) or a redaction from the release
 * panel (page + box to select). The viewer restores a document at its stored view state, so the
 * target page is written there first (its zoom kept) and the viewer is mounted afresh; once it is
 * up, the box is selected through the review's selection store, or the words are marked.
 */
import { useCallback, useState } from 'react'
import { withheld } from '../../db/db'
import { revealRedaction } from '../review/reveal'
import { selectedRedactionId, selectRedaction } from '../review/selection'
import { saveViewState } from '../viewer/queries'
import { clearSearchHighlight, showHit, showPageMarks, type PageMarks } from './highlight'

export interface ViewerTarget {
  readonly documentId: string
  /** 0-based. */
  readonly pageIndex: number
  /** Select and flash this redaction. */
  readonly redactionId?: string
  /** Mark these words on the page (a search query). */
  readonly text?: string
  /** Which match of `text` on the page, 0-based (a page can hold several). */
  readonly occurrence?: number
  /** Mark these boxes on the page (a search hit in a scanned page's OCR words). */
  readonly marks?: PageMarks
}

/** ~10 s at 60 Hz: a big document on a slow machine takes a few seconds to open and lay out. */
const ARRIVAL_WAIT_FRAMES = 600
/** Frames to let the review panel's mount effects (restoring the last selection) run before ours. */
const SETTLE_FRAMES = 3
/** ~0.25 s at 60 Hz. */
const STICK_FRAMES = 15

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()))

async function waitFor<T>(find: () => T | null, frames = ARRIVAL_WAIT_FRAMES): Promise<T | null> {
  for (let i = 0; i < frames; i++) {
    const found = find()
    if (found) return found
    await nextFrame()
  }
  return null
}

const viewerSelector = (documentId: string): string =>
  `.document-viewer[data-state="ready"][data-document-id="${CSS.escape(documentId)}"]`

async function arrive(target: ViewerTarget): Promise<void> {
  const viewer = await waitFor(() =>
    document.querySelector<HTMLElement>(`${viewerSelector(target.documentId)} .review-panel`)
  )
  if (!viewer) return
  for (let i = 0; i < SETTLE_FRAMES; i++) await nextFrame()
  const { redactionId, text } = target
  if (redactionId) {
    // The panel restores its remembered selection on mount, possibly a frame after ours: hold ours
    // for STICK_FRAMES, then bring the box into view.
    for (let i = 0; i < STICK_FRAMES; i++) {
      if (selectedRedactionId() !== redactionId) selectRedaction(redactionId)
      await nextFrame()
    }
    revealRedaction(redactionId, target.pageIndex, () => {})
  }
  if (text) {
    const layer = await waitFor(() =>
      document.querySelector<HTMLElement>(
        `${viewerSelector(target.documentId)} .viewer-page[data-page-index="${target.pageIndex}"] .textLayer[data-ready="true"]`
      )
    )
    if (layer) showHit(layer, text, target.occurrence ?? 0)
  }
  if (target.marks) {
    // A scan has no text layer to mark: the words' boxes are drawn on the page itself.
    const page = await waitFor(() =>
      document.querySelector<HTMLElement>(
        `${viewerSelector(target.documentId)} .viewer-page[data-page-index="${target.pageIndex}"]`
      )
    )
    if (page) showPageMarks(page, target.marks)
  }
}

/**
 * @param open shows a document (or the library, with null): App's own state setter.
 * @returns `openAt`, and a key for the viewer that changes on each visit so it mounts afresh.
 */
export function useViewerNavigation(open: (documentId: string | null) => void): {
  openAt: (target: ViewerTarget) => void
  visit: number
} {
  const [visit, setVisit] = useState(0)
  const openAt = useCallback(
    (target: ViewerTarget) => {
      clearSearchHighlight()
      // Close first: an open viewer flushes its own view state when it unmounts, which must not
      // land after ours.
      open(null)
      void (async () => {
        await nextFrame()
        const before = await withheld.viewState.get(target.documentId)
        await saveViewState({
          documentId: target.documentId,
          pageIndex: target.pageIndex,
          zoom: before?.zoom ?? 'fit-width'
        })
        setVisit((n) => n + 1)
        open(target.documentId)
        await arrive(target)
      })()
    },
    [open]
  )
  return { openAt, visit }
}
