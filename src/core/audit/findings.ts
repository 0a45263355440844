/**
 * How the audit decides that a string read from a document's hidden parts gives something away, and
 * how a finding is recorded (the existing leak model: a kind, a character count and a SHA-256; the
 * text itself only when the caller asked to reveal leaks).
 *
 * "Gives away" is judged against what a reader of the release can see: a bookmark, a title or a
 * named destination that repeats visible words is harmless; one that names someone or something the
 * visible pages never mention, or repeats text lying under a box, is a leak.
 */
import { hasRealWords, isMeaningfulText, isOnlyLabel } from '../detect/leaks'
import { sha256Bytes, sha256Text } from '../scan/sha256'
import type { AuditFinding, AuditLeakKind } from '../types'

/** Words too common to say anything on their own. */
const STOP_WORDS = new Set(
  'the and for with from that this into onto over under about after before between their there these those which while where when what whom whose your ours have has had was were are been being will would shall should could may might must not but nor yet also than then them they its per via page pages document untitled microsoft word pdf docx doc copy draft final version oia lgoima foia official information act release released response request'.split(
    ' '
  )
)

const WORDS = /\p{L}[\p{L}\p{N}'’]*/gu

export const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

export class TextIndex {
  private readonly words = new Set<string>()
  private visibleSquashed = ''
  private readonly hiddenSquashed: string[] = []

  addVisible(text: string): void {
    for (const w of text.toLowerCase().match(WORDS) ?? []) this.words.add(w.replace(/['’]s$/, ''))
    if (this.visibleSquashed.length < 8_000_000) this.visibleSquashed += squash(text) + '|'
  }

  addHidden(text: string): void {
    const s = squash(text)
    if (s.length >= 5) this.hiddenSquashed.push(s)
  }

  /** The text is visible somewhere in the document as it stands. */
  isVisible(text: string): boolean {
    const s = squash(text)
    return s.length > 0 && this.visibleSquashed.includes(s)
  }

  /** Repeats text that lies under a box (at least 8 letters or digits in a row, or a short text whole). */
  repeatsHidden(text: string): boolean {
    const s = squash(text)
    if (s.length < 5) return false
    return this.hiddenSquashed.some((h) => {
      if (s.includes(h) || (h.length >= 8 && h.includes(s))) return true
      for (let i = 0; i + 8 <= h.length; i++) if (s.includes(h.slice(i, i + 8))) return true
      return false
    })
  }

  /**
   * Content words (3+ letters, not stop words) that no visible page shows. A text reveals something
   * when it repeats hidden text, or when it names what no page names: a proper noun (Capitalised, or
   * in capitals, 4+ letters) the pages never show. The first word's capital is only the start of a
   * sentence ("Meeting notes", "Complaint by …"), so it counts only when it stands alone. Generic
   * words the pages lack ("OIA-2026-0412 response") are no leak: withheld things have names.
   */
  unseen(text: string): { unseen: string[]; reveals: boolean } {
    if (this.repeatsHidden(text)) return { unseen: [], reveals: true }
    const words = text.match(WORDS) ?? []
    const content = words
      .map((w, position) => ({ w, position }))
      .filter(({ w }) => w.length >= 3 && !STOP_WORDS.has(w.toLowerCase().replace(/\d+$/, '')))
    const unseen = content.filter(({ w }) => !this.words.has(w.toLowerCase().replace(/['’]s$/, '')))
    const named = unseen.some(
      ({ w, position }) =>
        (position > 0 || content.length === 1) && (/^\p{Lu}\p{Ll}/u.test(w) || /^\p{Lu}{4,}$/u.test(w))
    )
    return { unseen: unseen.map(({ w }) => w), reveals: named }
  }
}

export class Findings {
  readonly list: AuditFinding[] = []
  private readonly seen = new Set<string>()

  constructor(private readonly revealLeaks: boolean) {}

  /** Records recoverable text; nothing when the text is empty, a lone label or noise. */
  text(
    kind: AuditLeakKind,
    where: string,
    pageIndex: number | null,
    text: string,
    requireWords = false
  ): boolean {
    const clean = text.replace(/\s+/g, ' ').trim()
    if (!isMeaningfulText(clean) || isOnlyLabel(clean)) return false
    if (requireWords && !hasRealWords(clean)) return false
    const key = `${kind}|${squash(clean)}`
    if (this.seen.has(key)) return false
    this.seen.add(key)
    this.list.push({
      kind,
      where,
      pageIndex,
      leak: { kind, chars: clean.replace(/\s+/g, '').length, sha256: sha256Text(clean) },
      text: this.revealLeaks ? clean : null
    })
    return true
  }

  /** Records recoverable bytes (an image, a thumbnail, an attached file); `chars` is their length. */
  bytes(
    kind: AuditLeakKind,
    where: string,
    pageIndex: number | null,
    data: Uint8Array,
    label: string | null
  ): void {
    const sha256 = sha256Bytes(data)
    const key = `${kind}|${sha256}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.list.push({
      kind,
      where,
      pageIndex,
      leak: { kind, chars: data.length, sha256 },
      text: this.revealLeaks ? label : null
    })
  }
}
