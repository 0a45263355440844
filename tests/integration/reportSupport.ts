/**
 * Test support for the report: an RFC 4180 reader (quoted fields, doubled quotes, CRLF records) and a
 * check that an HTML report holds no element or attribute that hostile PDF text could have injected.
 */
import { hostname, homedir, userInfo } from 'node:os'
import { JSDOM } from 'jsdom'

/** Parses RFC 4180 CSV; throws on a malformed quote so a broken file cannot pass as "fewer rows". */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (c === '"' && field === '') {
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        field += text[i]
        i++
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r')
        throw new Error(`text after a quote at ${i}`)
      continue
    }
    if (c === ',') {
      record.push(field)
      field = ''
      i++
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`)
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i += 2
    } else if (c === '\n') {
      throw new Error(`bare LF at ${i}: records must end in CRLF`)
    } else {
      field += c
      i++
    }
  }
  if (field !== '' || record.length > 0) throw new Error('last record has no CRLF')
  return records
}

/** Elements a report is made of; anything else came from input. */
const ALLOWED_ELEMENTS = new Set(
  [
    'html',
    'head',
    'meta',
    'title',
    'style',
    'body',
    'header',
    'nav',
    'main',
    'section',
    'footer',
    'div',
    'h1',
    'h2',
    'h3',
    'h4',
    'p',
    'span',
    'strong',
    'em',
    'br',
    // Line-break opportunities in file names (htmlParts.ts breakableName).
    'wbr',
    'a',
    'ol',
    'ul',
    'li',
    'dl',
    'dt',
    'dd',
    'table',
    'caption',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'figure',
    'figcaption',
    'svg',
    'rect',
    'text',
    // A picture of the page under its boxes: only an embedded PNG/JPEG/WebP data URL (checked below).
    'image'
  ].map((name) => name.toUpperCase())
)
const ALLOWED_ATTRIBUTES = new Set([
  'lang',
  'charset',
  'http-equiv',
  'content',
  'name',
  'id',
  'class',
  'href',
  'scope',
  'colspan',
  'aria-label',
  'aria-labelledby',
  'role',
  'viewbox',
  'x',
  'y',
  'width',
  'height',
  'font-size',
  'preserveaspectratio'
])

/** The only link that may leave the document: a page picture embedded as base64 (htmlParts.ts isPageImage). */
const PAGE_PICTURE_RE = /^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/

export interface HtmlAudit {
  readonly dom: JSDOM
  /** Elements or attributes outside the report's vocabulary, or links leaving the document. */
  readonly intruders: string[]
}

export function auditHtml(html: string): HtmlAudit {
  const dom = new JSDOM(html)
  const intruders: string[] = []
  for (const el of dom.window.document.querySelectorAll('*')) {
    const tag = el.tagName.toUpperCase()
    if (!ALLOWED_ELEMENTS.has(tag)) intruders.push(`<${el.tagName}>`)
    for (const attr of el.getAttributeNames()) {
      if (!ALLOWED_ATTRIBUTES.has(attr.toLowerCase())) intruders.push(`${el.tagName}[${attr}]`)
    }
    const href = el.getAttribute('href')
    const picture = tag === 'IMAGE' && href !== null && PAGE_PICTURE_RE.test(href)
    if (href !== null && !href.startsWith('#') && !picture)
      intruders.push(`${el.tagName}[href=${href.slice(0, 80)}]`)
  }
  return { dom, intruders }
}

/**
 * Patterns for strings from this machine that must never reach an export (security.md V6): the home
 * folder, the host name and the user name, each as a whole word (here they can be as short as "vm").
 */
export function machinePatterns(): RegExp[] {
  const strings = [homedir(), hostname()]
  try {
    strings.push(userInfo().username)
  } catch {
    // No passwd entry (some containers): no user name to leak.
  }
  return strings
    .filter((s) => s.trim() !== '')
    .map((s) => new RegExp(`(^|[^\\w])${s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}($|[^\\w])`))
}
