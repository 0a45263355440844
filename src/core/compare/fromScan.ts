/**
 * A scan result (`withheld.scan/1`) and its pages' text-layer words as the comparison's input. A page
 * with no text layer of its own (a scan) takes the words the scan's OCR read (ScanPage.ocrWords). Only
 * boxes the scan is sure of take part: a "possible" candidate (under the confidence threshold) that
 * is a shadow or a chart bar in one copy would otherwise show up as lifted or added.
 */
import type { ScanResult } from '../types'
import type { CompareDocument, CompareWord } from './types'

export function compareDocumentFromScan(
  scan: ScanResult,
  textLayerWords: readonly (readonly CompareWord[])[]
): CompareDocument {
  const wordsOf = (page: ScanResult['pages'][number]): readonly CompareWord[] => {
    const own = textLayerWords[page.index] ?? []
    return own.length > 0 ? own : (page.ocrWords ?? []).map((w) => ({ text: w.text, pageRect: w.pageRect }))
  }
  return {
    file: scan.file,
    sha256: scan.sha256,
    pages: scan.pages.map((page) => ({
      index: page.index,
      width: page.width,
      height: page.height,
      withheldInFull: page.withheldInFull,
      words: wordsOf(page),
      boxes: page.redactions
        .filter((r) => r.kind === 'page' || r.status !== 'possible')
        .map((r) => ({ bbox: r.bbox, grounds: r.grounds, wholePage: r.kind === 'page' }))
    }))
  }
}
