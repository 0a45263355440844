/**
 * A scan result (`withheld.scan/1`) and its pages' text-layer words as the comparison's input. A page
 * with no text layer of its own (a scan) takes the words the scan's OCR read (ScanPage.ocrWords), in
 * OCR's reading order. A "possible" candidate (under the confidence threshold) comes in unsure: on a
 * scan many real boxes are, but one that is a shadow or a chart bar must not show up as added.
 */
import type { ScanResult } from '../types'
import type { CompareDocument, CompareWord } from './types'

export function compareDocumentFromScan(
  scan: ScanResult,
  textLayerWords: readonly (readonly CompareWord[])[]
): CompareDocument {
  const ownWords = (page: ScanResult['pages'][number]): readonly CompareWord[] =>
    textLayerWords[page.index] ?? []
  const wordsOf = (page: ScanResult['pages'][number]): readonly CompareWord[] => {
    const own = ownWords(page)
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
      wordsInReadingOrder: ownWords(page).length === 0,
      boxes: page.redactions.map((r) => ({
        bbox: r.bbox,
        grounds: r.grounds,
        wholePage: r.kind === 'page',
        sure: r.kind === 'page' || r.status !== 'possible'
      }))
    }))
  }
}
