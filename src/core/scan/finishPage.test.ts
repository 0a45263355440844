import { describe, expect, it } from 'vitest'
import type { PageRect, ScanPage, ScanRedaction } from '../types'
import { POSSIBLE_BELOW, finishPage } from './finishPage'

const bar = (
  bbox: PageRect,
  grounds: string[] = [],
  confidence = 0.9,
  label: string | null = null
): ScanRedaction => ({
  bbox,
  kind: 'grey',
  source: 'raster',
  confidence,
  label,
  grounds,
  leak: null,
  leakedText: null,
  evidence: ['flat-fill'],
  status: 'found',
  passage: null
})

const page = (redactions: ScanRedaction[]): ScanPage => ({
  index: 2,
  width: 595,
  height: 842,
  rotation: 0,
  scanned: true,
  hasTextLayer: false,
  withheldInFull: false,
  redactions
})

describe('finishPage', () => {
  it('groups the bars of a paragraph withheld line by line into one passage, keeping every bar', () => {
    const done = finishPage(
      page([
        bar([72, 100, 520, 112], ['9(2)(a)']),
        bar([72, 114, 520, 126], ['9(2)(a)']),
        bar([72, 128, 300, 140], ['9(2)(a)']),
        // Two lines further down: another passage.
        bar([72, 200, 400, 212], ['9(2)(a)']),
        bar([72, 214, 200, 226], ['9(2)(a)'])
      ])
    )
    expect(done.redactions).toHaveLength(5)
    expect(done.redactions.map((r) => r.passage)).toEqual(['p3-1', 'p3-1', 'p3-1', 'p3-2', 'p3-2'])
  })

  it('keeps bars with different grounds, or side by side on one line, out of each other’s passage', () => {
    const done = finishPage(
      page([
        bar([72, 100, 520, 112], ['9(2)(a)']),
        bar([72, 114, 520, 126], ['6(a)']),
        bar([72, 300, 150, 312]),
        bar([200, 300, 260, 312])
      ])
    )
    expect(done.redactions.map((r) => r.passage)).toEqual([null, null, null, null])
  })

  it('calls a low-confidence candidate possible unless a ground was read, and adds label evidence', () => {
    const done = finishPage(
      page([
        bar([72, 100, 200, 112], [], POSSIBLE_BELOW - 0.1),
        bar([72, 300, 200, 312], ['9(2)(a)'], POSSIBLE_BELOW - 0.1, 's9(2)(a)'),
        bar([72, 500, 200, 512], [], POSSIBLE_BELOW)
      ])
    )
    expect(done.redactions.map((r) => r.status)).toEqual(['possible', 'found', 'found'])
    expect(done.redactions[1]?.evidence).toEqual(['flat-fill', 'label'])
  })
})
