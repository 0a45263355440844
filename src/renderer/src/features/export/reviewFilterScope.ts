/**
 * The review panel's filter, as the export dialog sees it: the panel publishes its filter here and
 * the dialog offers "only the redactions the filter shows" when one is set. A tiny external store
 * (like review/selection.ts), so the filter needs no props through the viewer; UI state, never stored.
 */
import { isFilterEmpty, NO_GROUND, type ReviewFilter } from '@core/review/reviewItems'
import { useSyncExternalStore } from 'react'
import type { ReviewFilterScope } from './useExportTarget'

let current: ReviewFilterScope | null = null
const listeners = new Set<() => void>()

const STATUS_WORDS = { unreviewed: 'to do', accepted: 'accepted', disputed: 'disputed' } as const

/** The filter in words for the report's cover: "disputed; 9(2)(a) or no ground; leaks only". */
export function describeFilter(filter: ReviewFilter): string {
  const parts: string[] = []
  if (filter.statuses?.size) parts.push([...filter.statuses].map((s) => STATUS_WORDS[s]).join(' or '))
  if (filter.grounds?.size)
    parts.push([...filter.grounds].map((g) => (g === NO_GROUND ? 'no ground' : g)).join(' or '))
  if (filter.kinds?.size) parts.push(`${[...filter.kinds].join(' or ')} boxes`)
  if (filter.origins?.size)
    parts.push(
      [...filter.origins].map((o) => (o === 'manual' ? 'drawn by hand' : 'found by Withheld')).join(' or ')
    )
  if (filter.leak !== undefined) parts.push(filter.leak ? 'leaks only' : 'no leaks')
  return parts.join('; ')
}

/** Called by the review panel whenever its filter or document changes; an empty filter clears it. */
export function publishReviewFilter(documentId: string | null, filter: ReviewFilter): void {
  current =
    documentId === null || isFilterEmpty(filter)
      ? null
      : { documentId, filter, label: describeFilter(filter) }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const useReviewFilterScope = (): ReviewFilterScope | null =>
  useSyncExternalStore(subscribe, () => current)
