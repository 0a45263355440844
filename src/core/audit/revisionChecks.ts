/**
 * What earlier revisions and unused objects still hold. An incremental update appends new objects and
 * a new cross-reference section; the previous page content stays in the file, so a page "redacted"
 * by an update can be read back from the revision before it. Each earlier revision's pages are
 * compared with the current ones word by word (and image by image); words and images the current
 * page no longer has are the leak. Objects no revision reaches (orphans: a deleted page's content, an
 * image replaced in place) are read for text and images too.
 */
import { readContent } from './contentText'
import { squash, type Findings } from './findings'
import { PdfDocumentView, type RawPage } from './pdfDocument'
import { isStream, type PdfFile, type Revision } from './pdfFile'
import { isArray, isDict, isName, isRef, type PdfValue } from './pdfSyntax'
import { sha256Bytes } from '../scan/sha256'

const MAX_REACHABLE = 1_000_000
/** Removed text shorter than this (letters and digits) is a page number or a date stamp, not content. */
const MIN_REMOVED_CHARS = 4

const WORDS = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu

function pageText(
  view: PdfDocumentView,
  page: RawPage,
  pageIndex: number
): { words: string[]; images: Map<string, Uint8Array> } | null {
  const content = view.readPage(page, pageIndex)
  if (!content) return null
  const images = new Map<string, Uint8Array>()
  for (const im of content.images) {
    if (im.objectNumber < 0) continue
    const s = view.resolve({ type: 'ref', num: im.objectNumber, gen: 0 })
    if (isStream(s)) images.set(sha256Bytes(s.raw), s.raw)
  }
  return { words: content.texts.flatMap((t) => t.text.match(WORDS) ?? []), images }
}

/** Where each of a page's content streams is stored: equal signatures mean the same content. */
function signature(view: PdfDocumentView, page: RawPage): string {
  const contents = page.dict.entries.get('Contents')
  const resolved = view.resolve(contents)
  const refs = isRef(contents) && isArray(resolved as PdfValue) ? (resolved as PdfValue[]) : [contents]
  const parts = refs.map((r) => {
    if (!isRef(r as PdfValue)) return '?'
    const entry = view.revision.entries.get((r as { num: number }).num)
    return entry?.kind === 'offset' ? `${entry.offset}` : JSON.stringify(entry ?? null)
  })
  return `${isRef(contents) ? view.revision.entries.get(contents.num)?.kind : ''}:${parts.join(',')}:${JSON.stringify(view.revision.entries.get(page.objectNumber) ?? null)}`
}

export function auditRevisions(file: PdfFile, current: PdfDocumentView, findings: Findings): void {
  const total = file.revisions.length
  if (total < 2) return
  const currentPages = current.pages()
  const currentText = new Map<number, ReturnType<typeof pageText>>()
  for (const revision of file.revisions.slice(0, -1)) {
    const view = new PdfDocumentView(file, revision)
    view.pages().forEach((page, i) => {
      const now = currentPages[i]
      if (now && signature(view, page) === signature(current, now)) return
      const before = pageText(view, page, i)
      if (!before) return
      if (!currentText.has(i))
        currentText.set(i, now ? pageText(current, now, i) : { words: [], images: new Map() })
      const after = currentText.get(i)
      if (!after) return
      const left = new Map<string, number>()
      for (const w of after.words) left.set(w.toLowerCase(), (left.get(w.toLowerCase()) ?? 0) + 1)
      const removed: string[] = []
      for (const w of before.words) {
        const n = left.get(w.toLowerCase()) ?? 0
        if (n > 0) left.set(w.toLowerCase(), n - 1)
        else removed.push(w)
      }
      // A word the current page still has inside one of its words ("def" in "abcdefghi": the same
      // text shown in other pieces) was not removed; across word gaps it would be chance ("hemi" in
      // "the minister").
      const nowWords = [...new Set(after.words.map(squash))]
      const gone = removed.filter((w) => !nowWords.some((now) => now.includes(squash(w))))
      const where = `revision ${revision.index + 1} of ${total}, page ${i + 1}`
      if (squash(gone.join('')).length >= MIN_REMOVED_CHARS)
        findings.text('earlier-revision', where, i, gone.join(' '))
      for (const [hash, raw] of before.images)
        if (!after.images.has(hash))
          findings.bytes('earlier-revision', `${where}, an image since removed`, i, raw, 'image')
    })
  }
}

/** Offsets of every object some revision reaches from its trailer. */
function reachedOffsets(file: PdfFile): Set<number> {
  const offsets = new Set<number>()
  for (const revision of file.revisions) walk(file, revision, offsets)
  return offsets
}

function walk(file: PdfFile, revision: Revision, offsets: Set<number>): void {
  const visited = new Set<number>()
  const stack: unknown[] = [revision.trailer]
  while (stack.length > 0 && visited.size < MAX_REACHABLE) {
    const value = stack.pop()
    if (isRef(value as PdfValue)) {
      const num = (value as { num: number }).num
      if (visited.has(num)) continue
      visited.add(num)
      const entry = revision.entries.get(num)
      if (entry?.kind === 'offset') offsets.add(entry.offset)
      if (entry?.kind === 'compressed') {
        const holder = revision.entries.get(entry.stream)
        if (holder?.kind === 'offset') offsets.add(holder.offset)
      }
      stack.push(file.object(num, revision))
    } else if (isStream(value as PdfValue)) stack.push((value as { dict: unknown }).dict)
    else if (isDict(value as PdfValue))
      for (const v of (value as { entries: Map<string, unknown> }).entries.values()) stack.push(v)
    else if (Array.isArray(value)) for (const v of value) stack.push(v)
  }
}

/** Keys of a plain content stream; anything else (fonts, profiles, hint tables) is not page content. */
const CONTENT_KEYS = new Set([
  'Length',
  'Filter',
  'DecodeParms',
  'Type',
  'Subtype',
  'BBox',
  'Matrix',
  'Resources',
  'FormType',
  'Group',
  'Name'
])

export function auditOrphans(file: PdfFile, current: PdfDocumentView, findings: Findings): void {
  if (file.revisions.length === 0) return
  const reached = reachedOffsets(file)
  for (const [num, list] of file.definitions) {
    for (const offset of list) {
      if (reached.has(offset)) continue
      const object = file.parseObjectAt(offset)
      if (!isStream(object)) continue
      const dict = object.dict
      const where = `object ${num} (used by no revision)`
      if (isName(dict.entries.get('Subtype'), 'Image')) {
        if (object.raw.length >= 64) findings.bytes('orphan-object', where, null, object.raw, 'image')
        continue
      }
      if ([...dict.entries.keys()].some((k) => !CONTENT_KEYS.has(k))) continue
      if (dict.entries.has('Type') && !isName(dict.entries.get('Type'), 'XObject')) continue
      const bytes = file.decode(object, where)
      if (!bytes) continue
      const content = readContent(bytes, dict.entries.get('Resources'), current.env)
      findings.text('orphan-object', where, null, content.texts.map((t) => t.text).join(' '), true)
    }
  }
}
