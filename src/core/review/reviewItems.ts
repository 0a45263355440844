/**
 * The review's view of redactions as plain data: reading-order sort, filters, counts and
 * next/previous navigation. The panel, the keyboard and the overlay all derive from these, so the
 * order a reviewer steps through with "j" is the order the panel lists.
 */
import type { GroundFamily } from '../grounds/catalogue'
import { findGround } from '../grounds/catalogue'
import type { Leak, PageRect, RedactionKind } from '../types'

export type ReviewStatus = 'unreviewed' | 'accepted' | 'disputed'
export type Origin = 'detected' | 'manual'

/** The fields the review reads; the renderer's RedactionRow satisfies it. */
export interface ReviewItem {
  readonly id: string
  readonly pageIndex: number
  /** Points on the displayed page, origin top-left. */
  readonly pageRect: PageRect
  readonly kind: RedactionKind
  readonly origin: Origin
  readonly grounds: readonly string[]
  readonly status: ReviewStatus
  readonly leak: Leak | null
}

/**
 * Boxes whose tops differ by less than this are on one line and go left to right: two boxes on one
 * text line differ by a point or two of baseline jitter (11 pt body text has ~2 pt of descender).
 */
export const SAME_LINE_TOLERANCE_PT = 3

/** Page, then top, then left: the order a person reads. Stable; does not modify its input. */
export function sortReadingOrder<T extends ReviewItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.pageIndex !== b.pageIndex) return a.pageIndex - b.pageIndex
    const topA = Math.min(a.pageRect[1], a.pageRect[3])
    const topB = Math.min(b.pageRect[1], b.pageRect[3])
    if (Math.abs(topA - topB) >= SAME_LINE_TOLERANCE_PT) return topA - topB
    const leftA = Math.min(a.pageRect[0], a.pageRect[2])
    const leftB = Math.min(b.pageRect[0], b.pageRect[2])
    if (leftA !== leftB) return leftA - leftB
    return topA - topB
  })
}

/** "No ground yet" is its own filter value: an untagged box is what a reviewer hunts for. */
export const NO_GROUND = '__none__'

/** Every field optional: an empty filter lets everything through. Sets mean "any of". */
export interface ReviewFilter {
  readonly grounds?: ReadonlySet<string>
  readonly statuses?: ReadonlySet<ReviewStatus>
  readonly kinds?: ReadonlySet<RedactionKind>
  readonly origins?: ReadonlySet<Origin>
  /** true: only leaking boxes; false: only sound ones. */
  readonly leak?: boolean
}

const allows = <T>(set: ReadonlySet<T> | undefined, value: T): boolean =>
  !set || set.size === 0 || set.has(value)

export function matchesFilter(item: ReviewItem, filter: ReviewFilter): boolean {
  if (!allows(filter.statuses, item.status)) return false
  if (!allows(filter.kinds, item.kind)) return false
  if (!allows(filter.origins, item.origin)) return false
  if (filter.leak !== undefined && (item.leak !== null) !== filter.leak) return false
  if (filter.grounds && filter.grounds.size > 0) {
    if (item.grounds.length === 0) return filter.grounds.has(NO_GROUND)
    if (!item.grounds.some((g) => filter.grounds!.has(g))) return false
  }
  return true
}

export function applyFilter<T extends ReviewItem>(items: readonly T[], filter: ReviewFilter): T[] {
  return items.filter((item) => matchesFilter(item, filter))
}

export function isFilterEmpty(filter: ReviewFilter): boolean {
  return (
    !filter.grounds?.size &&
    !filter.statuses?.size &&
    !filter.kinds?.size &&
    !filter.origins?.size &&
    filter.leak === undefined
  )
}

export interface ReviewCounts {
  readonly total: number
  readonly byStatus: Readonly<Record<ReviewStatus, number>>
  /** A box citing two grounds counts under both; untagged boxes count under NO_GROUND. */
  readonly byGround: ReadonlyMap<string, number>
  readonly leaks: number
  readonly manual: number
}

export function countItems(items: readonly ReviewItem[]): ReviewCounts {
  const byStatus = { unreviewed: 0, accepted: 0, disputed: 0 }
  const byGround = new Map<string, number>()
  let leaks = 0
  let manual = 0
  for (const item of items) {
    byStatus[item.status]++
    if (item.leak) leaks++
    if (item.origin === 'manual') manual++
    const grounds = item.grounds.length > 0 ? item.grounds : [NO_GROUND]
    for (const g of grounds) byGround.set(g, (byGround.get(g) ?? 0) + 1)
  }
  return { total: items.length, byStatus, byGround, leaks, manual }
}

/**
 * The id one step from `currentId` in `ordered` (reading order). With no current item (or one the
 * filter hides), "next" starts at the first and "previous" at the last. Stops at the ends rather
 * than wrapping, so holding "j" never silently jumps from the last page back to the first.
 */
export function stepFrom(
  ordered: readonly ReviewItem[],
  currentId: string | null,
  step: 1 | -1
): string | null {
  if (ordered.length === 0) return null
  const at = currentId === null ? -1 : ordered.findIndex((item) => item.id === currentId)
  if (at === -1) return (step === 1 ? ordered[0] : ordered[ordered.length - 1])?.id ?? null
  const next = Math.min(ordered.length - 1, Math.max(0, at + step))
  return ordered[next]?.id ?? null
}

/** The colour family of a box: its first ground's family, or "none" when it has no ground yet. */
export type FamilyOrNone = GroundFamily | 'none'

export function familyOf(
  grounds: readonly string[],
  customFamily?: (code: string) => GroundFamily | null
): FamilyOrNone {
  const first = grounds[0]
  if (first === undefined) return 'none'
  return findGround(first)?.family ?? customFamily?.(first) ?? 'other'
}
