/**
 * What search must not find: text under a box (security.md; issue 10 point 2). The boxes that hide
 * text, per page, and the release's page text with the characters under them left out. Rebuilt when
 * the text or the boxes change (a box drawn hides what is under it at once), not on each keystroke.
 */
import { hidesText } from '@core/ocr/pageWords'
import { visibleText } from '@core/review/visibleText'
import type { PageRect } from '@core/types'
import type { RedactionRow } from '../../db/rows'
import type { DocumentText } from './pageText'

type BoxRow = Pick<RedactionRow, 'documentId' | 'pageIndex' | 'pageRect' | 'source'>

/** documentId → pageIndex → the boxes on that page that hide what lies under them. */
export function hidingBoxes(redactions: readonly BoxRow[]): Map<string, Map<number, PageRect[]>> {
  const out = new Map<string, Map<number, PageRect[]>>()
  for (const r of redactions) {
    if (!hidesText(r)) continue
    const byPage = out.get(r.documentId) ?? new Map<number, PageRect[]>()
    byPage.set(r.pageIndex, [...(byPage.get(r.pageIndex) ?? []), r.pageRect])
    out.set(r.documentId, byPage)
  }
  return out
}

/** The documents' page text with every character under a box left out. */
export function withoutHiddenText(
  texts: ReadonlyMap<string, DocumentText>,
  redactions: readonly BoxRow[]
): Map<string, DocumentText> {
  const boxes = hidingBoxes(redactions)
  const out = new Map<string, DocumentText>()
  for (const [documentId, text] of texts) {
    const byPage = boxes.get(documentId)
    const runs = text.runs
    if (!byPage) {
      out.set(documentId, text)
      continue
    }
    const pages = text.pages.map((page, pageIndex) => {
      const onPage = byPage.get(pageIndex)
      if (!onPage) return page
      const placed = runs?.[pageIndex]
      // Without the runs' places there is no telling what is under a box: the page is left out.
      return placed ? visibleText(placed, onPage) : ''
    })
    out.set(documentId, { ...text, pages })
  }
  return out
}
