/**
 * IndexedDB row types (architecture.md, data model). Rows end in `Row`; domain types from core don't.
 * Every field that holds a coordinate says its space: `pageRect` is points on the displayed page,
 * origin top-left (see src/core/types.ts).
 */
import type {
  DocumentAudit,
  Leak,
  OcrWordOnPage,
  PageRect,
  RedactionKind,
  RedactionSource,
  Regime
} from '@core/types'

export interface ReleaseRow {
  id: string
  /** What the user calls it, e.g. "MBIE OIA 2026-0412". */
  name: string
  agency: string
  /** The agency's reference for the request. */
  requestRef: string
  /** ISO dates (yyyy-mm-dd) or '' when unknown. */
  requestDate: string
  responseDate: string
  notes: string
  regime: Regime
  createdAt: number
  updatedAt: number
}

export type AnalysisState =
  | 'pending' // imported, analysis not started or interrupted
  | 'running'
  | 'done'
  | 'failed' // invalid, timeout, memory or crash: see analysisError
  | 'needs-password'

export interface DocumentRow {
  id: string
  releaseId: string
  name: string
  /** Hex SHA-256 of the bytes; unique: the same file is never stored twice. */
  sha256: string
  byteSize: number
  /** 0 until the analysis worker has read the document. */
  pageCount: number
  producer: string | null
  title: string | null
  importedAt: number
  analysisState: AnalysisState
  /** One sentence for the user when analysisState is failed. */
  analysisError: string | null
  /** Pages analysed so far, for progress. */
  analysedPages: number
  /** The engine that produced the stored detections, e.g. "withheld 0.1.0". */
  engineVersion: string | null
  /** The document is the agency's response letter (its cited grounds are reconciled later). */
  isResponseLetter: boolean
}

/** PDF bytes, kept apart from DocumentRow so lists stay light. */
export interface FileRow {
  documentId: string
  bytes: Blob
}

export interface PageRow {
  documentId: string
  /** 0-based. */
  pageIndex: number
  /** Displayed size in points, rotation applied. */
  width: number
  height: number
  rotation: number
  hasTextLayer: boolean
  scanned: boolean
  withheldInFull: boolean
  /** Set when the engine could not analyse this page. */
  error: string | null
}

/**
 * The words OCR read on a scanned page without text of its own, for search (schema version 2). Kept
 * apart from PageRow so page lists stay light: a page of print is ~300 words. Never holds a word that
 * lay under a box when the page was analysed (the analysis runs with leaks hidden).
 */
export interface PageWordsRow {
  documentId: string
  /** 0-based. */
  pageIndex: number
  /** In the order OCR gave them; each word's box is a pageRect (points, displayed page, top-left). */
  words: OcrWordOnPage[]
}

/**
 * The deep leak audit of one document as its last full analysis gave it (schema version 3, issue 13):
 * the verdict, what was read and what could not be, counts per kind and each finding's place. A
 * document without a row was never audited (imported before version 3): never shown as clean. Every
 * finding's `text` is null: the analysis runs with leaks hidden, and writes null it anyway.
 */
export interface DocumentAuditRow {
  documentId: string
  audit: DocumentAudit
}

export type ReviewStatus = 'unreviewed' | 'accepted' | 'disputed'

export interface RedactionRow {
  id: string
  documentId: string
  pageIndex: number
  pageRect: PageRect
  kind: RedactionKind
  /** `detected` by the engine or drawn by the user (`manual`). */
  origin: 'detected' | 'manual'
  /** Engine source (vector, raster, annotation, page); null for manual boxes. */
  source: RedactionSource | null
  /** 0..1 detector confidence; 1 for manual boxes. */
  confidence: number
  /** Ground codes as tagged (starts as the detected ones). */
  grounds: string[]
  /** Label as printed on the page, or null. */
  label: string | null
  status: ReviewStatus
  note: string
  leak: Leak | null
  createdAt: number
  updatedAt: number
}

/** Last view of a document, restored when it is reopened. */
export interface ViewStateRow {
  documentId: string
  pageIndex: number
  /** Zoom as a CSS-px-per-point factor, or a fit mode. */
  zoom: number | 'fit-width' | 'fit-page'
  updatedAt: number
}

/** Every user change as an inverse-able record: undo/redo and an audit trail. */
export interface HistoryRow {
  id?: number
  at: number
  /** What the user did, in words, e.g. "Delete document briefing.pdf". */
  label: string
  /** Table writes to apply for undo and redo, each a list of puts and deletes. */
  undo: HistoryChange[]
  redo: HistoryChange[]
  /** Undone entries stay for redo until a new action replaces them. */
  undone: boolean
}

export type HistoryChange =
  { op: 'put'; table: HistoryTable; row: unknown } | { op: 'delete'; table: HistoryTable; key: unknown }

export type HistoryTable =
  'releases' | 'documents' | 'files' | 'pages' | 'pageWords' | 'documentAudits' | 'redactions'
