import { describe, expect, it } from 'vitest'
import { Findings, TextIndex } from './findings'

describe('judging hidden strings against the visible pages', () => {
  const index = new TextIndex()
  index.addVisible('Briefing for the Minister on the housing report. The advice came from last week.')
  index.addHidden('Hemi Parata Waititi')

  it('passes text the pages show, flags names and mostly-unseen words, and repeats of hidden text', () => {
    expect(index.unseen('Housing report briefing').reveals).toBe(false)
    expect(index.unseen('Minister of Housing').reveals).toBe(false)
    expect(index.unseen('Interview with Aroha Ngata').reveals).toBe(true)
    // Generic words the pages lack name nothing; the first word's capital starts a sentence.
    expect(index.unseen('notes taken during the inquiry').reveals).toBe(false)
    expect(index.unseen('OIA-2026-0412 response').reveals).toBe(false)
    expect(index.unseen('Meeting notes').reveals).toBe(false)
    expect(index.unseen('Parata').reveals).toBe(true)
    expect(index.unseen('Notes on PARATA').reveals).toBe(true)
    expect(index.unseen('About: hemi parata waititi').reveals).toBe(true)
    expect(index.unseen('Microsoft Word - Document1').reveals).toBe(false)
  })

  it('records hashes and counts, and the text only when revealed', () => {
    const hidden = new Findings(false)
    const shown = new Findings(true)
    for (const f of [hidden, shown]) {
      f.text('metadata', 'document information (Subject)', null, 'Complaint by Aroha Ngata')
      f.text('metadata', 'XMP metadata (dc:description)', null, 'Complaint  by Aroha Ngata') // same text: once
      f.text('annotation', 'page 1', 0, 's9(2)(a)') // a ground label is not a leak
    }
    expect(hidden.list).toHaveLength(1)
    expect(hidden.list[0]!.leak.chars).toBe('ComplaintbyArohaNgata'.length)
    expect(hidden.list[0]!.text).toBeNull()
    expect(shown.list[0]!.text).toBe('Complaint by Aroha Ngata')
    expect(shown.list[0]!.leak.sha256).toBe(hidden.list[0]!.leak.sha256)
  })
})
