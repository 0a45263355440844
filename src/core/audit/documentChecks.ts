/**
 * The audit's document-wide checks: Info and XMP metadata, bookmarks, named destinations, page
 * labels (the structure tree is structureChecks.ts). Each is judged against what the pages
 * show (TextIndex): a bookmark that repeats a visible heading is fine, one naming what no page shows
 * or repeating text under a box is a table-of-contents leak. Attachments are listed here and
 * audited by auditDocument (recursively for PDFs).
 */
import type { PdfDocumentView } from './pdfDocument'
import type { Findings, TextIndex } from './findings'
import { isStream } from './pdfFile'
import { isArray, isRef, isString, latin1, numberOf, textOf, type PdfDict, type PdfValue } from './pdfSyntax'
import type { AuditLeakKind } from '../types'

/** Standard Info keys that carry content: printed by name; a custom key's name is the PDF's own text. */
const INFO_CONTENT_KEYS = new Set(['Title', 'Author', 'Subject', 'Keywords'])
/** Info keys that name tools and dates, not content. */
const TOOL_KEYS = new Set(['Creator', 'Producer', 'CreationDate', 'ModDate', 'Trapped'])
/**
 * XMP properties that carry content: Dublin Core's descriptive ones, the PDF schema's, and any
 * property in a namespace we do not know (custom document properties: Word writes them under pdfx:).
 * Everything else in the well-known namespaces names tools, dates, identifiers or PDF/A schemas.
 */
const XMP_CONTENT = new Set([
  'dc:title',
  'dc:description',
  'dc:subject',
  'dc:creator',
  'dc:contributor',
  'dc:source',
  'pdf:Keywords',
  'pdf:Title',
  'pdf:Author',
  'pdf:Subject',
  'photoshop:Headline',
  'photoshop:AuthorsPosition',
  'photoshop:CaptionWriter'
])
const XMP_KNOWN_PREFIXES = new Set([
  'dc',
  'pdf',
  'photoshop',
  'xmp',
  'xap',
  'xmpMM',
  'xapMM',
  'xmpRights',
  'xapRights',
  'xmpBJ',
  'xmpTPg',
  'xmpDM',
  'xmpG',
  'xmpGImg',
  'xmpidq',
  'pdfaid',
  'pdfuaid',
  'pdfaExtension',
  'pdfaSchema',
  'pdfaProperty',
  'pdfaType',
  'pdfaField',
  'pdfx_id',
  'pdfxid',
  'stEvt',
  'stRef',
  'stDim',
  'stFnt',
  'stVer',
  'stJob',
  'rdf',
  'x',
  'xml',
  'xmlns',
  'tiff',
  'exif',
  'exifEX',
  'aux',
  'crs',
  'illustrator',
  'xmpNote',
  'iX',
  'Iptc4xmpCore',
  'plus'
])
const isXmpContent = (property: string): boolean => {
  const prefix = property.split(':')[0]!
  return XMP_CONTENT.has(property) || !XMP_KNOWN_PREFIXES.has(prefix)
}
/** Machine-made destination names (Word, LaTeX, Acrobat), which name nothing. */
const GENERIC_DESTINATION =
  /^(_?(toc|ref|hlk|goback|bookmark)\d*|page[.\d_]*|(sub)*section\*?[.\d_]*|chapter[.\d_]*|figure[.\d_]*|table[.\d_]*|equation[.\d_]*|cite\..*|doc-start|item[.\d_]*|appendix[.\d_]*|footnote[.\d_]*|hfootnote[.\d_]*|lstlisting[.\d_]*|[a-z]?[\d.\-_]+|g\d+)$/i
const MAX_NODES = 50_000

function judge(
  findings: Findings,
  index: TextIndex,
  kind: AuditLeakKind,
  where: string,
  pageIndex: number | null,
  text: string
): void {
  if (index.unseen(text).reveals) findings.text(kind, where, pageIndex, text)
}

export function auditMetadata(view: PdfDocumentView, index: TextIndex, findings: Findings): void {
  const info = view.dict(view.revision.trailer.entries.get('Info'))
  for (const [key, value] of info?.entries ?? []) {
    if (TOOL_KEYS.has(key)) continue
    const text = textOf(view.resolve(value) as PdfValue)
    if (text)
      judge(
        findings,
        index,
        'metadata',
        `document information (${INFO_CONTENT_KEYS.has(key) ? key : 'a custom key'})`,
        null,
        text
      )
  }
  const xmp = view.resolve(view.catalog?.entries.get('Metadata'))
  if (!isStream(xmp)) return
  const bytes = view.file.decode(xmp, 'XMP metadata', view.revision)
  if (!bytes) return
  const xml = new TextDecoder('utf-8').decode(bytes)
  const values: [string, string][] = []
  for (const m of xml.matchAll(/<([\w.-]+:[\w.-]+)(?:\s[^>]*)?>([^<]+)<\/\1>/g)) values.push([m[1]!, m[2]!])
  // rdf:li items belong to the property around them.
  for (const m of xml.matchAll(
    /<([\w.-]+:[\w.-]+)(?:\s[^>]*)?>\s*<rdf:(?:Alt|Seq|Bag)>([\s\S]*?)<\/rdf:(?:Alt|Seq|Bag)>/g
  ))
    for (const li of m[2]!.matchAll(/<rdf:li[^>]*>([^<]*)<\/rdf:li>/g)) values.push([m[1]!, li[1]!])
  for (const m of xml.matchAll(/\s([\w.-]+:[\w.-]+)="([^"]*)"/g)) values.push([m[1]!, m[2]!])
  for (const [property, raw] of values) {
    if (!isXmpContent(property)) continue
    const text = raw
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
    judge(
      findings,
      index,
      'metadata',
      `XMP metadata (${XMP_CONTENT.has(property) ? property : 'a custom property'})`,
      null,
      text
    )
  }
}

export function auditOutlines(view: PdfDocumentView, index: TextIndex, findings: Findings): void {
  const outlines = view.dict(view.catalog?.entries.get('Outlines'))
  const seen = new Set<number>()
  let count = 0
  const walk = (ref: PdfValue | undefined, depth: number): void => {
    let current = ref
    while (isRef(current) && !seen.has(current.num) && count < MAX_NODES && depth < 64) {
      seen.add(current.num)
      const item = view.dict(current)
      if (!item) return
      count++
      const title = textOf(view.resolve(item.entries.get('Title')) as PdfValue)
      if (title) judge(findings, index, 'outline', `bookmark ${count}`, null, title)
      walk(item.entries.get('First'), depth + 1)
      current = item.entries.get('Next')
    }
  }
  if (outlines) walk(outlines.entries.get('First'), 0)
}

/** Keys of a name tree (Kids and Names arrays), bounded. */
function nameTreeEntries(view: PdfDocumentView, root: PdfValue | undefined): [string, PdfValue][] {
  const out: [string, PdfValue][] = []
  const seen = new Set<PdfDict>()
  const walk = (ref: PdfValue | undefined, depth: number): void => {
    const node = view.dict(ref)
    if (!node || seen.has(node) || depth > 32 || out.length > MAX_NODES) return
    seen.add(node)
    const names = view.resolve(node.entries.get('Names'))
    if (isArray(names as PdfValue)) {
      const list = names as PdfValue[]
      for (let i = 0; i + 1 < list.length; i += 2) {
        const key = list[i]
        if (isString(key)) out.push([textOf(key) ?? '', list[i + 1]!])
      }
    }
    const kids = view.resolve(node.entries.get('Kids'))
    if (isArray(kids as PdfValue)) for (const kid of kids as PdfValue[]) walk(kid, depth + 1)
  }
  walk(root, 0)
  return out
}

export function auditDestinations(view: PdfDocumentView, index: TextIndex, findings: Findings): void {
  const names: string[] = []
  const old = view.dict(view.catalog?.entries.get('Dests'))
  for (const key of old?.entries.keys() ?? []) names.push(key)
  const tree = view.dict(view.catalog?.entries.get('Names'))
  for (const [key] of nameTreeEntries(view, tree?.entries.get('Dests'))) names.push(key)
  names.forEach((name, i) => {
    if (GENERIC_DESTINATION.test(name.trim())) return
    // "Hemi_Parata_interview", "PayrollReview": words apart.
    const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-.#]+/g, ' ')
    judge(findings, index, 'named-destination', `named destination ${i + 1}`, null, words)
  })
  const labels = view.dict(view.catalog?.entries.get('PageLabels'))
  const nums = view.resolve(labels?.entries.get('Nums'))
  if (isArray(nums as PdfValue)) {
    const list = nums as PdfValue[]
    for (let i = 0; i + 1 < list.length && i < 2 * MAX_NODES; i += 2) {
      const prefix = textOf(view.resolve(view.dict(list[i + 1])?.entries.get('P')) as PdfValue)
      const start = numberOf(list[i])
      if (prefix)
        judge(findings, index, 'page-label', `page label from page ${(start ?? 0) + 1}`, start, prefix)
    }
  }
}

export interface AttachedFile {
  readonly where: string
  /** The file name the PDF gives (never printed unless leaks are revealed). */
  readonly name: string
  readonly bytes: Uint8Array | null
  readonly why: string | null
}

/** Embedded files of the name tree and of file-attachment annotations. */
export function attachedFiles(view: PdfDocumentView, fromAnnotations: readonly PdfDict[]): AttachedFile[] {
  const tree = view.dict(view.catalog?.entries.get('Names'))
  const specs = nameTreeEntries(view, tree?.entries.get('EmbeddedFiles')).map(([, v]) => view.dict(v))
  const out: AttachedFile[] = []
  const seen = new Set<PdfDict>()
  for (const spec of [...specs, ...fromAnnotations]) {
    if (!spec || seen.has(spec)) continue
    seen.add(spec)
    const name =
      textOf(view.resolve(spec.entries.get('UF')) as PdfValue) ??
      textOf(view.resolve(spec.entries.get('F')) as PdfValue) ??
      ''
    const ef = view.dict(spec.entries.get('EF'))
    const stream = view.resolve(ef?.entries.get('UF') ?? ef?.entries.get('F'))
    const where = `attachment ${out.length + 1}`
    if (!isStream(stream)) {
      out.push({ where, name, bytes: null, why: 'its file data is missing' })
      continue
    }
    const bytes = view.file.decode(stream, where, view.revision)
    out.push({ where, name, bytes, why: bytes ? null : 'its file data could not be decoded' })
  }
  return out
}

export const looksLikePdf = (bytes: Uint8Array): boolean => latin1(bytes.subarray(0, 1024)).includes('%PDF-')
