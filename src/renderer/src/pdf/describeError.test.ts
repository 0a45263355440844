import { describe, expect, it } from 'vitest'
import { describePdfError, isCancellation } from './describeError'
import { PdfEngineHang } from './watchdog'

const named = (name: string, message: string): Error => Object.assign(new Error(message), { name })

describe('describePdfError', () => {
  it.each([
    [new PdfEngineHang('render', 20_000), 'hang', 'This PDF made the PDF engine hang; it was stopped.'],
    [
      named('InvalidPDFException', 'Invalid PDF structure.'),
      'invalid',
      'This file is not a readable PDF: its structure is broken.'
    ],
    [
      named('InvalidPDFException', 'The PDF file is empty, i.e. its size is zero bytes.'),
      'empty',
      'This file is empty: it has no PDF content.'
    ],
    [
      named('UnknownErrorException', 'Illegal character: 41'),
      'damaged',
      'This PDF is damaged and could not be read.'
    ],
    [
      named('PdfPasswordCancelled', 'Password entry cancelled'),
      'locked',
      'This PDF is locked with a password.'
    ],
    ['a string', 'unknown', 'This PDF could not be opened.']
  ])('%s → %s', (error, kind, title) => {
    const failure = describePdfError(error)
    expect(failure.kind).toBe(kind)
    expect(failure.title).toBe(title)
  })

  it("keeps pdf.js's own words as the detail", () => {
    expect(describePdfError(named('InvalidPDFException', 'Invalid Root reference.')).detail).toBe(
      'Invalid Root reference.'
    )
  })

  it('knows cancellations are not failures', () => {
    expect(isCancellation(named('RenderingCancelledException', 'Rendering cancelled, page 1'))).toBe(true)
    expect(isCancellation(named('AbortException', 'TextLayer task cancelled.'))).toBe(true)
    expect(isCancellation(new Error('boom'))).toBe(false)
  })
})
