import { describe, expect, it } from 'vitest'
import { nameSegments } from './nameBreaks'

describe('nameSegments', () => {
  it('breaks after separators and before brackets, and joins back to the name', () => {
    const name = 'OIA-2025-0412_Briefing to Minister (annex B).pdf'
    const segments = nameSegments(name)
    expect(segments).toEqual([
      'OIA-',
      '2025-',
      '0412_',
      'Briefing ',
      'to ',
      'Minister ',
      '(annex ',
      'B).',
      'pdf'
    ])
    expect(segments.join('')).toBe(name)
  })

  it('keeps a name without separators whole, and an empty name empty', () => {
    expect(nameSegments('briefingpaper')).toEqual(['briefingpaper'])
    expect(nameSegments('')).toEqual([])
  })

  it('does not split a separator run into empty pieces', () => {
    expect(nameSegments('a__b')).toEqual(['a_', '_', 'b'])
  })
})
