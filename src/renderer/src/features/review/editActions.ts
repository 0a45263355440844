/**
 * Manual edits as undoable writes: draw a box, move or resize boxes, mark a page withheld in full.
 * Each is one Dexie transaction that applies the change and records its inverse (db/history.ts),
 * with whole rows on both sides so undo and redo restore them exactly.
 *
 * Withheld in full (decided here, issue 5): marking a page sets pages.withheldInFull and, unless a
 * box already covers the page (boxGeometry.coversPage: ≥ 80 % of its area, as a detected
 * blacked-out page does), adds a manual box of kind `page` over the whole page, so the page is
 * counted, tagged and exported like any redaction (the scan contract's "one redaction of kind page").
 * Unmarking clears the flag and removes only manual `page` boxes: a detected full-page box is the
 * engine's finding and stays.
 */
import { coversPage, moveRect } from '@core/review/boxGeometry'
import type { PageRect } from '@core/types'
import type { WithheldDb } from '../../db/db'
import { recordAction } from '../../db/history'
import { newId } from '../../db/ids'
import type { HistoryChange, RedactionRow } from '../../db/rows'

const put = (row: RedactionRow): HistoryChange => ({ op: 'put', table: 'redactions', row })

/** A box the reviewer drew: unreviewed, no grounds yet, confidence 1 (a person saw it). */
export function manualRedaction(
  documentId: string,
  pageIndex: number,
  pageRect: PageRect,
  now: number,
  kind: RedactionRow['kind'] = 'black'
): RedactionRow {
  return {
    id: newId(),
    documentId,
    pageIndex,
    pageRect: [...pageRect],
    kind,
    origin: 'manual',
    source: null,
    confidence: 1,
    grounds: [],
    label: null,
    status: 'unreviewed',
    note: '',
    leak: null,
    createdAt: now,
    updatedAt: now
  }
}

/** Adds a drawn box; returns the new row (its id is what the overlay selects next). */
export async function addManualRedaction(
  db: WithheldDb,
  documentId: string,
  pageIndex: number,
  pageRect: PageRect,
  now: number = Date.now()
): Promise<RedactionRow> {
  const row = manualRedaction(documentId, pageIndex, pageRect, now)
  await recordAction(db, async () => ({
    label: `Draw a box on page ${pageIndex + 1}`,
    redo: [put(row)],
    undo: [{ op: 'delete', table: 'redactions', key: row.id }]
  }))
  return row
}

type RectVerb = 'Move' | 'Resize' | 'Nudge'

/** One history entry giving boxes new rects; `rectsFor` runs inside the transaction on the stored rows. */
async function recordRects(
  db: WithheldDb,
  ids: readonly string[],
  verb: RectVerb,
  now: number,
  rectsFor: (rows: RedactionRow[]) => Promise<ReadonlyMap<string, PageRect>>
): Promise<number> {
  let changed = 0
  await recordAction(db, async () => {
    const rows = (await db.redactions.bulkGet([...ids])).filter(
      (row): row is RedactionRow => row !== undefined
    )
    const rects = await rectsFor(rows)
    const plan = rows.flatMap((before) => {
      const rect = rects.get(before.id)
      if (!rect || rect.every((v, i) => v === before.pageRect[i])) return []
      return [{ before, after: { ...before, pageRect: [...rect] as PageRect, updatedAt: now } }]
    })
    changed = plan.length
    if (plan.length === 0) return null
    return {
      label: `${verb} ${plan.length === 1 ? '1 box' : `${plan.length} boxes`}`,
      redo: plan.map((c) => put(c.after)),
      undo: plan.map((c) => put(c.before))
    }
  })
  return changed
}

/**
 * Gives each listed box its new rect (a move, a resize) as one history entry. Detected boxes keep
 * origin `detected`: the history says they were adjusted. Returns how many changed.
 */
export function setRedactionRects(
  db: WithheldDb,
  rects: ReadonlyMap<string, PageRect>,
  verb: RectVerb,
  now: number = Date.now()
): Promise<number> {
  return recordRects(db, [...rects.keys()], verb, now, async () => rects)
}

/** Moves boxes by (dx, dy) points (arrow keys), each kept whole on its page, as one history entry. */
export function nudgeRedactions(
  db: WithheldDb,
  ids: readonly string[],
  dx: number,
  dy: number,
  now: number = Date.now()
): Promise<number> {
  return recordRects(db, ids, 'Nudge', now, async (rows) => {
    const pageKeys = new Map(rows.map((r) => [`${r.documentId}/${r.pageIndex}`, [r.documentId, r.pageIndex]]))
    const pages = await db.pages.bulkGet([...pageKeys.values()] as [string, number][])
    const sizes = new Map(pages.flatMap((p) => (p ? [[`${p.documentId}/${p.pageIndex}`, p] as const] : [])))
    const unbounded = { width: Infinity, height: Infinity }
    return new Map(
      rows.map((r) => [
        r.id,
        moveRect(r.pageRect, dx, dy, sizes.get(`${r.documentId}/${r.pageIndex}`) ?? unbounded)
      ])
    )
  })
}

/**
 * Marks (or unmarks) a page withheld in full; see the header for what happens to boxes. Returns
 * false when the page has no row yet (analysis not finished) or is already in that state.
 */
export async function setPageWithheld(
  db: WithheldDb,
  documentId: string,
  pageIndex: number,
  withheld: boolean,
  now: number = Date.now()
): Promise<boolean> {
  let done = false
  await recordAction(db, async () => {
    const page = await db.pages.get([documentId, pageIndex])
    if (!page || page.withheldInFull === withheld) return null
    const boxes = await db.redactions
      .where('[documentId+pageIndex]')
      .equals([documentId, pageIndex])
      .toArray()
    const redo: HistoryChange[] = [{ op: 'put', table: 'pages', row: { ...page, withheldInFull: withheld } }]
    const undo: HistoryChange[] = [{ op: 'put', table: 'pages', row: page }]
    if (withheld) {
      if (!boxes.some((b) => coversPage(b.pageRect, page))) {
        const box = manualRedaction(documentId, pageIndex, [0, 0, page.width, page.height], now, 'page')
        redo.push(put(box))
        undo.push({ op: 'delete', table: 'redactions', key: box.id })
      }
    } else {
      for (const box of boxes.filter((b) => b.origin === 'manual' && b.kind === 'page')) {
        redo.push({ op: 'delete', table: 'redactions', key: box.id })
        undo.push(put(box))
      }
    }
    done = true
    return {
      label: `${withheld ? 'Mark' : 'Unmark'} page ${pageIndex + 1} withheld in full`,
      redo,
      undo
    }
  })
  return done
}

/** Flips a page's withheld-in-full mark; returns the new state, or null when the page has no row yet. */
export async function togglePageWithheld(
  db: WithheldDb,
  documentId: string,
  pageIndex: number
): Promise<boolean | null> {
  const page = await db.pages.get([documentId, pageIndex])
  if (!page) return null
  const next = !page.withheldInFull
  return (await setPageWithheld(db, documentId, pageIndex, next)) ? next : page.withheldInFull
}
