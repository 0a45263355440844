import { describe, expect, it } from 'vitest'
import type { ScanPage } from '@core/types'
import { ScanAssembler } from './assemble'

const page = (index: number, grounds: string[]): ScanPage => ({
  index,
  width: 595,
  height: 842,
  rotation: 0,
  scanned: false,
  hasTextLayer: true,
  withheldInFull: false,
  redactions: grounds.map((ground) => ({
    bbox: [72, 100, 200, 114],
    kind: 'black',
    source: 'vector',
    confidence: 0.9,
    label: `s${ground}`,
    grounds: [ground],
    leak: null,
    leakedText: null,
    evidence: [],
    status: 'found',
    passage: null
  }))
})

describe('ScanAssembler', () => {
  it('rebuilds withheld.scan/1 from meta, pages in any order and the regime', () => {
    const assembler = new ScanAssembler('brief.pdf', 'ab'.repeat(32))
    assembler.accept({
      type: 'meta',
      meta: { pageCount: 2, producer: 'Word', title: null, encrypted: false, pages: [] }
    })
    expect(assembler.pageCount).toBe(2)
    assembler.accept({ type: 'page', page: page(1, ['9(2)(a)']) })
    assembler.accept({ type: 'page', page: page(0, ['9(2)(a)', '6(a)']) })
    expect(assembler.pagesDone).toBe(2)
    const result = assembler.finish('nz-oia')
    expect(result).toMatchObject({
      schema: 'withheld.scan/1',
      file: 'brief.pdf',
      sha256: 'ab'.repeat(32),
      pageCount: 2,
      producer: 'Word',
      regime: 'nz-oia',
      summary: { redactions: 3, pagesWithheldInFull: 0, leaks: 0, byGround: { '9(2)(a)': 2, '6(a)': 1 } }
    })
    expect(result.pages.map((p) => p.index)).toEqual([0, 1])
  })
})
