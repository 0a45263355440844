/**
 * Which redaction is selected, shared by the panel, the overlay and the keyboard without threading
 * props through the viewer's page column: a tiny external store read with useSyncExternalStore.
 * Selection is UI state, not library data: it lives in memory plus sessionStorage (per document),
 * so a reload comes back to the same box but a new window starts clean.
 */
import { useSyncExternalStore } from 'react'

interface SelectionState {
  readonly documentId: string | null
  readonly redactionId: string | null
}

const STORAGE_PREFIX = 'withheld.selectedRedaction.'
let state: SelectionState = { documentId: null, redactionId: null }
const listeners = new Set<() => void>()

function emit(next: SelectionState): void {
  if (next.documentId === state.documentId && next.redactionId === state.redactionId) return
  state = next
  if (next.documentId) {
    try {
      if (next.redactionId) sessionStorage.setItem(STORAGE_PREFIX + next.documentId, next.redactionId)
      else sessionStorage.removeItem(STORAGE_PREFIX + next.documentId)
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
    restored = sessionStorage.getItem(STORAGE_PREFIX + documentId)
  } catch {
    restored = null
  }
  emit({ documentId, redactionId: restored })
}

export function selectRedaction(redactionId: string | null): void {
  emit({ documentId: state.documentId, redactionId })
}

export function selectedRedactionId(): string | null {
  return state.redactionId
}

export const useSelectedRedactionId = (): string | null =>
  useSyncExternalStore(subscribe, () => state.redactionId)
