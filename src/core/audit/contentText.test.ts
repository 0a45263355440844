import { describe, expect, it } from 'vitest'
import { readContent, type ContentEnv } from './contentText'
import { decodeWithFont } from './fontText'
import { isRef } from './pdfSyntax'

const env: ContentEnv = {
  resolve: (v) => v,
  streamBytes: () => null,
  isHiddenOc: (v) => isRef(v) && v.num === 9,
  font: () => decodeWithFont(null)
}
const run = (ops: string, resources?: Parameters<typeof readContent>[1]) =>
  readContent(new Uint8Array(Buffer.from(ops, 'latin1')), resources, env)

describe('content stream reading for the audit', () => {
  it('places text through the CTM and text matrix, with size, mode and colour', () => {
    const report = run(
      'q 2 0 0 2 10 20 cm BT /F1 6 Tf 1 0 0 1 5 5 Tm 3 Tr 1 g (Hidden) Tj ET Q BT /F1 10 Tf 72 700 Td (Plain) Tj ET'
    )
    const [hidden, plain] = report.texts
    expect(hidden).toMatchObject({
      text: 'Hidden',
      origin: [20, 30],
      sizePt: 12,
      renderMode: 3,
      fill: [1, 1, 1]
    })
    expect(plain).toMatchObject({
      text: 'Plain',
      origin: [72, 700],
      sizePt: 10,
      renderMode: 0,
      fill: [0, 0, 0]
    })
  })

  it('marks text in an optional content group that is off', () => {
    const resources = {
      type: 'dict',
      entries: new Map([
        ['Properties', { type: 'dict', entries: new Map([['L', { type: 'ref', num: 9, gen: 0 }]]) }]
      ])
    } as const
    const report = run('/OC /L BDC BT (Off) Tj ET EMC BT (On) Tj ET', resources as never)
    expect(report.texts.map((t) => [t.text, t.hiddenLayer])).toEqual([
      ['Off', true],
      ['On', false]
    ])
  })

  it('records one-rectangle fills only (a frame of two rectangles is not a box) and clips', () => {
    const report = run(
      '0 g 10 10 50 20 re f 0 0 100 100 re 5 5 90 90 re f* 20 20 10 10 re W n BT 1 0 0 1 25 25 Tm (In) Tj ET'
    )
    expect(report.fills).toEqual([{ rect: [10, 10, 60, 30], fill: [0, 0, 0] }])
    expect(report.texts[0]!.clip).toEqual([20, 20, 30, 30])
  })

  it('keeps /ActualText of marked content and the MCIDs that painted', () => {
    const report = run('/Span <</ActualText (Secret words) /MCID 3>> BDC BT 1 0 0 1 40 50 Tm (x) Tj ET EMC')
    expect(report.marked).toEqual([{ text: 'Secret words', key: 'ActualText', hiddenLayer: false }])
    expect(report.mcids.get(3)).toEqual([40, 50])
  })
})
