/**
 * The report's "Leak audit" section (issue 13): each document's verdict from the deep leak audit,
 * its count per leak kind and the parts it could not read, and release-wide totals. Counts and
 * verdicts only: the report never carries what the audit recovered (the scan output does, with
 * --reveal-leaks). Absent when no document was audited (the app's library does not store audits yet).
 */
import type { DocumentAudit, LeakKind } from '../types'
import { esc } from './htmlParts'

export interface ReportLeakAudit {
  readonly documents: readonly {
    readonly name: string
    readonly verdict: DocumentAudit['verdict']
    readonly counts: Readonly<Partial<Record<LeakKind, number>>>
    readonly unread: readonly { readonly what: string; readonly why: string }[]
  }[]
  /** Findings per kind across the release. */
  readonly totals: Readonly<Partial<Record<LeakKind, number>>>
  readonly verdicts: Readonly<Record<DocumentAudit['verdict'], number>>
}

export function buildLeakAudit(
  documents: readonly { readonly name: string; readonly audit?: DocumentAudit }[]
): ReportLeakAudit | null {
  const audited = documents.filter((d) => d.audit !== undefined)
  if (audited.length === 0) return null
  const totals: Partial<Record<LeakKind, number>> = {}
  const verdicts = { clean: 0, leaks: 0, incomplete: 0 }
  for (const d of audited) {
    verdicts[d.audit!.verdict]++
    for (const [kind, n] of Object.entries(d.audit!.counts))
      totals[kind as LeakKind] = (totals[kind as LeakKind] ?? 0) + (n ?? 0)
  }
  return {
    documents: audited.map((d) => ({
      name: d.name,
      verdict: d.audit!.verdict,
      counts: d.audit!.counts,
      unread: d.audit!.unread
    })),
    totals,
    verdicts
  }
}

const countsText = (counts: Readonly<Partial<Record<string, number>>>): string =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ') || 'none'

export function leakAuditMarkdown(audit: ReportLeakAudit, mdText: (s: string) => string): string[] {
  const v = audit.verdicts
  const out = [
    '## Leak audit',
    '',
    `Documents: ${v.leaks} with leaks, ${v.incomplete} not fully checked, ${v.clean} clean. Found across the release: ${countsText(audit.totals)}.`,
    '',
    '| Document | Verdict | Found | Not read |',
    '| --- | --- | --- | --- |'
  ]
  for (const d of audit.documents)
    out.push(
      `| ${mdText(d.name)} | ${d.verdict} | ${countsText(d.counts)} | ${mdText(d.unread.map((u) => `${u.what}: ${u.why}`).join('; '))} |`
    )
  out.push('')
  return out
}

export function leakAuditHtml(audit: ReportLeakAudit | null | undefined): string {
  if (!audit) return ''
  const v = audit.verdicts
  const rows = audit.documents
    .map(
      (d) =>
        `<tr><td class="wrap">${esc(d.name)}</td><td>${esc(d.verdict)}</td><td class="wrap">${esc(countsText(d.counts))}</td><td class="wrap">${esc(d.unread.map((u) => `${u.what}: ${u.why}`).join('; '))}</td></tr>`
    )
    .join('')
  return `<section id="leak-audit" aria-labelledby="h-leak-audit"><h2 id="h-leak-audit">Leak audit</h2>
<p>Beyond the boxes: earlier revisions, metadata, annotations, form fields, attachments, bookmarks, hidden layers, invisible text and the structure tree. ${v.leaks} ${v.leaks === 1 ? 'document leaks' : 'documents leak'}, ${v.incomplete} could not be fully checked, ${v.clean} ${v.clean === 1 ? 'is' : 'are'} clean. Found across the release: ${esc(countsText(audit.totals))}. What was found is counted here, never shown.</p>
<table><caption>Leak audit per document</caption><thead><tr><th scope="col">Document</th><th scope="col">Verdict</th><th scope="col">Found</th><th scope="col">Not read</th></tr></thead><tbody>${rows}</tbody></table>
</section>`
}
