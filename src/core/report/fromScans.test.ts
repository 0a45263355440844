import { describe, expect, it } from 'vitest'
import { ENGINE_VERSION, SCAN_SCHEMA, type ScanResult } from '../types'
import { buildReport } from './buildReport'
import { reportInputFromScans } from './fromScans'

const scan = (file: string, grounds: string[], leakedText: string | null): ScanResult => ({
  schema: SCAN_SCHEMA,
  engine: ENGINE_VERSION,
  file,
  sha256: file.length.toString(16).padStart(64, '0'),
  pageCount: 2,
  producer: null,
  regime: 'unknown',
  pages: [0, 1].map((index) => ({
    index,
    width: 612,
    height: 792,
    rotation: 0,
    scanned: false,
    hasTextLayer: true,
    withheldInFull: false,
    redactions:
      index === 1
        ? [
            {
              bbox: [72, 500, 300, 514],
              kind: 'black',
              source: 'vector',
              confidence: 0.9,
              label: grounds.join(' '),
              grounds,
              leak: leakedText
                ? { kind: 'text-under-box', chars: leakedText.length, sha256: 'd'.repeat(64) }
                : null,
              leakedText,
              evidence: [],
              status: 'found',
              passage: null
            },
            {
              bbox: [72, 100, 300, 114],
              kind: 'black',
              source: 'vector',
              confidence: 0.9,
              label: null,
              grounds: [],
              leak: null,
              leakedText: null,
              evidence: [],
              status: 'found',
              passage: null
            }
          ]
        : []
  })),
  summary: { redactions: 2, pagesWithheldInFull: 0, leaks: 0, byGround: {} }
})

describe('reportInputFromScans', () => {
  it('makes every detection an unreviewed redaction with no note, one document per scan', () => {
    const input = reportInputFromScans([
      scan('a.pdf', ['(b)(6)'], 'Agent Smith'),
      scan('bb.pdf', ['(b)(5)'], null)
    ])
    expect(input.documents.map((d) => d.name)).toEqual(['a.pdf', 'bb.pdf'])
    const redactions = input.documents.flatMap((d) => d.redactions)
    expect(redactions).toHaveLength(4)
    expect(
      redactions.every((r) => r.status === 'unreviewed' && r.note === '' && r.origin === 'detected')
    ).toBe(true)
    expect(new Set(redactions.map((r) => r.id)).size).toBe(4)
    // The regime is read by buildReport (letter, labels, grounds); the grounds order the catalogue.
    expect(input.release.regime).toBe('unknown')
    expect(input.catalogue[0]?.code.startsWith('(b)')).toBe(true)
    expect(buildReport(input).cover.regime).toBe('us-foia')
    expect(input.release.name).toBe('Release of 2 documents')
  })

  it('gives the report US meanings and order, and keeps leaked text out by default', () => {
    const report = buildReport(reportInputFromScans([scan('a.pdf', ['(b)(6)'], 'Agent Smith')]))
    expect(report.cover.title).toBe('a.pdf')
    expect(report.register.map((r) => r.pageRect[1])).toEqual([100, 500])
    expect(report.grounds[0]?.label).toBeTruthy()
    expect(report.grounds[0]?.groundClass).toBe('us-exemption')
    expect(report.leaks[0]?.leakedText).toBeNull()
    expect(report.complaint).toBeNull()
  })
})
