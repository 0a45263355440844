import { describe, expect, it } from 'vitest'
import type { ScanPage } from '../types'
import type { RasterBox } from '../raster/detectRasterBoxes'
import { mergeRasterBoxes } from './rasterPass'

const page = (redactions: ScanPage['redactions'] = []): ScanPage => ({
  index: 0,
  width: 600,
  height: 800,
  rotation: 0,
  scanned: true,
  hasTextLayer: false,
  withheldInFull: false,
  redactions
})

const box = (pageRect: RasterBox['pageRect'], kind: RasterBox['kind'] = 'black'): RasterBox => ({
  pageRect,
  kind,
  confidence: 0.9,
  marker: false
})

describe('mergeRasterBoxes', () => {
  it('adds raster boxes in reading order with source raster', () => {
    const merged = mergeRasterBoxes(page(), [box([100, 300, 200, 312]), box([50, 100, 150, 112], 'grey')])
    expect(merged.redactions.map((r) => [r.source, r.kind, r.bbox[1]])).toEqual([
      ['raster', 'grey', 100],
      ['raster', 'black', 300]
    ])
  })

  it('counts a vector box over already-black pixels once', () => {
    const vector = {
      bbox: [99, 299, 201, 313] as const,
      kind: 'black' as const,
      source: 'vector' as const,
      confidence: 0.95,
      label: 's9(2)(a)',
      grounds: ['9(2)(a)'],
      leak: null,
      leakedText: null,
      evidence: [],
      status: 'found' as const,
      passage: null
    }
    const merged = mergeRasterBoxes(page([vector]), [box([100, 300, 200, 312])])
    expect(merged.redactions).toEqual([vector])
  })

  it('a raster box over most of the page withholds the page in full', () => {
    const merged = mergeRasterBoxes(page(), [box([40, 40, 560, 760])])
    expect(merged.withheldInFull).toBe(true)
    expect(merged.redactions[0]?.kind).toBe('page')
  })

  it('a large white box does not make a page withheld in full', () => {
    const merged = mergeRasterBoxes(page(), [box([40, 40, 560, 760], 'white')])
    expect(merged.withheldInFull).toBe(false)
    expect(merged.redactions[0]?.kind).toBe('white')
  })
})
