/**
 * A scan result (`withheld.scan/1`) and its pages' visible words as the comparison's input. Only
 * boxes the scan is sure of take part: a "possible" candidate (under the confidence threshold) that
 * is a shadow or a chart bar in one copy would otherwise show up as lifted or added.
 */
import type { ScanResult } from '../types'
import type { CompareDocument, CompareWord } from './types'

export function compareDocumentFromScan(
  scan: ScanResult,
  wordsByPage: readonly (readonly CompareWord[])[]
): CompareDocument {
  return {
    file: scan.file,
    sha256: scan.sha256,
    pages: scan.pages.map((page) => ({
      index: page.index,
      width: page.width,
      height: page.height,
      withheldInFull: page.withheldInFull,
      words: wordsByPage[page.index] ?? [],
      boxes: page.redactions
        .filter((r) => r.kind === 'page' || r.status !== 'possible')
        .map((r) => ({ bbox: r.bbox, grounds: r.grounds, wholePage: r.kind === 'page' }))
    }))
  }
}
