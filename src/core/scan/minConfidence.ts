/**
 * `scan --min-confidence C`: a result without the candidates the detector is less sure of than C.
 * A page withheld in full keeps its page redaction (the page's verdict stands on its own), and the
 * summary is counted again from what is left.
 */
import type { ScanResult } from '../types'
import { summarise } from './scanDocument'

export function withMinConfidence(result: ScanResult, min: number): ScanResult {
  if (!(min > 0)) return result
  const pages = result.pages.map((page) => ({
    ...page,
    redactions: page.redactions.filter((r) => r.kind === 'page' || r.confidence >= min)
  }))
  return { ...result, pages, summary: summarise(pages) }
}
