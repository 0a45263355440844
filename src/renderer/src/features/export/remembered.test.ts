import { describe, expect, it } from 'vitest'
import { DEFAULT_CHOICES, parseRemembered, serialiseRemembered } from './remembered'

describe('remembered export choices', () => {
  it('round-trips formats, pictures and paper', () => {
    const choices = {
      formats: new Set(['csv', 'html'] as const),
      thumbnails: false,
      paper: 'letter' as const
    }
    const back = parseRemembered(serialiseRemembered(choices))
    expect([...back.formats]).toEqual(['html', 'csv'])
    expect(back).toMatchObject({ thumbnails: false, paper: 'letter' })
  })

  it('falls back to the defaults on anything unexpected, and never carries leaked text', () => {
    expect(parseRemembered(null)).toBe(DEFAULT_CHOICES)
    expect(parseRemembered('{not json')).toBe(DEFAULT_CHOICES)
    expect(parseRemembered('[]').formats).toEqual(DEFAULT_CHOICES.formats)
    const odd = parseRemembered(
      JSON.stringify({ formats: ['exe', 'json'], thumbnails: 'yes', paper: 'a3', includeLeakedText: true })
    )
    expect(odd).toEqual({ formats: new Set(['json']), thumbnails: true, paper: null })
    expect(parseRemembered(JSON.stringify({ formats: [] })).formats).toEqual(new Set(['html']))
  })
})
