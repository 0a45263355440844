/**
 * The redaction report (issue 6): its input as plain data (what the app's database or a CLI scan
 * holds) and its output model, versioned `withheld.report/1`. Every renderer (HTML, CSV, JSON,
 * Markdown) reads only the `Report`, so they agree on every number. Text that came from PDFs (labels,
 * names, notes, leaked text) is carried as is here and escaped by each renderer.
 */
import type { DocumentAudit } from '../types'
import type { ReportLeakAudit } from './leakAudit'
import type { Ground, GroundFamily } from '../grounds/catalogue'
import type { Leak, PageRect, RedactionKind, Regime } from '../types'
import type { RegimeBasis, UnsupportedStatute } from './regime'

export const REPORT_SCHEMA = 'withheld.report/1' as const

export type ReviewStatus = 'unreviewed' | 'accepted' | 'disputed'
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['unreviewed', 'accepted', 'disputed']

export interface ReportReleaseInput {
  /** What the user calls the release, e.g. "MBIE OIA 2026-0412". */
  readonly name: string
  readonly agency: string
  /** The agency's reference for the request. */
  readonly requestRef: string
  /** ISO dates (yyyy-mm-dd) or '' when unknown. */
  readonly requestDate: string
  readonly responseDate: string
  /** 'unknown' lets the report infer the regime from the grounds cited. */
  readonly regime: Regime
  readonly notes: string
  /** Codes the response letter cited, for the reconciliation; empty when no letter was read. */
  readonly letterGrounds?: readonly string[]
  /** The response letter's text, to read the regime from the statute it names (never printed). */
  readonly letterText?: string
}

export interface ReportPageInput {
  /** 0-based. */
  readonly index: number
  /** Displayed size in points, rotation applied. */
  readonly width: number
  readonly height: number
  readonly withheldInFull: boolean
}

export interface ReportRedactionInput {
  readonly id: string
  /** 0-based. */
  readonly pageIndex: number
  /** Points on the displayed page, origin top-left. */
  readonly pageRect: PageRect
  readonly kind: RedactionKind
  readonly origin: 'detected' | 'manual'
  /** Catalogue codes as tagged. */
  readonly grounds: readonly string[]
  /** The label as printed on or beside the box, or null. */
  readonly label: string | null
  readonly status: ReviewStatus
  readonly note: string
  readonly leak: Leak | null
  /** The recoverable text, when the caller has it; shown only with `includeLeakedText`. */
  readonly leakedText?: string | null
}

export interface ReportDocumentInput {
  readonly id: string
  /** File name only, never a path. */
  readonly name: string
  readonly sha256: string
  readonly pageCount: number
  readonly pages: readonly ReportPageInput[]
  readonly redactions: readonly ReportRedactionInput[]
  /** The deep leak audit of the scan (issue 13), where the document was scanned with it. */
  readonly audit?: DocumentAudit
}

export interface ReportOptions {
  /** Re-publish text recovered from under boxes. Off by default: the report must not leak it again. */
  readonly includeLeakedText: boolean
  /** What the report covers, in words: "Whole release", "briefing.pdf", "Disputed only". */
  readonly scopeLabel: string
  /** Draw each page with redactions as an outline with its boxes (HTML only). Default true. */
  readonly thumbnails?: boolean
}

export interface ReportInput {
  readonly release: ReportReleaseInput
  readonly documents: readonly ReportDocumentInput[]
  /** Grounds to explain codes with; the first entry for a code wins (put the release's Act first). */
  readonly catalogue: readonly Ground[]
  readonly options: ReportOptions
  /** ISO timestamp printed on the cover; passed in so a report is reproducible. */
  readonly generatedAt: string
  /** e.g. "withheld 0.1.0". */
  readonly engine: string
}

/** How a ground's class bears on a challenge: OIA s 6 is conclusive, s 9 is weighed against the public interest. */
export type GroundClass = 'conclusive' | 'public-interest' | 'us-exemption' | 'refusal' | 'other' | 'unknown'

export interface GroundCount {
  readonly code: string
  readonly count: number
  readonly areaPt2: number
  readonly estWords: number
}

export interface ReportSummary {
  readonly documents: number
  readonly pages: number
  readonly pagesWithheldInFull: number
  readonly redactions: number
  /** Per code; a box citing two grounds counts under both. Sorted by count, then code. */
  readonly byGround: readonly GroundCount[]
  /** Redactions citing at least one ground of each class (OIA s 6 conclusive vs s 9 public interest…). */
  readonly byClass: Readonly<Record<GroundClass, number>>
  /** Redactions with no ground printed or tagged. */
  readonly withoutGround: number
  readonly byStatus: Readonly<Record<ReviewStatus, number>>
  /** Sum of box areas in pt² (overlapping boxes count twice; detection rarely overlaps). */
  readonly withheldAreaPt2: number
  /** Withheld area as a percentage of the total area of every page in scope. */
  readonly withheldAreaPercent: number
  readonly estWords: number
  /** The assumption behind estWords, in words. */
  readonly estWordsBasis: string
  readonly leaks: number
}

export interface GroundSection {
  readonly code: string
  /** Short label from the catalogue, or null when the code is not in it. */
  readonly label: string | null
  readonly meaning: string | null
  readonly family: GroundFamily | null
  readonly groundClass: GroundClass
  readonly count: number
  readonly areaPt2: number
  readonly estWords: number
  /** Questions the requester can put to the agency about this ground. */
  readonly whatToAsk: readonly string[]
}

export interface RegisterRow {
  /** 1-based reference in reading order, used by thumbnails, leaks and the complaint. */
  readonly ref: number
  readonly redactionId: string
  readonly documentId: string
  readonly documentName: string
  readonly documentSha256: string
  /** 0-based; `pageNumber` is what UI text shows. */
  readonly pageIndex: number
  readonly pageNumber: number
  readonly pageRect: PageRect
  /** "top left", "middle, full width", "whole page". */
  readonly position: string
  readonly kind: RedactionKind
  readonly origin: 'detected' | 'manual'
  readonly label: string | null
  readonly grounds: readonly string[]
  /** "9(2)(a) Privacy: Protect the privacy…" per ground, from the catalogue. */
  readonly meanings: readonly string[]
  readonly status: ReviewStatus
  readonly note: string
  readonly areaPt2: number
  readonly estWords: number
  readonly leak: Leak | null
  /** Null unless the report was built with includeLeakedText. */
  readonly leakedText: string | null
}

/** What `Leak.chars` counts: characters of text, or ink marks seen in an image (no text to count). */
export type LeakUnit = 'characters' | 'ink marks'

export interface ReportLeak {
  readonly ref: number
  readonly documentName: string
  readonly pageNumber: number
  readonly leak: Leak
  readonly unit: LeakUnit
  readonly leakedText: string | null
}

export interface ReportPage {
  readonly documentId: string
  readonly documentName: string
  readonly pageNumber: number
  readonly width: number
  readonly height: number
  readonly withheldInFull: boolean
  /** Register refs on this page, in reading order. */
  readonly refs: readonly number[]
}

export interface Reconciliation {
  readonly letterGrounds: readonly string[]
  /** Cited in the letter but on no redaction. */
  readonly citedNotUsed: readonly string[]
  /** On redactions but not cited in the letter: the agency gave no reason for these (OIA s 19(a)(i)). */
  readonly usedNotCited: readonly string[]
}

export interface ComplaintDraft {
  readonly title: string
  /** '' when no route is drafted (regime undetermined or not supported). */
  readonly addressee: string
  readonly paragraphs: readonly string[]
  /** The disputed redactions, with the reviewer's notes. */
  readonly items: readonly {
    readonly ref: number
    readonly documentName: string
    readonly pageNumber: number
    readonly position: string
    readonly grounds: readonly string[]
    readonly label: string | null
    readonly note: string
  }[]
}

export interface Report {
  readonly schema: typeof REPORT_SCHEMA
  readonly engine: string
  readonly generatedAt: string
  readonly cover: {
    readonly title: string
    readonly agency: string
    readonly requestRef: string
    readonly requestDate: string
    readonly responseDate: string
    readonly regime: Regime
    readonly regimeName: string
    /** Where the regime was read from: the release, the letter, the labels, the grounds, or nowhere. */
    readonly regimeBasis: RegimeBasis
    /** A law named in the letter or on a box that Withheld does not support yet (regime 'unknown'). */
    readonly unsupportedStatute: UnsupportedStatute | null
    /** Why the report gives no advice, when it gives none; null when the regime is supported. */
    readonly regimeNote: string | null
    readonly notes: string
    readonly scope: string
    readonly includesLeakedText: boolean
    readonly documents: readonly {
      readonly name: string
      readonly sha256: string
      readonly pageCount: number
    }[]
  }
  readonly summary: ReportSummary
  readonly grounds: readonly GroundSection[]
  /** Applies to every redaction whatever its ground. */
  readonly generalAsks: readonly string[]
  readonly reconciliation: Reconciliation | null
  readonly leaks: readonly ReportLeak[]
  /** Verdicts and counts of the leak audit; absent when no document carries one. */
  readonly leakAudit?: ReportLeakAudit
  readonly pages: readonly ReportPage[]
  readonly register: readonly RegisterRow[]
  /** Null when nothing is disputed. */
  readonly complaint: ComplaintDraft | null
  readonly thumbnails: boolean
}
