import type { ScanPage, ScanRedaction } from '@core/types'
import { describe, expect, it } from 'vitest'
import type { RedactionRow } from '../../db/rows'
import { matchLeakedText } from './leakedText'

const leak = { kind: 'text-under-box' as const, chars: 12, sha256: 'a'.repeat(64) }

const row = (
  id: string,
  pageIndex: number,
  pageRect: RedactionRow['pageRect'],
  leaky = true
): RedactionRow => ({
  id,
  documentId: 'd',
  pageIndex,
  pageRect,
  kind: 'black',
  origin: 'detected',
  source: 'vector',
  confidence: 1,
  grounds: [],
  label: null,
  status: 'unreviewed',
  note: '',
  leak: leaky ? leak : null,
  createdAt: 0,
  updatedAt: 0
})

const box = (bbox: ScanRedaction['bbox'], leakedText: string | null): ScanRedaction => ({
  bbox,
  kind: 'black',
  source: 'vector',
  confidence: 1,
  label: null,
  grounds: [],
  leak: leakedText ? leak : null,
  leakedText,
  evidence: [],
  status: 'found',
  passage: null
})

const page = (index: number, redactions: ScanRedaction[]): ScanPage => ({
  index,
  width: 595,
  height: 842,
  rotation: 0,
  scanned: false,
  hasTextLayer: true,
  withheldInFull: false,
  redactions
})

describe('matchLeakedText', () => {
  it('gives each leaking row the text of the engine box at the same place on the same page', () => {
    const rows = [
      row('a', 0, [72, 100, 300, 114]),
      row('b', 1, [72, 100, 300, 114]),
      row('c', 0, [72, 500, 300, 514], false)
    ]
    const pages = [
      page(0, [box([72.4, 100.3, 299.6, 114.2], 'Jane Citizen'), box([72, 500, 300, 514], 'not a leak row')]),
      page(1, [box([80, 100, 300, 114], 'wrong place')])
    ]
    expect([...matchLeakedText(rows, pages)]).toEqual([['a', 'Jane Citizen']])
  })
})
