/**
 * The structure tree's /Alt, /ActualText and /E (tagged PDF): a tag can outlive the content it
 * describes. Judged by where the tagged content is (gone from the page, or under a box) and by
 * whether the text repeats what lies under a box.
 */
import type { Findings, TextIndex } from './findings'
import type { PageAudit } from './pageChecks'
import { inside, type PdfDocumentView } from './pdfDocument'
import { isArray, isDict, isName, isRef, numberOf, textOf, type PdfDict, type PdfValue } from './pdfSyntax'

const MAX_NODES = 50_000

/**
 * /Alt, /ActualText and /E of structure elements whose content is gone from the page (the text was
 * removed, the tag kept) or lies under a box; and marked-content /ActualText in the page streams that
 * no visible text repeats.
 */
export function auditStructure(
  view: PdfDocumentView,
  pages: readonly PageAudit[],
  index: TextIndex,
  findings: Findings
): void {
  const pageOf = new Map(pages.map((p, i) => [p.page.objectNumber, i]))
  const root = view.dict(view.catalog?.entries.get('StructTreeRoot'))
  let count = 0
  const seen = new Set<PdfDict>()
  const walk = (ref: PdfValue | undefined, pageNum: number | null, depth: number): void => {
    const node = view.dict(ref)
    if (!node || seen.has(node) || depth > 64 || ++count > MAX_NODES) return
    seen.add(node)
    const pg = node.entries.get('Pg')
    const pageNumber = isRef(pg) ? pg.num : pageNum
    const kids = view.resolve(node.entries.get('K'))
    const kidList = isArray(kids as PdfValue)
      ? (kids as PdfValue[])
      : kids === undefined
        ? []
        : [node.entries.get('K')!]
    const mcids: { page: number | null; id: number }[] = []
    for (const kid of kidList) {
      const k = view.resolve(kid)
      if (typeof k === 'number') mcids.push({ page: pageNumber, id: k })
      else if (isDict(k as PdfValue) && isName((k as PdfDict).entries.get('Type'), 'MCR')) {
        const d = k as PdfDict
        const kpg = d.entries.get('Pg')
        mcids.push({ page: isRef(kpg) ? kpg.num : pageNumber, id: numberOf(d.entries.get('MCID')) ?? -1 })
      } else if (isDict(k as PdfValue) && !isName((k as PdfDict).entries.get('Type'), 'OBJR'))
        walk(kid, pageNumber, depth + 1)
    }
    for (const key of ['ActualText', 'Alt', 'E'] as const) {
      const text = textOf(view.resolve(node.entries.get(key)) as PdfValue)
      if (!text || text.trim() === '') continue
      let gone = mcids.length > 0
      let underBox = false
      let at: number | null = null
      for (const { page, id } of mcids) {
        const pageIndex = page !== null ? pageOf.get(page) : undefined
        const audit = pageIndex !== undefined ? pages[pageIndex] : undefined
        if (!audit?.content) {
          gone = false // page unread: no claim
          continue
        }
        at = pageIndex!
        const origin = audit.content.mcids.get(id)
        if (origin) {
          gone = false
          if (audit.boxes.some((b) => inside(origin[0], origin[1], b, 1))) underBox = true
        }
      }
      // /ActualText stands for the content's own text, so words no page shows are words taken out;
      // /Alt and /E describe or expand, and need not be printed.
      const replaced = key === 'ActualText' && !index.isVisible(text) && index.unseen(text).reveals
      if (gone || underBox || replaced || index.repeatsHidden(text))
        findings.text(
          'structure-text',
          `${at !== null ? `page ${at + 1}, ` : ''}structure element ${count} (/${key})`,
          at,
          text
        )
    }
  }
  if (root) walk(root.entries.get('K'), null, 0)
  pages.forEach((p, i) => {
    for (const m of p.content?.marked ?? [])
      if (m.hiddenLayer || (!index.isVisible(m.text) && index.unseen(m.text).reveals))
        findings.text('structure-text', `page ${i + 1}, marked content (/${m.key})`, i, m.text)
  })
}
