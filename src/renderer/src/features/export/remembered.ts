/**
 * The export dialog remembers the last formats, page pictures and paper (UI state in localStorage,
 * not library data), so a reviewer who always wants HTML + CSV on US Letter picks them once. Leaked
 * text is never remembered: it starts off in every export. What is read back is checked field by
 * field; anything unexpected falls back to the defaults.
 */
import type { PaperSize, ReportFileFormat } from '@shared/ipc'
import { FORMAT_ORDER } from './outputs'

export const REMEMBERED_KEY = 'withheld.export.choices'

export interface RememberedChoices {
  readonly formats: ReadonlySet<ReportFileFormat>
  readonly thumbnails: boolean
  /** Null: chosen from the release's regime. */
  readonly paper: PaperSize | null
}

export const DEFAULT_CHOICES: RememberedChoices = {
  formats: new Set(['html']),
  thumbnails: true,
  paper: null
}

export function parseRemembered(text: string | null): RememberedChoices {
  if (!text) return DEFAULT_CHOICES
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return DEFAULT_CHOICES
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_CHOICES
  const v = value as Record<string, unknown>
  const formats = Array.isArray(v['formats'])
    ? FORMAT_ORDER.filter((f) => (v['formats'] as unknown[]).includes(f))
    : []
  return {
    formats: formats.length > 0 ? new Set(formats) : DEFAULT_CHOICES.formats,
    thumbnails: typeof v['thumbnails'] === 'boolean' ? v['thumbnails'] : DEFAULT_CHOICES.thumbnails,
    paper: v['paper'] === 'a4' || v['paper'] === 'letter' ? v['paper'] : null
  }
}

export const serialiseRemembered = (choices: RememberedChoices): string =>
  JSON.stringify({ formats: [...choices.formats], thumbnails: choices.thumbnails, paper: choices.paper })

export function loadRemembered(): RememberedChoices {
  try {
    return parseRemembered(localStorage.getItem(REMEMBERED_KEY))
  } catch {
    return DEFAULT_CHOICES
  }
}

export function saveRemembered(choices: RememberedChoices): void {
  try {
    localStorage.setItem(REMEMBERED_KEY, serialiseRemembered(choices))
  } catch {
    // Storage refused (quota, privacy mode): the next export starts from the defaults.
  }
}
