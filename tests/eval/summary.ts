/** What the scorer reads (a scan result, loosely) and what it reports. Types only. */

/** A PageRect: [x0, y0, x1, y1], displayed page, top-left origin, points. */
export type Box = readonly [number, number, number, number]

/** The part of a `withheld.scan/1` result the scorer reads, so tests can write it by hand. */
export interface DetectedFile {
  readonly file: string
  readonly pages: readonly {
    readonly index: number
    readonly withheldInFull: boolean
    readonly redactions: readonly {
      readonly bbox: Box
      readonly kind: string
      readonly grounds: readonly string[]
      readonly leak: { readonly kind: string; readonly chars?: number } | null
      /** Present when the scan ran with revealLeaks. */
      readonly leakedText?: string | null
    }[]
  }[]
}

export interface Prf {
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
  f1: number
}

export interface Summary {
  files: number
  pages: number
  boxes: Prf
  byKind: Record<string, Prf>
  byStyle: Record<string, Prf>
  byDrawnAs: Record<string, Prf>
  byLabelPlacement: Record<string, Prf>
  /** Box scores per file, to find the release a change broke. */
  byFile: Record<string, Prf>
  falsePositives: { count: number; per100Pages: number }
  lookalikes: { total: number; reported: number; per100Pages: number; byStyle: Record<string, number> }
  grounds: {
    matched: number
    correct: number
    accuracy: number
    labelled: number
    labelledCorrect: number
    labelledAccuracy: number
    /** Matched boxes and how many had the right grounds, by where the truth label sits. */
    byPlacement: Record<string, { matched: number; correct: number }>
  }
  /** `charsExact`/`charsClose`: found leaks whose reported length equals / is within 10 % of truth's. */
  leaks: Prf & {
    kindCorrect: number
    charsExact: number
    charsClose: number
    textChecked: number
    textExact: number
  }
  /** Matched boxes whose detected kind (black, white, grey, colour, page, annotation) is the truth's. */
  kinds: { matched: number; correct: number; accuracy: number; confusions: Record<string, number> }
  withheldInFull: Prf
  /** Files with no scan result (the scan failed); their truth counts as missed. */
  missingFiles: string[]
  /** Every mistake, for whoever tunes the engine: `.eval/results.json` carries them in full. */
  details: Details
}

export interface Details {
  missed: {
    file: string
    page: number
    bbox: Box
    kind: string
    style: string
    drawnAs: string
    labelPlacement: string
    bestIou: number
  }[]
  falsePositives: {
    file: string
    page: number
    bbox: Box
    kind: string
    lookalike: string | null
    overlapsTruth: string | null
  }[]
  wrongGrounds: {
    file: string
    page: number
    bbox: Box
    label: string | null
    truth: readonly string[]
    detected: readonly string[]
  }[]
  missedLeaks: { file: string; page: number; bbox: Box; leak: string; matched: boolean }[]
  falseLeaks: { file: string; page: number; bbox: Box; kind: string }[]
  withheldErrors: { file: string; page: number; truth: boolean; detected: boolean }[]
  /** Found leaks whose reported length is more than 10 % off. */
  leakLengths: { file: string; page: number; bbox: Box; truth: number; detected: number }[]
  /** Revealed leak text that differs from what lies under the box (whitespace ignored). */
  leakTexts: { file: string; page: number; bbox: Box; truth: string; detected: string }[]
}
