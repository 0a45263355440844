import { describe, expect, it } from 'vitest'
import { HITS_PER_PAGE, searchRelease } from './searchRelease'

const documents = [
  { id: 'd1', name: 'briefing.pdf' },
  { id: 'd2', name: 'annex.pdf' }
]
const redaction = (
  id: string,
  documentId: string,
  pageIndex: number,
  note: string,
  label: string | null
) => ({
  id,
  documentId,
  pageIndex,
  pageRect: [72, 100 * pageIndex + 50, 300, 100 * pageIndex + 64] as const,
  note,
  label
})
const texts = new Map([
  [
    'd1',
    { documentId: 'd1', pages: ['Housing package advice', 'The housing\npackage costs'], problem: null }
  ],
  ['d2', { documentId: 'd2', pages: ['housing '.repeat(10)], problem: null }]
])

describe('searchRelease', () => {
  it('lists note and label hits first (reading order), then page text, capped per page', () => {
    const redactions = [
      redaction('r2', 'd2', 0, 'Housing figures already public', null),
      redaction('r1', 'd1', 1, '', 's9(2)(j) housing negotiations')
    ]
    const { hits, truncated } = searchRelease('HOUSING', documents, redactions, texts)
    expect(truncated).toBe(false)
    expect(hits.map((h) => [h.kind, h.documentId, h.pageIndex])).toEqual([
      ['label', 'd1', 1],
      ['note', 'd2', 0],
      ['page', 'd1', 0],
      ['page', 'd1', 1],
      ...Array.from({ length: HITS_PER_PAGE }, () => ['page', 'd2', 0])
    ])
    const hit = hits[3]!
    expect(hit.snippet.match).toBe('housing')
  })

  it('matches a phrase broken over two lines, and nothing for a blank query', () => {
    expect(searchRelease('housing package costs', documents, [], texts).hits).toHaveLength(1)
    expect(searchRelease('  ', documents, [], texts).hits).toEqual([])
  })
})
