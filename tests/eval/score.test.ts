import { describe, expect, it } from 'vitest'
import type { TruthFile, TruthRedaction } from '../fixtures/generator/truth'
import { type DetectedFile, iou, matchBoxes, prf, score } from './score'

type Box = readonly [number, number, number, number]

const truthBox = (bbox: Box, extra: Partial<TruthRedaction> = {}): TruthRedaction => ({
  bbox,
  kind: 'black',
  grounds: [],
  label: null,
  leak: null,
  style: 'word',
  drawnAs: 're',
  labelPlacement: 'none',
  ...extra
})

const truthFile = (pages: TruthFile['pages']): TruthFile => ({
  schema: 'withheld.truth/1',
  file: 'a.pdf',
  generator: 'test',
  regime: 'nz-oia',
  pages
})

const det = (bbox: Box, grounds: string[] = [], leak: string | null = null, chars?: number) => ({
  bbox,
  kind: 'black',
  grounds,
  leak: leak ? { kind: leak, ...(chars !== undefined ? { chars } : {}) } : null
})

describe('iou and matching', () => {
  it('computes IoU of overlapping, nested and disjoint boxes', () => {
    expect(iou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1)
    expect(iou([0, 0, 10, 10], [5, 0, 15, 10])).toBeCloseTo(50 / 150)
    expect(iou([0, 0, 10, 10], [20, 20, 30, 30])).toBe(0)
    expect(iou([0, 0, 10, 10], [0, 0, 10, 5])).toBe(0.5)
  })

  it('matches one-to-one, best IoU first, and ignores pairs under 0.5', () => {
    const truth: Box[] = [
      [0, 0, 10, 10],
      [0, 0, 10, 9]
    ]
    // Detection 0 fits truth 1 better than truth 0; truth 0 then takes detection 1.
    const detected: Box[] = [
      [0, 0, 10, 9],
      [0, 0, 10, 10.5],
      [50, 50, 60, 60]
    ]
    expect(matchBoxes(truth, detected).sort()).toEqual([
      [0, 1],
      [1, 0]
    ])
    expect(matchBoxes([[0, 0, 10, 10]], [[0, 0, 10, 4]])).toEqual([])
  })

  it('gives 1 for precision and recall when nothing was there and nothing reported', () => {
    expect(prf(0, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 })
    expect(prf(1, 1, 2)).toMatchObject({ precision: 0.5, recall: 1 / 3 })
  })
})

describe('score', () => {
  const truth = truthFile([
    {
      index: 0,
      width: 600,
      height: 800,
      rotation: 0,
      withheldInFull: false,
      redactions: [
        truthBox([100, 100, 200, 112], { grounds: ['9(2)(a)'], style: 'word', kind: 'black' }),
        truthBox([100, 200, 500, 260], {
          grounds: ['9(2)(g)(i)', '9(2)(a)'],
          style: 'block',
          kind: 'grey',
          leak: 'text-under-box'
        }),
        truthBox([100, 300, 150, 312], { style: 'word', kind: 'white', leak: 'text-under-box' })
      ],
      lookalikes: [{ bbox: [72, 700, 520, 701], style: 'rule' }]
    },
    {
      index: 1,
      width: 600,
      height: 800,
      rotation: 0,
      withheldInFull: true,
      redactions: [truthBox([0, 0, 600, 800], { kind: 'page', style: 'placeholder', grounds: ['9(2)(j)'] })],
      lookalikes: []
    }
  ])

  it('counts matches, misses, false positives, look-alikes, grounds, leaks and withheld pages', () => {
    const detected: DetectedFile = {
      file: 'a.pdf',
      pages: [
        {
          index: 0,
          withheldInFull: false,
          redactions: [
            det([101, 100, 201, 112], ['9(2)(a)']),
            det([100, 201, 500, 260], ['9(2)(a)', '9(2)(g)(i)'], 'text-under-box'),
            // the rule, reported as a redaction
            det([72, 699.5, 520, 701.5]),
            // a false leak far from anything
            det([300, 500, 340, 512], [], 'text-under-box')
          ]
        },
        { index: 1, withheldInFull: true, redactions: [det([0, 0, 600, 800], ['9(2)(j)', '9(2)(a)'])] }
      ]
    }
    const s = score([truth], [detected])
    expect(s.pages).toBe(2)
    expect(s.boxes).toMatchObject({ tp: 3, fp: 2, fn: 1 })
    expect(s.byFile['a.pdf']).toMatchObject({ tp: 3, fp: 2, fn: 1 })
    expect(s.byStyle['word']).toMatchObject({ tp: 1, fn: 1, fp: 0 })
    expect(s.byStyle['(no truth box)']).toMatchObject({ fp: 2 })
    expect(s.byKind['white']).toMatchObject({ tp: 0, fn: 1 })
    expect(s.lookalikes).toMatchObject({ total: 1, reported: 1, per100Pages: 50, byStyle: { rule: 1 } })
    expect(s.falsePositives.per100Pages).toBe(100)
    // Grounds: word exact, block exact in another order, placeholder has one extra → 2 of 3.
    expect(s.grounds).toMatchObject({ matched: 3, correct: 2, labelled: 3, labelledCorrect: 2 })
    // Leaks: block found (tp), white missed (fn), false leak on the unmatched box (fp).
    expect(s.leaks).toMatchObject({ tp: 1, fn: 1, fp: 1, kindCorrect: 1 })
    expect(s.withheldInFull).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 })
    // The block is grey and the placeholder a page in truth; both were reported black.
    expect(s.kinds).toMatchObject({
      matched: 3,
      correct: 1,
      confusions: { 'grey→black': 1, 'page→black': 1 }
    })
    expect(s.missingFiles).toEqual([])
    expect(s.details.missed).toMatchObject([{ page: 0, style: 'word', kind: 'white', bestIou: 0 }])
    expect(s.details.falsePositives.map((f) => f.lookalike)).toEqual(['rule', null])
    expect(s.details.wrongGrounds).toMatchObject([
      { page: 1, truth: ['9(2)(j)'], detected: ['9(2)(j)', '9(2)(a)'] }
    ])
    expect(s.details.missedLeaks).toMatchObject([{ leak: 'text-under-box', matched: false }])
    expect(s.details.falseLeaks).toHaveLength(1)
  })

  it('scores a file with no result as all missed, and an over-eager page as a withheld false positive', () => {
    expect(score([truth], []).boxes).toMatchObject({ tp: 0, fp: 0, fn: 4, recall: 0 })
    expect(score([truth], []).missingFiles).toEqual(['a.pdf'])
    const eager: DetectedFile = {
      file: 'a.pdf',
      pages: [
        { index: 0, withheldInFull: true, redactions: [] },
        { index: 1, withheldInFull: false, redactions: [] }
      ]
    }
    expect(score([truth], [eager]).withheldInFull).toMatchObject({ tp: 0, fp: 1, fn: 1 })
  })

  it('credits a leak found on a matched box even when its kind differs, and counts the kind apart', () => {
    const one = truthFile([
      {
        index: 0,
        width: 100,
        height: 100,
        rotation: 0,
        withheldInFull: false,
        redactions: [
          truthBox([10, 10, 50, 20], { leak: 'text-same-colour', leakChars: 40 }),
          truthBox([10, 30, 50, 40], { leak: 'text-under-box', leakChars: 12 })
        ],
        lookalikes: []
      }
    ])
    const s = score(
      [one],
      [
        {
          file: 'a.pdf',
          pages: [
            {
              index: 0,
              withheldInFull: false,
              redactions: [
                det([10, 10, 50, 20], [], 'text-under-box', 37),
                det([10, 30, 50, 40], [], 'text-under-box', 12)
              ]
            }
          ]
        }
      ]
    )
    // 37 of 40 characters is within 10 %; 12 of 12 exact.
    expect(s.leaks).toMatchObject({ tp: 2, fp: 0, fn: 0, kindCorrect: 1, charsExact: 1, charsClose: 2 })
  })
})

describe('revealed leak text', () => {
  it('compares the revealed text with what lies under the box, ignoring whitespace', () => {
    const one = truthFile([
      {
        index: 0,
        width: 100,
        height: 100,
        rotation: 0,
        withheldInFull: false,
        redactions: [
          truthBox([10, 10, 50, 20], { leak: 'text-under-box', leakChars: 9, leakText: 'Aroha Ngata' }),
          truthBox([10, 30, 50, 40], { leak: 'text-under-box', leakChars: 4, leakText: '04 9' })
        ],
        lookalikes: []
      }
    ])
    const s = score(
      [one],
      [
        {
          file: 'a.pdf',
          pages: [
            {
              index: 0,
              withheldInFull: false,
              redactions: [
                { ...det([10, 10, 50, 20], [], 'text-under-box', 9), leakedText: 'Aroha  Ngata ' },
                { ...det([10, 30, 50, 40], [], 'text-under-box', 4), leakedText: '04 8' }
              ]
            }
          ]
        }
      ]
    )
    expect(s.leaks).toMatchObject({ textChecked: 2, textExact: 1 })
    expect(s.details.leakTexts).toMatchObject([{ truth: '04 9', detected: '04 8' }])
  })
})

describe('score on the generated quick corpus', () => {
  it('gives a perfect score to the truth itself and a zero recall to an empty scan', async () => {
    const { corpusSpecs, generateFile } = await import('../fixtures/generator/corpus')
    const truths = await Promise.all(
      corpusSpecs('quick').map(async (spec) => (await generateFile(spec, 'test')).truth)
    )
    const asDetected: DetectedFile[] = truths.map((t) => ({
      file: t.file,
      pages: t.pages.map((p) => ({
        index: p.index,
        withheldInFull: p.withheldInFull,
        redactions: p.redactions.map((r) => ({
          ...det(r.bbox, [...r.grounds], r.leak, r.leakChars),
          kind: r.kind
        }))
      }))
    }))
    const perfect = score(truths, asDetected)
    expect(perfect.pages).toBe(60)
    expect(perfect.boxes.f1).toBe(1)
    expect(perfect.grounds.accuracy).toBe(1)
    expect(perfect.kinds.accuracy).toBe(1)
    expect(perfect.leaks).toMatchObject({ precision: 1, recall: 1 })
    // Every truth leak carries its length.
    expect(perfect.leaks.charsExact).toBe(perfect.leaks.tp)
    expect(perfect.withheldInFull.f1).toBe(1)
    expect(perfect.lookalikes.reported).toBe(0)
    const empty = score(
      truths,
      truths.map((t) => ({ file: t.file, pages: [] }))
    )
    expect(empty.boxes).toMatchObject({ tp: 0, recall: 0 })
    expect(empty.boxes.fn).toBe(perfect.boxes.tp)
  })
})
