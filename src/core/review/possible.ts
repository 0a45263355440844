/**
 * A detected box the detector was unsure of and nobody has judged yet: shown dimmed until the reviewer
 * confirms it (accept) or dismisses it (delete). Same threshold as the scan contract's `possible`.
 */
import { POSSIBLE_BELOW } from '../scan/finishPage'

export interface PossibleFacts {
  readonly origin: string
  readonly status: string
  readonly confidence: number
  readonly grounds: readonly string[]
}

export const isPossible = (row: PossibleFacts): boolean =>
  row.origin === 'detected' &&
  row.status === 'unreviewed' &&
  row.confidence < POSSIBLE_BELOW &&
  row.grounds.length === 0
