import { describe, expect, it } from 'vitest'
import { readOverlayTexts } from './overlayText'

const bytes = (s: string): Uint8Array => new Uint8Array([...s].map((c) => c.charCodeAt(0)))

describe('readOverlayTexts', () => {
  it('reads literal and hex strings, escapes included, from the last definition of the object', () => {
    const pdf = bytes(
      [
        '%PDF-1.7',
        '15 0 obj << /Type /Annot /Subtype /Redact /OverlayText (old) >> endobj',
        '115 0 obj << /OverlayText (not this one) >> endobj',
        '15 0 obj << /Type /Annot /Subtype /Redact /OverlayText (s9\\(2\\)\\(a\\)) >> endobj',
        '16 0 obj << /Subtype /Redact /OverlayText <FEFF0062003600> >> endobj',
        '17 0 obj << /Subtype /Redact >> endobj'
      ].join('\n')
    )
    const found = readOverlayTexts(pdf, ['15R', '16R', '17R', '99R', 'bogus'])
    expect([...found]).toEqual([
      ['15R', 's9(2)(a)'],
      ['16R', 'b6']
    ])
  })
})
