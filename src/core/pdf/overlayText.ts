/**
 * Reads /OverlayText from /Redact annotations, which pdf.js does not expose: the text a redaction
 * tool would print on the box once applied, often the ground ("s9(2)(a)"). Looks the annotation's
 * object up in the raw file by number ("15R" → "15 0 obj", the last definition wins, as incremental
 * updates append) and parses the literal or hex string. Objects packed in compressed object streams
 * are out of reach; then there is simply no overlay text.
 */

/** Objects larger than this are not annotation dictionaries; stop looking (bounds the regex work). */
const MAX_OBJECT_CHARS = 8192

/** PDF literal string body (between the outer parentheses) to text: escapes, octal, nested parens. */
function literal(source: string, start: number): string | null {
  let depth = 1
  let out = ''
  for (let i = start; i < source.length && i < start + MAX_OBJECT_CHARS; i++) {
    const ch = source[i]!
    if (ch === '\\') {
      const next = source[i + 1] ?? ''
      const octal = /^[0-7]{1,3}/.exec(source.slice(i + 1, i + 4))
      if (octal) {
        out += String.fromCharCode(parseInt(octal[0], 8))
        i += octal[0].length
      } else {
        const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }
        out += map[next] ?? (next === '\n' || next === '\r' ? '' : next)
        i += 1
      }
    } else if (ch === '(') {
      depth++
      out += ch
    } else if (ch === ')') {
      depth--
      if (depth === 0) return out
      out += ch
    } else out += ch
  }
  return null
}

/** Bytes of a PDF text string: UTF-16BE with a byte-order mark, else PDFDocEncoding (≈ Latin-1). */
function decodeTextString(raw: string): string {
  if (raw.charCodeAt(0) === 0xfe && raw.charCodeAt(1) === 0xff) {
    let out = ''
    for (let i = 2; i + 1 < raw.length; i += 2)
      out += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1))
    return out
  }
  return raw
}

/**
 * /OverlayText of each annotation id pdf.js reported ("15R", "15R2" for generation 2) that can be
 * found in `bytes`. `bytes` are decoded as Latin-1 once; call it only when there are /Redact marks.
 */
export function readOverlayTexts(bytes: Uint8Array, ids: readonly string[]): Map<string, string> {
  const found = new Map<string, string>()
  if (ids.length === 0) return found
  const source = new TextDecoder('latin1').decode(bytes)
  // One pass over the file: where each object is (last) defined.
  const wanted = new Set(ids)
  const offsets = new Map<string, number>()
  for (const hit of source.matchAll(/(?<![\d])(\d+)\s+(\d+)\s+obj\b/g)) {
    const id = `${hit[1]}R${hit[2] === '0' ? '' : hit[2]}`
    if (wanted.has(id)) offsets.set(id, hit.index + hit[0].length)
  }
  for (const id of ids) {
    const at = offsets.get(id)
    if (at === undefined) continue
    const end = source.indexOf('endobj', at)
    const body = source.slice(at, end < 0 ? at + MAX_OBJECT_CHARS : Math.min(end, at + MAX_OBJECT_CHARS))
    const key = /\/OverlayText\s*([(<])/.exec(body)
    if (!key) continue
    const open = key.index + key[0].length
    let raw: string | null
    if (key[1] === '(') raw = literal(body, open)
    else {
      const close = body.indexOf('>', open)
      const hex = close < 0 ? '' : body.slice(open, close).replace(/\s+/g, '')
      raw = hex.replace(/[0-9a-f]{1,2}/gi, (pair) => String.fromCharCode(parseInt(pair.padEnd(2, '0'), 16)))
    }
    const text = raw === null ? '' : decodeTextString(raw).trim()
    if (text !== '') found.set(id, text)
  }
  return found
}
