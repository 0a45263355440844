/**
 * The deep leak audit of one document (issue 13): everything a "redacted" release still gives away
 * outside its boxes, and one verdict that admits what could not be read. It reads the raw file
 * (pdfFile.ts) because pdf.js shows only the newest revision and hides most objects, and judges what
 * it finds against the page scan's boxes (their positions, and the text under them).
 *
 * Verdict: `incomplete` when any part could not be read (damaged cross-reference data, an
 * unsupported filter, encryption, an attachment that cannot be opened, a page the scan could not
 * analyse), since then a clean result proves nothing; the findings are still listed and counted.
 * Otherwise `leaks` when anything was found (page leaks such as text under a box included), and
 * `clean` only when every part was read and nothing was found.
 */
import type { AuditFinding, DocumentAudit, LeakKind, ScanPage } from '../types'
import {
  attachedFiles,
  auditDestinations,
  auditMetadata,
  auditOutlines,
  looksLikePdf
} from './documentChecks'
import { Findings, TextIndex } from './findings'
import { auditStructure } from './structureChecks'
import { auditFormFields, auditPageContent, auditPageParts, type PageAudit } from './pageChecks'
import { PdfDocumentView } from './pdfDocument'
import { PdfFile, type Unread } from './pdfFile'
import { auditOrphans, auditRevisions } from './revisionChecks'
import type { Inflate } from './streamFilters'
import type { PdfDict } from './pdfSyntax'

export type { Inflate } from './streamFilters'

export interface AuditInput {
  readonly bytes: Uint8Array
  /** The page scan's result, page by page (its boxes, its leaks); empty for an attachment. */
  readonly pages: readonly ScanPage[]
  readonly revealLeaks: boolean
  readonly inflate: Inflate
}

/** Attached PDFs inside attached PDFs are audited to this depth. */
const MAX_ATTACHMENT_DEPTH = 3

export const CHECKED_PARTS = [
  'revisions',
  'orphan objects',
  'metadata',
  'annotations',
  'form fields',
  'attachments',
  'bookmarks',
  'named destinations',
  'page labels',
  'thumbnails',
  'hidden layers',
  'content outside the page',
  'invisible text',
  'structure tree'
] as const

interface RawAudit {
  findings: AuditFinding[]
  unread: Unread[]
}

function auditRaw(input: AuditInput, depth: number): RawAudit {
  const file = new PdfFile(input.bytes, input.inflate)
  const findings = new Findings(input.revealLeaks)
  const unread: Unread[] = []
  const current = file.current
  if (!current || file.encrypted) return { findings: [], unread: [...file.unread] }
  const view = new PdfDocumentView(file, current)
  const index = new TextIndex()
  const pages = view.pages()
  if (pages.length === 0) file.note('page tree', 'no pages could be found')
  const audits: PageAudit[] = pages.map((page, i) =>
    auditPageContent(view, page, i, input.pages[i], index, findings)
  )
  const fileSpecs: PdfDict[] = []
  audits.forEach((audit, i) => fileSpecs.push(...auditPageParts(view, audit, i, index, findings)))
  auditFormFields(view, audits, findings)
  auditMetadata(view, index, findings)
  auditOutlines(view, index, findings)
  auditDestinations(view, index, findings)
  auditStructure(view, audits, index, findings)
  auditRevisions(file, view, findings)
  auditOrphans(file, view, findings)
  for (const attached of attachedFiles(view, fileSpecs)) {
    const label = attached.name || 'unnamed'
    if (!attached.bytes) {
      unread.push({ what: attached.where, why: attached.why ?? 'unreadable' })
      continue
    }
    findings.bytes(
      'attachment',
      `${attached.where} (${attached.bytes.length} bytes${looksLikePdf(attached.bytes) ? ', a PDF' : ''})`,
      null,
      attached.bytes,
      label
    )
    if (!looksLikePdf(attached.bytes)) continue
    if (depth >= MAX_ATTACHMENT_DEPTH) {
      unread.push({ what: attached.where, why: 'attachments nested this deep are not opened' })
      continue
    }
    const inner = auditRaw({ ...input, bytes: attached.bytes, pages: [] }, depth + 1)
    for (const f of inner.findings)
      findings.list.push({ ...f, where: `${attached.where} › ${f.where}`, pageIndex: null })
    for (const u of inner.unread) unread.push({ what: `${attached.where} › ${u.what}`, why: u.why })
  }
  return { findings: findings.list, unread: [...file.unread, ...unread] }
}

export function auditDocument(input: AuditInput): DocumentAudit {
  let raw: RawAudit
  try {
    raw = auditRaw(input, 0)
  } catch (err) {
    // A parser bug must never pass a document as clean.
    raw = {
      findings: [],
      unread: [
        { what: 'the file', why: `the audit stopped: ${err instanceof Error ? err.message : String(err)}` }
      ]
    }
  }
  const counts: Partial<Record<LeakKind, number>> = {}
  for (const page of input.pages)
    for (const r of page.redactions) if (r.leak) counts[r.leak.kind] = (counts[r.leak.kind] ?? 0) + 1
  for (const f of raw.findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1
  const unread = [...raw.unread]
  for (const page of input.pages)
    if (page.error) unread.push({ what: `page ${page.index + 1}`, why: 'the page scan could not analyse it' })
  const anyLeak = Object.values(counts).some((n) => (n ?? 0) > 0)
  return {
    verdict: unread.length > 0 ? 'incomplete' : anyLeak ? 'leaks' : 'clean',
    checked: [...CHECKED_PARTS],
    unread,
    counts,
    findings: raw.findings
  }
}
