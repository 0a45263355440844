/**
 * What the leak audit's verdict badge says for a document (issue 13): one short label, a tone, and
 * the detail a hover gives. Pure, so the wording rules are tested without a DOM. Three rules carry
 * the weight: a document with no stored audit is never "Clean" (it was analysed before the audit
 * existed); "Could not check everything" names the parts left unread and still counts what was
 * found; and nothing here prints recovered text: only kinds, counts and the audit's own wording of
 * what it could not read (the library stores findings without text in any case).
 */
import type { DocumentAudit, LeakKind } from '@core/types'
import type { AnalysisState } from '../../db/rows'

export type VerdictTone = 'clean' | 'leaks' | 'incomplete' | 'unaudited'

export interface VerdictBadge {
  readonly tone: VerdictTone
  /** The badge text, e.g. "Leaks found (3)". */
  readonly label: string
  /** The hover text: what was found per kind, what could not be read and why. */
  readonly detail: string
}

/** Kinds in words for the hover text; engine names stay out of the UI. */
const KIND_WORDS: Readonly<Record<LeakKind, string>> = {
  'text-under-box': 'text under a box',
  'text-same-colour': 'text the colour of its box',
  'image-under-box': 'image under a box',
  'unapplied-annotation': 'unapplied redaction mark',
  'earlier-revision': 'earlier revision',
  'orphan-object': 'unused object',
  metadata: 'metadata',
  annotation: 'annotation',
  'form-field': 'form field',
  attachment: 'attachment',
  outline: 'bookmark',
  'page-label': 'page label',
  'named-destination': 'named destination',
  thumbnail: 'page thumbnail',
  'hidden-layer': 'hidden layer',
  'outside-crop': 'content outside the page',
  'invisible-text': 'invisible text',
  'structure-text': 'alternate text'
}

/** Every finding of the audit, page leaks (text under boxes…) included. */
export function leakCount(audit: DocumentAudit): number {
  return Object.values(audit.counts).reduce<number>((sum, n) => sum + (n ?? 0), 0)
}

function countsInWords(audit: DocumentAudit): string {
  return Object.entries(audit.counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([kind, n]) => `${KIND_WORDS[kind as LeakKind] ?? kind}: ${n}`)
    .join('\n')
}

/**
 * The badge for a document in `state` whose stored audit is `audit` (null: none stored). Null while
 * the analysis has not finished: the row already says it is waiting, running, failed or locked.
 */
export function verdictBadge(state: AnalysisState, audit: DocumentAudit | null): VerdictBadge | null {
  if (state !== 'done') return null
  if (!audit) {
    return {
      tone: 'unaudited',
      label: 'Not audited — re-analyse',
      detail: 'Analysed before Withheld audited documents for leaks: analyse it again to check it.'
    }
  }
  const leaks = leakCount(audit)
  const found = leaks > 0 ? `Found:\n${countsInWords(audit)}` : ''
  switch (audit.verdict) {
    case 'clean':
      return {
        tone: 'clean',
        label: 'Clean',
        detail: `No leaks found. Checked: ${audit.checked.join(', ') || 'the pages'}.`
      }
    case 'leaks':
      return { tone: 'leaks', label: `Leaks found (${leaks})`, detail: found }
    case 'incomplete': {
      const unread = audit.unread.map((u) => `${u.what}: ${u.why}`).join('\n')
      return {
        tone: 'incomplete',
        label:
          leaks > 0 ? `Could not check everything · Leaks found (${leaks})` : 'Could not check everything',
        detail: [`Not read:\n${unread}`, found].filter(Boolean).join('\n\n')
      }
    }
  }
}
