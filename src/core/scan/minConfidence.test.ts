import { describe, expect, it } from 'vitest'
import type { ScanRedaction, ScanResult } from '../types'
import { withMinConfidence } from './minConfidence'

const r = (
  confidence: number,
  kind: ScanRedaction['kind'] = 'grey',
  grounds: string[] = []
): ScanRedaction => ({
  bbox: [0, 0, 10, 10],
  kind,
  source: 'raster',
  confidence,
  label: null,
  grounds,
  leak: null,
  leakedText: null,
  evidence: [],
  status: 'found',
  passage: null
})

const result = (redactions: ScanRedaction[][]): ScanResult => ({
  schema: 'withheld.scan/1',
  engine: 'test',
  file: 'a.pdf',
  sha256: 'a'.repeat(64),
  pageCount: redactions.length,
  producer: null,
  regime: 'unknown',
  pages: redactions.map((rs, index) => ({
    index,
    width: 100,
    height: 100,
    rotation: 0,
    scanned: true,
    hasTextLayer: false,
    withheldInFull: rs.some((x) => x.kind === 'page'),
    redactions: rs
  })),
  summary: { redactions: 0, pagesWithheldInFull: 0, leaks: 0, byGround: {} }
})

describe('withMinConfidence', () => {
  it('leaves out candidates under the bar, keeps pages withheld in full, and counts again', () => {
    const out = withMinConfidence(result([[r(0.5), r(0.9, 'grey', ['9(2)(a)'])], [r(0.4, 'page')]]), 0.7)
    expect(out.pages[0]?.redactions.map((x) => x.confidence)).toEqual([0.9])
    expect(out.pages[1]?.redactions).toHaveLength(1)
    expect(out.summary).toEqual({
      redactions: 2,
      pagesWithheldInFull: 1,
      leaks: 0,
      byGround: { '9(2)(a)': 1 }
    })
  })

  it('changes nothing at 0', () => {
    const given = result([[r(0.1)]])
    expect(withMinConfidence(given, 0)).toBe(given)
  })
})
