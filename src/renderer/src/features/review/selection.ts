/**
 * Which redactions are selected, shared by the panel, the overlay and the keyboard without threading
 * props through the viewer's page column: a tiny external store read with useSyncExternalStore.
 * A selection is a set of ids plus a primary one (the last clicked: what the detail card, "j"/"k"
 * and the resize handles work from). Selection is UI state, not library data: it lives in memory plus
 * localStorage (the primary id, per document), so a reload or a restart comes back to the same box.
 */
import { useSyncExternalStore } from 'react'

interface SelectionState {
  readonly documentId: string | null
  readonly redactionId: string | null
  /** Every selected id, the primary included; [] or [redactionId] for a single selection. */
  readonly ids: readonly string[]
}

const STORAGE_PREFIX = 'withheld.selectedRedaction.'
let state: SelectionState = { documentId: null, redactionId: null, ids: [] }
const listeners = new Set<() => void>()

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i])

function emit(next: SelectionState): void {
  if (
    next.documentId === state.documentId &&
    next.redactionId === state.redactionId &&
    sameIds(next.ids, state.ids)
  ) {
    return
  }
  state = next
  if (next.documentId) {
    try {
      if (next.redactionId) localStorage.setItem(STORAGE_PREFIX + next.documentId, next.redactionId)
      else localStorage.removeItem(STORAGE_PREFIX + next.documentId)
    } catch {
      // Storage refused (quota, privacy mode): the selection still works for this session.
    }
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Called when a document opens: restores that document's last selection. */
export function openSelection(documentId: string): void {
  let restored: string | null
  try {
    restored = localStorage.getItem(STORAGE_PREFIX + documentId)
  } catch {
    restored = null
  }
  emit({ documentId, redactionId: restored, ids: restored ? [restored] : [] })
}

/** Selects one redaction (or none), replacing any multi-selection. */
export function selectRedaction(redactionId: string | null): void {
  emit({ documentId: state.documentId, redactionId, ids: redactionId ? [redactionId] : [] })
}

/** Shift-click: adds the id (making it primary) or takes it out (the newest remaining becomes primary). */
export function toggleSelected(redactionId: string): void {
  if (state.ids.includes(redactionId)) {
    const ids = state.ids.filter((id) => id !== redactionId)
    const primary = state.redactionId === redactionId ? (ids[ids.length - 1] ?? null) : state.redactionId
    emit({ documentId: state.documentId, redactionId: primary, ids })
  } else {
    emit({ documentId: state.documentId, redactionId, ids: [...state.ids, redactionId] })
  }
}

/** Replaces the selection (rubber band, "all on page", "all with this label"). */
export function setSelection(ids: readonly string[], primary?: string | null): void {
  const unique = [...new Set(ids)]
  const main = primary !== undefined && primary !== null && unique.includes(primary) ? primary : unique[0]
  emit({ documentId: state.documentId, redactionId: main ?? null, ids: unique })
}

export function selectedRedactionId(): string | null {
  return state.redactionId
}

export function selectedIds(): readonly string[] {
  return state.ids
}

/** The document the selection belongs to (the open one). */
export function selectionDocumentId(): string | null {
  return state.documentId
}

export const useSelectedRedactionId = (): string | null =>
  useSyncExternalStore(subscribe, () => state.redactionId)

/** Every selected id; the same array until the selection changes. */
export const useSelectedIds = (): readonly string[] => useSyncExternalStore(subscribe, () => state.ids)

export const useSelectionDocumentId = (): string | null =>
  useSyncExternalStore(subscribe, () => state.documentId)
