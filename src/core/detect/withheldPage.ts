/**
 * Pages withheld in full: a page-size box, a placeholder page ("Withheld in full under section
 * 9(2)(j)", "Page withheld", "Pages 5–6 withheld under s 9(2)(g)(i)", "Document withheld in full";
 * other regimes' releases say it in their language: Dutch "Pagina's zijn verwijderd", German
 * "entfernt", French "retirée"), or an otherwise blank page that cites a ground.
 */
import { parseGrounds } from '../grounds/parseGrounds'
import type { TextRun } from './textRuns'

/** A placeholder says so in a sentence or two; a page of prose that mentions withholding is not one. */
const PLACEHOLDER_MAX_WORDS = 45
const WITHHELD_PHRASE =
  /(?<![\p{L}])(?:withheld|withholding|not\s+released|refused|redacted\s+in\s+full|removed|deleted|excluded|omitted|exempt(?:ed)?\s+in\s+full|verwijderd|geweigerd|weggelaten|niet\s+openbaar|entfernt|geschwärzt|retirée?s?|supprimée?s?|caviardée?s?)(?![\p{L}])/iu
/**
 * Page furniture that does not count against a placeholder: page numbers and ranges ("Page 3 of 10",
 * "2 - 2", "pagina 4 van 9"), and bare numbers such as a document's number in its header.
 */
const FURNITURE = /^(?:page|pagina|p\.)?\s*\d+(?:\s*(?:of|van|\/|-|–|t\/m)\s*\d+)?$/iu

export interface PlaceholderPage {
  readonly label: string
  readonly grounds: readonly string[]
}

export function placeholderPage(runs: readonly TextRun[]): PlaceholderPage | null {
  const visible = runs.filter((r) => !r.invisible && !FURNITURE.test(r.text.trim()))
  if (visible.length === 0) return null
  const text = visible.map((r) => r.text).join(' ')
  const words = text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w))
  if (words.length === 0 || words.length > PLACEHOLDER_MAX_WORDS) return null
  const parsed = parseGrounds(text)
  const saysWithheld = WITHHELD_PHRASE.test(text)
  if (!saysWithheld && parsed.codes.length === 0) return null
  if (!saysWithheld) {
    // No "withheld" wording: only a bare citation on an empty page counts (a blank page citing a ground).
    const rest = text.replace(/[^\p{L}\p{N}]+/gu, ' ')
    const citationWords = (parsed.label ?? '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ').length
    if (rest.trim().split(' ').length > citationWords + 3) return null
  }
  // The placeholder must be what the page says, not a line at the end of a short letter.
  const saying = visible.filter((r) => WITHHELD_PHRASE.test(r.text) || parseGrounds(r.text).codes.length > 0)
  const sayingWords = saying.reduce((n, r) => n + r.text.split(/\s+/u).length, 0)
  if (sayingWords < 0.5 * words.length) return null
  const sentence = saying[0]
  return { label: (sentence?.text ?? text).trim().slice(0, 200), grounds: parsed.codes }
}
