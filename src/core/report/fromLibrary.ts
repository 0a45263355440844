/**
 * From the app's library rows (IndexedDB, as the export dialog reads them) to the report input, pure:
 * the app and the CLI then share one report model. The row shapes are declared here by the fields
 * the report reads; the renderer's ReleaseRow, DocumentRow, PageRow and RedactionRow satisfy them.
 * The scope decides what the register lists: a whole release, one document, or the review panel's
 * filter on one document. Pages stay whole in every scope, so the share of page area withheld is
 * always measured against the documents' full page area.
 */
import { inferRegime } from '../grounds/catalogue'
import { matchesFilter, type ReviewFilter } from '../review/reviewItems'
import type { Leak, PageRect, RedactionKind, Regime } from '../types'
import { catalogueFor } from './fromScans'
import type { ReportInput, ReportRedactionInput, ReviewStatus } from './types'

export interface LibraryRelease {
  readonly name: string
  readonly agency: string
  readonly requestRef: string
  readonly requestDate: string
  readonly responseDate: string
  readonly notes: string
  readonly regime: Regime
}

export interface LibraryDocument {
  readonly id: string
  readonly name: string
  readonly sha256: string
  readonly pageCount: number
  readonly analysisState: string
  /** The engine that produced the stored detections, e.g. "withheld 0.1.0". */
  readonly engineVersion: string | null
}

export interface LibraryPage {
  readonly documentId: string
  /** 0-based. */
  readonly pageIndex: number
  /** Displayed size in points, rotation applied. */
  readonly width: number
  readonly height: number
  readonly withheldInFull: boolean
}

export interface LibraryRedaction {
  readonly id: string
  readonly documentId: string
  readonly pageIndex: number
  /** Points on the displayed page, origin top-left. */
  readonly pageRect: PageRect
  readonly kind: RedactionKind
  readonly origin: 'detected' | 'manual'
  readonly grounds: readonly string[]
  readonly label: string | null
  readonly status: ReviewStatus
  readonly note: string
  readonly leak: Leak | null
}

export type ExportScope =
  | { readonly kind: 'release' }
  | { readonly kind: 'document'; readonly documentId: string }
  /** The review panel's filter on one document; `label` says it in words ("Disputed, 9(2)(a)"). */
  | {
      readonly kind: 'filter'
      readonly documentId: string
      readonly filter: ReviewFilter
      readonly label: string
    }

export interface ExportRows<
  R extends LibraryRelease = LibraryRelease,
  D extends LibraryDocument = LibraryDocument,
  P extends LibraryPage = LibraryPage,
  X extends LibraryRedaction = LibraryRedaction
> {
  readonly release: R
  /** The release's documents, oldest import first (the library's order). */
  readonly documents: readonly D[]
  readonly pages: readonly P[]
  readonly redactions: readonly X[]
}

export interface ExportChoices {
  readonly scope: ExportScope
  readonly includeLeakedText: boolean
  readonly thumbnails: boolean
}

/** The words on the report's cover for what it covers. */
export function scopeLabel(rows: ExportRows, scope: ExportScope): string {
  const name = (id: string): string => rows.documents.find((d) => d.id === id)?.name ?? 'one document'
  if (scope.kind === 'release') {
    const n = rows.documents.length
    return `Whole release (${n} document${n === 1 ? '' : 's'})`
  }
  if (scope.kind === 'document') return name(scope.documentId)
  return `${name(scope.documentId)}: only redactions shown by the review filter (${scope.label})`
}

/** Documents whose analysis has not finished: their redactions are missing or partial in a report. */
export const unfinishedDocuments = <D extends LibraryDocument>(
  rows: ExportRows<LibraryRelease, D>,
  scope: ExportScope
): D[] => documentsInScope(rows, scope).filter((d) => d.analysisState !== 'done')

function documentsInScope<D extends LibraryDocument>(
  rows: ExportRows<LibraryRelease, D>,
  scope: ExportScope
): readonly D[] {
  return scope.kind === 'release' ? rows.documents : rows.documents.filter((d) => d.id === scope.documentId)
}

/**
 * @param leakedText recovered text per redaction id, read from the PDFs only when the user asked
 *   for it (the library never stores it).
 */
export function reportInputFromRows(
  rows: ExportRows,
  choices: ExportChoices,
  generatedAt: string,
  leakedText: ReadonlyMap<string, string> = new Map()
): ReportInput {
  const docs = documentsInScope(rows, choices.scope)
  const inScope = new Set(docs.map((d) => d.id))
  const pagesOf = new Map<string, LibraryPage[]>()
  for (const page of rows.pages) {
    if (!inScope.has(page.documentId)) continue
    const list = pagesOf.get(page.documentId) ?? []
    list.push(page)
    pagesOf.set(page.documentId, list)
  }
  const scope = choices.scope
  const redactionsOf = new Map<string, ReportRedactionInput[]>()
  for (const r of rows.redactions) {
    if (!inScope.has(r.documentId)) continue
    if (scope.kind === 'filter' && !matchesFilter(r, scope.filter)) continue
    const list = redactionsOf.get(r.documentId) ?? []
    list.push({
      id: r.id,
      pageIndex: r.pageIndex,
      pageRect: r.pageRect,
      kind: r.kind,
      origin: r.origin,
      grounds: r.grounds,
      label: r.label,
      status: r.status,
      note: r.note,
      leak: r.leak,
      leakedText: choices.includeLeakedText ? (leakedText.get(r.id) ?? null) : null
    })
    redactionsOf.set(r.documentId, list)
  }

  const { release } = rows
  const regime =
    release.regime !== 'unknown'
      ? release.regime
      : inferRegime([...redactionsOf.values()].flatMap((list) => list.flatMap((r) => r.grounds)))
  const engine = docs.find((d) => d.engineVersion)?.engineVersion ?? 'withheld'
  return {
    release: {
      name: release.name,
      agency: release.agency,
      requestRef: release.requestRef,
      requestDate: release.requestDate,
      responseDate: release.responseDate,
      // 'unknown' is left for buildReport to read from the letter, the labels and the grounds.
      regime: release.regime,
      notes: release.notes
    },
    documents: docs.map((d) => ({
      id: d.id,
      name: d.name,
      sha256: d.sha256,
      pageCount: d.pageCount,
      pages: (pagesOf.get(d.id) ?? [])
        .sort((a, b) => a.pageIndex - b.pageIndex)
        .map((p) => ({
          index: p.pageIndex,
          width: p.width,
          height: p.height,
          withheldInFull: p.withheldInFull
        })),
      redactions: redactionsOf.get(d.id) ?? []
    })),
    catalogue: catalogueFor(regime),
    options: {
      includeLeakedText: choices.includeLeakedText,
      scopeLabel: scopeLabel(rows, scope),
      thumbnails: choices.thumbnails
    },
    generatedAt,
    engine
  }
}

/** "MBIE OIA 2026-0412 – redaction report": a file name without folder or extension. */
export function reportBaseName(rows: ExportRows, scope: ExportScope): string {
  const subject =
    scope.kind === 'release'
      ? rows.release.name
      : (rows.documents.find((d) => d.id === scope.documentId)?.name.replace(/\.pdf$/i, '') ??
        rows.release.name)
  return `${subject} – redaction report`
}
