/**
 * A small reviewed NZ OIA release as plain report input, shared by the report's tests: two documents,
 * a page withheld in full, s 6 and s 9 grounds, a box with no ground, a leak, disputed boxes with notes.
 */
import { catalogueFor } from './fromScans'
import type { ReportInput, ReportRedactionInput } from './types'

const A4_WIDTH_PT = 595
const A4_HEIGHT_PT = 842

const base = {
  kind: 'black',
  origin: 'detected',
  label: null,
  status: 'unreviewed',
  note: '',
  leak: null
} as const satisfies Partial<ReportRedactionInput>

export const LEAKED_TEXT = 'Jane Citizen, 12 Secret Street'

export function sampleInput(overrides: Partial<ReportInput['options']> = {}): ReportInput {
  return {
    release: {
      name: 'MBIE OIA 2026-0412',
      agency: 'Ministry of Business, Innovation and Employment',
      requestRef: 'DOIA 2526-0412',
      requestDate: '2026-03-02',
      responseDate: '2026-04-14',
      regime: 'unknown',
      notes: 'Briefings on the housing package.',
      letterGrounds: ['9(2)(a)', '9(2)(g)(i)', '9(2)(j)']
    },
    documents: [
      {
        id: 'doc-b',
        name: 'briefing.pdf',
        sha256: 'b'.repeat(64),
        pageCount: 3,
        pages: [0, 1, 2].map((index) => ({
          index,
          width: A4_WIDTH_PT,
          height: A4_HEIGHT_PT,
          withheldInFull: index === 2
        })),
        // Deliberately out of reading order: the register must sort them.
        redactions: [
          {
            ...base,
            id: 'r3',
            pageIndex: 1,
            pageRect: [72, 100, 300, 114],
            grounds: ['9(2)(g)(i)'],
            label: 's9(2)(g)(i)'
          },
          {
            ...base,
            id: 'r2',
            pageIndex: 0,
            pageRect: [300, 600, 520, 614],
            grounds: ['9(2)(a)'],
            label: 's9(2)(a)',
            status: 'disputed',
            note: 'Names of senior officials are routinely released.',
            leak: { kind: 'text-under-box', chars: 26, sha256: 'c'.repeat(64) },
            leakedText: LEAKED_TEXT
          },
          {
            ...base,
            id: 'r1',
            pageIndex: 0,
            pageRect: [72, 600, 280, 614],
            grounds: ['6(a)', '9(2)(a)'],
            label: 's6(a), s9(2)(a)'
          },
          { ...base, id: 'r4', pageIndex: 1, pageRect: [72, 400, 523, 442], grounds: [], status: 'accepted' },
          {
            ...base,
            id: 'r5',
            pageIndex: 2,
            kind: 'page',
            pageRect: [0, 0, A4_WIDTH_PT, A4_HEIGHT_PT],
            grounds: ['9(2)(g)(i)'],
            label: 'Withheld in full under s9(2)(g)(i)',
            status: 'disputed',
            note: ''
          }
        ]
      },
      {
        id: 'doc-a',
        name: 'annex.pdf',
        sha256: 'a'.repeat(64),
        pageCount: 1,
        pages: [{ index: 0, width: A4_WIDTH_PT, height: A4_HEIGHT_PT, withheldInFull: false }],
        redactions: [
          { ...base, id: 'r6', pageIndex: 0, pageRect: [72, 72, 200, 86], grounds: ['9(2)(b)(ii)'] }
        ]
      }
    ],
    catalogue: catalogueFor('nz-oia'),
    options: { includeLeakedText: false, scopeLabel: 'Whole release', ...overrides },
    generatedAt: '2026-05-01T09:00:00.000Z',
    engine: 'withheld 0.1.0'
  }
}
