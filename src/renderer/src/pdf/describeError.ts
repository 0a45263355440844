/**
 * Turns whatever pdf.js (or our watchdog) threw into a state the viewer can show (security.md P5):
 * every failure gets a title a reviewer understands plus pdf.js's own message as the detail.
 * Pure: matches on `name`, not classes, so it works on errors from any realm and in Node tests.
 */

export type PdfFailureKind = 'hang' | 'locked' | 'invalid' | 'empty' | 'damaged' | 'unknown'

export interface PdfFailure {
  readonly kind: PdfFailureKind
  readonly title: string
  /** pdf.js's message, or '' when it adds nothing. */
  readonly detail: string
}

export function describePdfError(error: unknown): PdfFailure {
  const name = error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : String(error)
  switch (name) {
    case 'PdfEngineHang':
      return {
        kind: 'hang',
        title: 'This PDF made the PDF engine hang; it was stopped.',
        detail: 'The rest of Withheld is unaffected. The file may be damaged or built to attack PDF readers.'
      }
    case 'PdfPasswordCancelled':
      return {
        kind: 'locked',
        title: 'This PDF is locked with a password.',
        detail:
          message === 'Too many wrong passwords'
            ? 'Too many wrong passwords were tried. Enter the password to view it.'
            : 'Enter the password to view it.'
      }
    case 'PasswordException':
      return { kind: 'locked', title: 'This PDF is locked with a password.', detail: message }
    case 'InvalidPDFException':
      if (/empty/i.test(message)) {
        return { kind: 'empty', title: 'This file is empty: it has no PDF content.', detail: message }
      }
      return {
        kind: 'invalid',
        title: 'This file is not a readable PDF: its structure is broken.',
        detail: message
      }
    case 'UnknownErrorException':
    case 'FormatError':
      return { kind: 'damaged', title: 'This PDF is damaged and could not be read.', detail: message }
    default:
      return { kind: 'unknown', title: 'This PDF could not be opened.', detail: message }
  }
}

/** pdf.js rejects cancelled renders and text layers; those are routine, not failures. */
export function isCancellation(error: unknown): boolean {
  const name = error instanceof Error ? error.name : ''
  return name === 'RenderingCancelledException' || name === 'AbortException'
}
