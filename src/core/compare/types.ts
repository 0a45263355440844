/**
 * The comparison of two releases of the same papers (issue 14) and its public contract
 * `withheld.diff/1` (../shared/reference/architecture.md, "The comparison contract"). Every box is a
 * `PageRect` of its own file (points, displayed page, origin top-left) and every page index is 0-based,
 * as in `withheld.scan/1`.
 */
import type { PageRect } from '../types'

export const DIFF_FORMAT = 'withheld.diff/1'

/** One word as printed (text layer) or read (OCR) on a page. */
export interface CompareWord {
  readonly text: string
  /** The word's box on the displayed page, points, origin top-left. */
  readonly pageRect: PageRect
}

/** One redaction of a page as the scan found it. */
export interface CompareBox {
  readonly bbox: PageRect
  readonly grounds: readonly string[]
  /** The page is withheld in full and this box stands for all of it (scan kind `page`). */
  readonly wholePage: boolean
  /**
   * False for a candidate the scan was unsure of (status `possible`): it may stand for a box of the
   * other copy (kept), but is never reported as lifted or added on its own.
   */
  readonly sure: boolean
}

export interface ComparePage {
  readonly index: number
  /** Displayed page size in points. */
  readonly width: number
  readonly height: number
  readonly withheldInFull: boolean
  /** Visible words, text layer or OCR. */
  readonly words: readonly CompareWord[]
  /**
   * The words are already in reading order (OCR reads lines as lines, even on a skewed scan, where
   * sorting by height would cut each line into pieces); otherwise they are sorted into lines here.
   */
  readonly wordsInReadingOrder: boolean
  readonly boxes: readonly CompareBox[]
}

export interface CompareDocument {
  /** File name only (never a local path). */
  readonly file: string
  readonly sha256: string
  readonly pages: readonly ComparePage[]
}

export type ChangeStatus = 'lifted' | 'kept' | 'added' | 'ground-changed'

export interface ChangeSide {
  /** 0-based page index in that side's file. */
  readonly page: number
  readonly bbox: PageRect
  readonly grounds: readonly string[]
}

export interface Change {
  readonly status: ChangeStatus
  readonly old: ChangeSide | null
  readonly new: ChangeSide | null
  /**
   * Lifted only: the words the newer copy prints where the box was. Public in that release, so it is
   * shown without --reveal-leaks.
   */
  readonly revealedText?: string
}

export interface DiffResult {
  readonly format: typeof DIFF_FORMAT
  readonly old: { readonly file: string; readonly sha256: string }
  readonly new: { readonly file: string; readonly sha256: string }
  /** Old boxes in reading order (page, top, left), then added boxes in the new copy's order. */
  readonly changes: readonly Change[]
  /** Old pages withheld in full whose counterpart in the newer copy is released. */
  readonly pagesReleased: readonly number[]
}
