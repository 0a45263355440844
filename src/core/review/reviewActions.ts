/**
 * What a review action does to a redaction, as pure functions: accept, dispute, set grounds, note,
 * and bulk tagging plans. The renderer turns a plan into one Dexie transaction plus a history row;
 * keeping the decision here means the rules (a dispute keeps its note, a bulk "add" skips boxes that
 * already cite the ground) are tested in plain Node.
 */
import type { ReviewStatus } from './reviewItems'

/** The fields a review action may change. */
export interface Reviewable {
  readonly id: string
  readonly grounds: readonly string[]
  readonly status: ReviewStatus
  readonly note: string
  readonly updatedAt: number
}

export type ReviewAction =
  | { readonly type: 'accept' }
  | { readonly type: 'dispute'; readonly note?: string }
  | { readonly type: 'reset-status' }
  | { readonly type: 'set-grounds'; readonly grounds: readonly string[] }
  | { readonly type: 'add-ground'; readonly ground: string }
  | { readonly type: 'remove-ground'; readonly ground: string }
  | { readonly type: 'note'; readonly note: string }

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

/** Codes trimmed, blanks and repeats dropped, order kept (the first is the box's colour family). */
export function normaliseGrounds(grounds: readonly string[]): string[] {
  const out: string[] = []
  for (const raw of grounds) {
    const code = raw.trim()
    if (code && !out.includes(code)) out.push(code)
  }
  return out
}

/** The row after `action`, or the same object when nothing would change (so no history row is written). */
export function reduceReview<T extends Reviewable>(row: T, action: ReviewAction, now: number): T {
  let next: Pick<Reviewable, 'grounds' | 'status' | 'note'>
  switch (action.type) {
    case 'accept':
      next = { grounds: row.grounds, status: 'accepted', note: row.note }
      break
    case 'dispute':
      next = { grounds: row.grounds, status: 'disputed', note: action.note ?? row.note }
      break
    case 'reset-status':
      next = { grounds: row.grounds, status: 'unreviewed', note: row.note }
      break
    case 'set-grounds':
      next = { grounds: normaliseGrounds(action.grounds), status: row.status, note: row.note }
      break
    case 'add-ground':
      next = {
        grounds: normaliseGrounds([...row.grounds, action.ground]),
        status: row.status,
        note: row.note
      }
      break
    case 'remove-ground':
      next = { grounds: row.grounds.filter((g) => g !== action.ground), status: row.status, note: row.note }
      break
    case 'note':
      next = { grounds: row.grounds, status: row.status, note: action.note.trim() }
      break
  }
  if (next.status === row.status && next.note === row.note && sameList(next.grounds, row.grounds)) return row
  return { ...row, ...next, grounds: [...next.grounds], updatedAt: now }
}

export interface PlannedChange<T> {
  readonly before: T
  readonly after: T
}

/** One action over many rows (bulk tagging): only the rows it changes. */
export function planReview<T extends Reviewable>(
  rows: readonly T[],
  action: ReviewAction,
  now: number
): PlannedChange<T>[] {
  const changes: PlannedChange<T>[] = []
  for (const before of rows) {
    const after = reduceReview(before, action, now)
    if (after !== before) changes.push({ before, after })
  }
  return changes
}

/** Words for the history and the undo toast: "Accept 1 redaction", "Set grounds 9(2)(a) on 50 redactions". */
export function describeReview(action: ReviewAction, count: number): string {
  const what = count === 1 ? '1 redaction' : `${count} redactions`
  switch (action.type) {
    case 'accept':
      return `Accept ${what}`
    case 'dispute':
      return `Dispute ${what}`
    case 'reset-status':
      return `Mark ${what} unreviewed`
    case 'set-grounds':
      return action.grounds.length === 0
        ? `Clear grounds on ${what}`
        : `Set grounds ${action.grounds.join(', ')} on ${what}`
    case 'add-ground':
      return `Add ground ${action.ground} to ${what}`
    case 'remove-ground':
      return `Remove ground ${action.ground} from ${what}`
    case 'note':
      return `Note on ${what}`
  }
}

/** Recent grounds for the number keys: most recent first, no repeats, at most `max` (keys 1–9). */
export function pushRecent(recent: readonly string[], codes: readonly string[], max = 9): string[] {
  const fresh = normaliseGrounds(codes)
  return [...fresh, ...recent.filter((c) => !fresh.includes(c))].slice(0, max)
}
