/**
 * The look-alike rules on hand-made pages: plain data in, the scan contract's page out. Coordinates
 * are displayed-page points (top-left origin); text is 10 pt Helvetica-like, one glyph per word here.
 */
import { describe, expect, it } from 'vitest'
import type { FillBox, Glyph, PageContent } from '../pdf/pageContent'
import type { PageRect } from '../types'
import { detectPage } from './detectPage'

let seq = 0
const BLACK = [0, 0, 0] as const
const WHITE = [255, 255, 255] as const

/** A line of text as one glyph per character, 5 pt wide, 10 pt tall, starting at (x, top). */
function text(s: string, x: number, top: number, colour: readonly [number, number, number] = BLACK): Glyph[] {
  return [...s].map((ch, i) => ({
    seq: seq++,
    rect: [x + 5 * i, top, x + 5 * i + 5, top + 10] as PageRect,
    unicode: ch,
    colour,
    invisible: false,
    sizePt: 10,
    rotated: false,
    diagonal: false,
    dir: 0 as const,
    clippedOut: false,
    alpha: 1,
    group: 0
  }))
}

function box(
  rect: PageRect,
  colour: readonly [number, number, number] = BLACK,
  extra: Partial<FillBox> = {}
): FillBox {
  return {
    seq: seq++,
    rect,
    colour,
    alpha: 1,
    stroked: false,
    inAnnotation: false,
    blended: false,
    group: 0,
    ...extra
  }
}

function page(items: Array<Glyph[] | FillBox>, size: [number, number] = [600, 800]): PageContent {
  const glyphs: Glyph[] = []
  const fills: FillBox[] = []
  for (const item of items) {
    if (Array.isArray(item)) glyphs.push(...item)
    else fills.push(item)
  }
  return { width: size[0], height: size[1], glyphs, fills, images: [] }
}

const detect = (content: PageContent, revealLeaks = true) =>
  detectPage(
    { index: 0, width: content.width, height: content.height, rotation: 0, content, redactAnnotations: [] },
    { revealLeaks }
  )

/** A paragraph around the box so the page has line heights and a text flow. */
const paragraph = (): Glyph[][] => [
  text('The Minister met officials on the matter of the review.', 72, 100),
  text('Officials will report back after the consultation ends.', 72, 130)
]

describe('detectPage', () => {
  it('reports a black box over text drawn before it as a leak, text hidden by default', () => {
    const content = page([
      ...paragraph(),
      text('The Minister met Alice Example today.', 72, 115),
      box([152, 114, 222, 126])
    ])
    const shown = detect(content).redactions
    expect(shown).toHaveLength(1)
    expect(shown[0]!.kind).toBe('black')
    expect(shown[0]!.leak?.kind).toBe('text-under-box')
    expect(shown[0]!.leakedText).toBe('Alice Example')
    expect(detect(content, false).redactions[0]!.leakedText).toBeNull()
  })

  it('finds a clean black box in a line gap and reads the label beside it', () => {
    const content = page([
      ...paragraph(),
      text('The Minister met', 72, 115),
      box([155, 114, 225, 126]),
      text('s9(2)(a) today.', 230, 115)
    ])
    const [r] = detect(content).redactions
    expect(r?.leak).toBeNull()
    expect(r?.grounds).toEqual(['9(2)(a)'])
    expect(r?.label).toBe('s9(2)(a)')
  })

  it('reads a label printed inside the box', () => {
    const content = page([...paragraph(), box([72, 114, 200, 126]), text('s9(2)(g)(i)', 80, 115, WHITE)])
    const [r] = detect(content).redactions
    expect(r?.grounds).toEqual(['9(2)(g)(i)'])
    expect(r?.leak).toBeNull()
  })

  it('flags text drawn on a box in the box colour', () => {
    const content = page([...paragraph(), box([72, 114, 200, 126]), text('secret name', 80, 115, BLACK)])
    expect(detect(content).redactions[0]!.leak?.kind).toBe('text-same-colour')
  })

  it('keeps a box that a slanted watermark crosses', () => {
    const watermark = text('RELEASED UNDER THE OIA', 60, 110, [128, 128, 128]).map((g) => ({
      ...g,
      diagonal: true
    }))
    const content = page([
      ...paragraph(),
      text('The Minister met', 72, 115),
      box([155, 114, 225, 126]),
      ...[watermark]
    ])
    expect(detect(content).redactions.map((r) => r.kind)).toEqual(['black'])
  })

  it('treats shading with readable text on top as a header, not a redaction', () => {
    const content = page([
      ...paragraph(),
      box([72, 112, 400, 128], [200, 200, 200]),
      text('Table 1: Budget', 76, 115)
    ])
    expect(detect(content).redactions).toEqual([])
  })

  it('ignores rules, bullets and the white page background', () => {
    const content = page([
      box([0, 0, 600, 800], WHITE),
      ...paragraph(),
      box([72, 127, 400, 128]), // underline, 1 pt
      box([60, 103, 65, 108]), // bullet, 5 pt square
      text('Item one of the list', 72, 160)
    ])
    expect(detect(content).redactions).toEqual([])
  })

  it('takes a white box only where it hides text or carries a label', () => {
    const hiding = page([
      ...paragraph(),
      text('The Minister met Alice Example today.', 72, 115),
      box([152, 114, 222, 126], WHITE)
    ])
    const r = detect(hiding).redactions
    expect(r.map((x) => [x.kind, x.leak?.kind])).toEqual([['white', 'text-under-box']])
    const empty = page([...paragraph(), box([300, 300, 400, 312], WHITE)])
    expect(detect(empty).redactions).toEqual([])
  })

  it('turns down stacked chart bars, every segment, and their legend swatches', () => {
    const [dark, mid, light] = [
      [90, 29, 58],
      [181, 154, 184],
      [232, 165, 184]
    ] as const
    const fills = [
      [29, 76, 75],
      [77, 30, 78],
      [43, 84, 75],
      [24, 69, 7]
    ].flatMap(([a, b, c], i) => {
      const y = 70 + i * 12.2
      return [
        box([99, y, 99 + a!, y + 7.3], [...dark]),
        box([99 + a!, y, 99 + a! + b!, y + 7.3], [...mid]),
        box([99 + a! + b!, y, 99 + a! + b! + c!, y + 7.3], [...light])
      ]
    })
    const legend = [
      box([99, 182, 105.8, 188.8], [...dark]),
      text('Actual', 108, 182),
      box([151, 182, 157.8, 188.8], [...mid]),
      text('Forecast', 160, 182),
      box([204, 182, 210.8, 188.8], [...light]),
      text('Other', 213, 182)
    ]
    const labels = ['South', 'East', 'West', '2021'].map((t, i) => text(t, 70, 70 + i * 12.2))
    expect(detect(page([...paragraph(), ...fills, ...legend, ...labels])).redactions).toEqual([])
  })

  it('takes an uncatalogued code printed beside a box as its ground, never a bare section number', () => {
    const coded = detect(page([...paragraph(), box([72, 160, 200, 172]), text('5.1.2e', 206, 161)]))
    expect(coded.redactions.map((r) => r.grounds)).toEqual([['5.1.2e']])
    const numbered = detect(page([...paragraph(), box([72, 160, 200, 172]), text('6.2', 206, 161)]))
    expect(numbered.redactions.map((r) => r.grounds)).toEqual([[]])
  })

  it("turns down a pie chart's legend: small squares of several colours in a row", () => {
    const keys = [
      [0, 0, 0],
      [85, 85, 85],
      [150, 150, 150],
      [200, 200, 200]
    ] as const
    // Legend print is small (6 pt): beside it a 6.8 pt square is as tall as the line.
    const small = (s: string, x: number, top: number): Glyph[] =>
      text(s, x, top).map((g, k) => ({
        ...g,
        rect: [x + 3 * k, top, x + 3 * k + 3, top + 6] as PageRect,
        sizePt: 6
      }))
    const legend = keys.flatMap((c, i) => [
      box([82 + 52 * i, 648.8, 88.8 + 52 * i, 655.5], [...c]),
      small(['Staff', 'Contracts', 'Capital', 'Other'][i]!, 91 + 52 * i, 649.2)
    ])
    expect(detect(page([...paragraph(), ...legend])).redactions).toEqual([])
  })

  it('turns down the rule over a running footer in small print', () => {
    const small = (str: string, x: number, top: number): Glyph[] =>
      text(str, x, top).map((g, k) => ({
        ...g,
        rect: [x + 3.5 * k, top, x + 3.5 * k + 3.5, top + 7] as PageRect,
        sizePt: 7
      }))
    const content = page([
      box([72, 300, 528, 560]),
      text('s9(2)(a)', 280, 420, WHITE),
      box([56, 740, 546, 744]),
      small('Ministry of Regional Infrastructure', 56, 750),
      small('Page 8 of 10', 490, 750)
    ])
    expect(detect(content).redactions.map((r) => r.bbox)).toEqual([[72, 300, 528, 560]])
  })

  it('marks a page-size black box as the page withheld in full', () => {
    const content = page([box([30, 30, 570, 770]), text('s9(2)(j)', 280, 400, WHITE)])
    const result = detect(content)
    expect(result.withheldInFull).toBe(true)
    expect(result.redactions).toHaveLength(1)
    expect(result.redactions[0]!.kind).toBe('page')
    expect(result.redactions[0]!.grounds).toEqual(['9(2)(j)'])
  })

  it('marks a white box over the whole page, its label inside, as the page withheld in full', () => {
    const content = page([box([30, 30, 570, 770], WHITE), text('s9(2)(a)', 280, 400)])
    const result = detect(content)
    expect(result.withheldInFull).toBe(true)
    expect(result.redactions.map((r) => [r.kind, r.grounds])).toEqual([['page', ['9(2)(a)']]])
  })

  it('recognises placeholder pages and leaves ordinary short pages alone', () => {
    const placeholder = detect(page([text('Withheld in full under section 9(2)(j)', 150, 400)]))
    expect(placeholder.withheldInFull).toBe(true)
    expect(placeholder.redactions[0]).toMatchObject({ kind: 'page', source: 'page', grounds: ['9(2)(j)'] })
    expect(placeholder.redactions[0]!.bbox).toEqual([0, 0, 600, 800])
    const letterEnd = detect(page([text('Yours sincerely, Jane Example, Chief Executive', 72, 100)]))
    expect(letterEnd.withheldInFull).toBe(false)
    expect(letterEnd.redactions).toEqual([])
  })

  it('recognises a placeholder page in another language, its page range and number as furniture', () => {
    const dutch = detect(
      page([
        text("Pagina's zijn verwijderd", 40, 40),
        text('173974', 500, 40),
        text('2 - 2', 40, 70),
        text('Dubbel', 40, 100)
      ])
    )
    expect(dutch.withheldInFull).toBe(true)
    expect(dutch.redactions[0]).toMatchObject({ kind: 'page', label: "Pagina's zijn verwijderd" })
  })

  it('reports an unapplied /Redact mark over text as a leak', () => {
    const content = page([...paragraph(), text('The Minister met Alice Example today.', 72, 115)])
    const result = detectPage(
      {
        index: 0,
        width: 600,
        height: 800,
        rotation: 0,
        content,
        redactAnnotations: [{ rect: [152, 114, 222, 126], overlayText: 's9(2)(a)' }]
      },
      { revealLeaks: false }
    )
    expect(result.redactions).toHaveLength(1)
    expect(result.redactions[0]).toMatchObject({
      kind: 'annotation',
      source: 'annotation',
      grounds: ['9(2)(a)']
    })
    expect(result.redactions[0]!.leak?.kind).toBe('unapplied-annotation')
  })
})
