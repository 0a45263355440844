/**
 * The domain types every layer shares, including the public scan contract `withheld.scan/1`
 * (../shared/reference/architecture.md). Coordinates: a `PageRect` is in PDF points on the
 * displayed page (rotation and CropBox applied), origin top-left, y down — a pdf.js viewport at
 * scale 1. Raw PDF user space (`PdfRect`, origin bottom-left) never leaves core's PDF adapters.
 */

/** [x0, y0, x1, y1] in points on the displayed page, origin top-left, x0 ≤ x1, y0 ≤ y1. */
export type PageRect = readonly [x0: number, y0: number, x1: number, y1: number]

/** [x0, y0, x1, y1] in raw PDF user-space points, origin bottom-left. Core adapters only. */
export type PdfRect = readonly [x0: number, y0: number, x1: number, y1: number]

/** An affine transform [a, b, c, d, e, f] as PDF and pdf.js write it. */
export type Matrix = readonly [a: number, b: number, c: number, d: number, e: number, f: number]

/** What a redaction looks like: fill colour class, a whole page, or an unapplied /Redact mark. */
export type RedactionKind = 'black' | 'white' | 'grey' | 'colour' | 'page' | 'annotation'

/** How it was found: vector fill, page image pixels, a /Redact annotation, or the page as a whole. */
export type RedactionSource = 'vector' | 'raster' | 'annotation' | 'page'

export type LeakKind =
  'text-under-box' | 'text-same-colour' | 'image-under-box' | 'unapplied-annotation' | AuditLeakKind

/** What the deep leak audit (src/core/audit) finds outside the boxes: where else a release gives itself away. */
export type AuditLeakKind =
  | 'earlier-revision'
  | 'orphan-object'
  | 'metadata'
  | 'annotation'
  | 'form-field'
  | 'attachment'
  | 'outline'
  | 'page-label'
  | 'named-destination'
  | 'thumbnail'
  | 'hidden-layer'
  | 'outside-crop'
  | 'invisible-text'
  | 'structure-text'

/** Content still recoverable from under a box. Never carries the text itself. */
export interface Leak {
  readonly kind: LeakKind
  /** Non-whitespace characters recoverable. */
  readonly chars: number
  /** SHA-256 (hex) of the recoverable text (or image bytes), so two reports can be compared. */
  readonly sha256: string
}

/** The withholding regime a release is under, inferred from the grounds it cites. */
export type Regime = 'nz-oia' | 'nz-lgoima' | 'us-foia' | 'unknown'

export interface ScanRedaction {
  /** Box on the displayed page, points, origin top-left. */
  readonly bbox: PageRect
  readonly kind: RedactionKind
  readonly source: RedactionSource
  /** 0..1: how sure the detector is that this is a redaction. */
  readonly confidence: number
  /** The ground label as printed on or beside the box, or null where none was found. */
  readonly label: string | null
  /** Catalogue codes without "s"/"section": NZ `9(2)(g)(i)`, US `(b)(7)(C)`, or `out-of-scope`. */
  readonly grounds: readonly string[]
  readonly leak: Leak | null
  /** The recoverable text: null unless the caller asked to reveal leaks. */
  readonly leakedText: string | null
  /**
   * Why this is a redaction: `label` (a ground printed on or beside it), `covers-text`, `text-line`
   * (sits in a line of text at text height), `flat-fill`, `hard-edges`, `outline`, `page-size-box`,
   * `placeholder-text`, `redact-annotation`, `marker-stroke`.
   */
  readonly evidence: readonly string[]
  /** `possible` below POSSIBLE_BELOW confidence: shown dimmed, for the reviewer to confirm or dismiss. */
  readonly status: RedactionStatus
  /** Groups the bars of one withheld passage (adjacent lines, same grounds); the bars stay separate. */
  readonly passage: string | null
}

export type RedactionStatus = 'found' | 'possible'

export interface ScanPage {
  /** 0-based. */
  readonly index: number
  /** Displayed page size in points (rotation applied). */
  readonly width: number
  readonly height: number
  /** /Rotate in degrees clockwise: 0, 90, 180 or 270. */
  readonly rotation: number
  /** The page is essentially one image (a scan) rather than born-digital text. */
  readonly scanned: boolean
  /** The page carries extractable text. */
  readonly hasTextLayer: boolean
  readonly withheldInFull: boolean
  readonly redactions: readonly ScanRedaction[]
  /** Set when this page could not be analysed; the rest of the document still was. */
  readonly error?: string
  /**
   * The words OCR read on a scanned page that has no text layer of its own, for search. Present only
   * when the caller asked (ScanOcr.pageText); never a word under a box unless leaks are revealed.
   */
  readonly ocrWords?: readonly OcrWordOnPage[]
}

/** One word OCR read on a page. */
export interface OcrWordOnPage {
  readonly text: string
  /** The word's box: points on the displayed page, origin top-left (the scan contract's bbox space). */
  readonly pageRect: PageRect
  /** 0..100, as the OCR engine reports it. */
  readonly confidence: number
}

export interface ScanSummary {
  readonly redactions: number
  readonly pagesWithheldInFull: number
  readonly leaks: number
  /** Redaction count per catalogue code; a box citing two grounds counts under both. */
  readonly byGround: Readonly<Record<string, number>>
}

/** `withheld scan --format json`: a public, versioned interface. */
export interface ScanResult {
  readonly schema: 'withheld.scan/1'
  readonly engine: string
  /** File name only, never a path (reports carry no local paths). */
  readonly file: string
  readonly sha256: string
  readonly pageCount: number
  readonly producer: string | null
  readonly regime: Regime
  readonly pages: readonly ScanPage[]
  readonly summary: ScanSummary
  /** The deep leak audit and its verdict; absent only where the audit was not run (metadata-only looks). */
  readonly audit?: DocumentAudit
}

/** One thing the audit found outside the boxes. Never carries the text unless leaks are revealed. */
export interface AuditFinding {
  readonly kind: AuditLeakKind
  /** Where it is, in words that copy nothing from the PDF: "page 2, annotation 1", "revision 1 of 3, page 4". */
  readonly where: string
  /** 0-based page, or null for document-wide parts (metadata, attachments, bookmarks). */
  readonly pageIndex: number | null
  /** For attachments, thumbnails and images `chars` is their size in bytes. */
  readonly leak: Leak
  /** The recoverable text (or an attachment's file name): null unless the caller asked to reveal leaks. */
  readonly text: string | null
}

export interface DocumentAudit {
  /**
   * `incomplete` when any part could not be read (what was found is still listed and counted), else
   * `leaks` when anything was found, else `clean`: never clean by default.
   */
  readonly verdict: 'clean' | 'leaks' | 'incomplete'
  /** The parts the audit read (revisions, metadata, annotations…). */
  readonly checked: readonly string[]
  readonly unread: readonly { readonly what: string; readonly why: string }[]
  /** Findings by kind, page leaks (text under boxes…) included. */
  readonly counts: Readonly<Partial<Record<LeakKind, number>>>
  readonly findings: readonly AuditFinding[]
}

/** Per-page facts gathered before detection, enough to lay out the viewer. */
export interface PageMeta {
  readonly index: number
  /** Displayed size in points, rotation applied. */
  readonly width: number
  readonly height: number
  readonly rotation: number
  readonly hasTextLayer: boolean
}

export interface DocumentMeta {
  readonly pageCount: number
  readonly producer: string | null
  readonly title: string | null
  readonly encrypted: boolean
  readonly pages: readonly PageMeta[]
}

export const SCAN_SCHEMA = 'withheld.scan/1' as const
export const ENGINE_VERSION = 'withheld 0.1.0'
