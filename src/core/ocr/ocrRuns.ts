/**
 * OCR words as the text runs detect/ reads labels from, so a scanned page's labels go through the very
 * rules a born-digital page's do (labels.ts, withheldPage.ts). Each word becomes glyphs spread evenly
 * over its box; words are grouped into lines first so a line's glyphs share one height (tesseract's
 * word boxes hug the ink: "was" is shorter than "s9(2)(a)" on the same line). Also fixes the few OCR
 * confusions that break a ground citation: roman "(i)" read as "(1)" or "(l)", a leading "s" read as
 * "5" ("59(2)(a)"), "§" for "s", braces for brackets.
 */
import type { Glyph } from '../pdf/pageContent'
import type { OcrWord } from './ocrEngine'
import type { PageRect } from '../types'
import { parseGrounds } from '../grounds/parseGrounds'
import { buildRuns, type TextRun } from '../detect/textRuns'

/** An OCR word already in page points. */
export interface PageWord {
  readonly text: string
  readonly pageRect: PageRect
  readonly confidence: number
}

/** Below this confidence (0–100) a word is noise: box edges, speckle, a stamp's ring. */
export const MIN_WORD_CONFIDENCE = 20
/** Glyph size from a line's height: an OCR line box spans ascender to descender, ~1.15 em. */
const LINE_HEIGHT_EM = 1.15

/**
 * "(1)" → "(i)" etc. after a paragraph letter: roman sub-paragraphs OCR'd as digits or letters; and
 * the "j" of "(j)", a thin glyph in small type, read as a bracket.
 */
const ROMAN_FIXES: ReadonlyArray<[RegExp, string]> = [
  [/\([1lI|!]\)/gu, '(i)'],
  [/\([1lIi|!]{2}\)/gu, '(ii)'],
  [/\([1lIi|!]{3}\)/gu, '(iii)'],
  [/\([1lIi|!][vV]\)/gu, '(iv)'],
  // "(i)" at the end of a citation with its closing bracket lost: "(D", "(l", "(1".
  [/\((?:D|l|1|I|\|)$/gu, '(i)'],
  // A thin "j" lost or read as a bracket: "())", "(])", "(})" — 9(2)(j) is among the commonest grounds.
  // (An empty "()" stays: any letter may have been lost there.)
  [/\((?:\)\)|\]\)?|\}\)?)(?=$|[\s,;\]])/gu, '(j)']
]
/** One OCR token, corrected where a ground citation shows through the misreading. */
export function normaliseOcrWord(text: string): string {
  let out = text.replace(/[“”]/gu, '"').replace(/[‘’]/gu, "'")
  // Braces for brackets ("[s18{d))"): small type in a scan; no citation or label word has braces.
  if (/\d/u.test(out)) out = out.replace(/\{/gu, '(').replace(/\}/gu, ')')
  // "§9(2)(a)" and "59(2)(a)": a section sign or a 5 standing for the "s" prefix.
  out = out.replace(/^([[(]?)(?:§|5)(\d{1,2}\()/u, '$1s$2')
  // After the first bracket group, "(1)" can only be a misread roman numeral in an NZ citation.
  const head = /^([[(]?s{0,2}\s?\d{1,2}\(\w{1,3}\)(?:\(\w{1,3}\))?)(.*)$/u.exec(out)
  if (head) {
    let tail = head[2]!
    for (const [re, fix] of ROMAN_FIXES) tail = tail.replace(re, fix)
    out = head[1]! + tail
  }
  // A paragraph letter read as a capital or digit-like letter: "(A)" stays (parseGrounds lowers it).
  return out
}

/** Does this text cite a ground once normalised? Used to keep a low-confidence word that does. */
export const citesGround = (text: string): boolean => parseGrounds(normaliseOcrWord(text)).codes.length > 0

interface Line {
  rect: [number, number, number, number]
  words: PageWord[]
}

/**
 * Words grouped into lines (top to bottom, then left to right). A word joins a line when its middle
 * is within 35% of the taller one's height of the line's middle: a descender fragment of the line
 * above ("J" under "approach") stays out of the line below, and the line's box never grows into
 * the next one.
 */
function lines(words: readonly PageWord[]): Line[] {
  const mid = (r: PageRect | Line['rect']): number => (r[1] + r[3]) / 2
  const sorted = [...words].sort((a, b) => mid(a.pageRect) - mid(b.pageRect))
  const out: Array<Line & { mid: number; h: number }> = []
  for (const w of sorted) {
    const h = w.pageRect[3] - w.pageRect[1]
    const line = out.find((l) => Math.abs(l.mid - mid(w.pageRect)) <= 0.35 * Math.max(l.h, h))
    if (line) {
      line.words.push(w)
      line.rect = [
        Math.min(line.rect[0], w.pageRect[0]),
        Math.min(line.rect[1], w.pageRect[1]),
        Math.max(line.rect[2], w.pageRect[2]),
        Math.max(line.rect[3], w.pageRect[3])
      ]
    } else out.push({ rect: [...w.pageRect], words: [w], mid: mid(w.pageRect), h })
  }
  for (const l of out) l.words.sort((a, b) => a.pageRect[0] - b.pageRect[0])
  return out.sort((a, b) => a.rect[1] - b.rect[1])
}

/** Glyphs for OCR words, visible, in reading order (seq rises along each line, line after line). */
export function ocrGlyphs(words: readonly PageWord[]): Glyph[] {
  const glyphs: Glyph[] = []
  let seq = 0
  for (const line of lines(words)) {
    const sizePt = Math.max(1, (line.rect[3] - line.rect[1]) / LINE_HEIGHT_EM)
    line.words.forEach((word, i) => {
      let text = normaliseOcrWord(word.text.trim())
      // "s 9(2)(g)(i)" with its "s" read as a word of its own: "5" or "§" before a citation.
      const next = line.words[i + 1]
      if (/^[5§]$/u.test(text) && next && /^\d{1,2}\(/u.test(next.text.trim())) text = 's'
      const chars = [...text]
      if (chars.length === 0) return
      const step = (word.pageRect[2] - word.pageRect[0]) / chars.length
      chars.forEach((unicode, i) => {
        const x0 = word.pageRect[0] + i * step
        glyphs.push({
          seq: seq++,
          rect: [x0, line.rect[1], x0 + step, line.rect[3]],
          unicode,
          colour: [0, 0, 0],
          invisible: false,
          sizePt,
          rotated: false,
          diagonal: false,
          dir: 0,
          clippedOut: false,
          alpha: 1,
          group: 0
        })
      })
    })
  }
  return glyphs
}

/** OCR words as visible text runs. */
export function ocrRuns(words: readonly PageWord[]): TextRun[] {
  return buildRuns(ocrGlyphs(words))
}

/** The words of an existing OCR text layer (invisible glyphs) as visible runs: read, never painted. */
export function textLayerRuns(glyphs: readonly Glyph[]): TextRun[] {
  const layer = glyphs.filter((g) => g.invisible && !g.rotated && g.unicode.trim() !== '')
  return buildRuns(layer.map((g) => ({ ...g, invisible: false })))
}

/**
 * A page's text from OCR words (bitmap pixels at `pxPerPt`): words surer than MIN_WORD_CONFIDENCE,
 * normalised, one line of text per printed line, top to bottom. For reading a scanned response
 * letter with the letter grammar (review/letterGrounds.ts), which wants prose, not runs.
 */
export function ocrPageText(words: readonly OcrWord[], pxPerPt: number): string {
  const pageWords: PageWord[] = words
    .filter((w) => w.text.trim() !== '' && w.confidence >= MIN_WORD_CONFIDENCE)
    .map((w) => ({
      text: normaliseOcrWord(w.text.trim()),
      confidence: w.confidence,
      pageRect: [w.rectPx[0] / pxPerPt, w.rectPx[1] / pxPerPt, w.rectPx[2] / pxPerPt, w.rectPx[3] / pxPerPt]
    }))
  return lines(pageWords)
    .map((line) => line.words.map((w) => w.text).join(' '))
    .join('\n')
}
