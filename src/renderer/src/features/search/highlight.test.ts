// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { clearSearchHighlight, findInTextLayer, markStyle, showPageMarks } from './highlight'

/** A text layer as pdf.js builds it: one span per text run, <br> at line ends. */
function layer(...runs: string[]): HTMLElement {
  const container = document.createElement('div')
  for (const run of runs) {
    if (run === '\n') container.append(document.createElement('br'))
    else {
      const span = document.createElement('span')
      span.textContent = run
      container.append(span)
    }
  }
  return container
}

describe('findInTextLayer', () => {
  it('finds words split across runs of one line', () => {
    const range = findInTextLayer(layer('Line 3: the kak', 'apo recovery'), 'KAKAPO')
    expect(range?.toString()).toBe('kakapo')
  })

  it('finds a phrase across a line break, where the runs carry no space', () => {
    const range = findInTextLayer(layer('free and', '\n', 'frank advice'), 'free and frank')
    expect(range?.toString()).toBe('free andfrank')
    expect(range?.startContainer.textContent).toBe('free and')
    expect(range?.endContainer.textContent).toBe('frank advice')
  })

  it('picks the n-th match, the last when there are fewer, and null when absent', () => {
    const container = layer('the Act', ' and the Act', ' and the Act again')
    const second = findInTextLayer(container, 'act', 1)
    expect(second?.startContainer.textContent).toBe(' and the Act')
    expect(findInTextLayer(container, 'act', 9)?.startContainer.textContent).toBe(' and the Act again')
    expect(findInTextLayer(container, 'treaty')).toBeNull()
  })
})

describe('marks on a scanned page', () => {
  const letter = { pageWidthPt: 612, pageHeightPt: 792 }

  it('places a mark in shares of the page, padded round the words and kept on the page', () => {
    expect(markStyle([96, 100, 146, 112], letter)).toEqual({
      left: `${((100 * 94.5) / 612).toFixed(3)}%`,
      top: `${((100 * 98.5) / 792).toFixed(3)}%`,
      width: `${((100 * 53) / 612).toFixed(3)}%`,
      height: `${((100 * 15) / 792).toFixed(3)}%`
    })
    expect(markStyle([0, 0, 10, 10], letter)).toMatchObject({ left: '0.000%', top: '0.000%' })
  })

  it('draws one mark per box on the page, replaces earlier ones, and clearing removes them', () => {
    const page = document.createElement('div')
    document.body.append(page)
    const scrolled: Element[] = []
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this)
    }
    const rectsPt = [
      [150, 100, 200, 112],
      [72, 122, 118, 136]
    ] as const
    expect(showPageMarks(page, { ...letter, rectsPt: [rectsPt[0]] })).toBe(true)
    expect(showPageMarks(page, { ...letter, rectsPt: [...rectsPt] })).toBe(true)
    const marks = page.querySelectorAll<HTMLElement>('.search-mark')
    expect(marks).toHaveLength(2)
    expect(parseFloat(marks[1]!.style.left)).toBeCloseTo(parseFloat(markStyle(rectsPt[1], letter).left), 3)
    expect(scrolled.at(-1)).toBe(marks[0])
    clearSearchHighlight()
    expect(page.querySelectorAll('.search-mark')).toHaveLength(0)
    expect(showPageMarks(page, { ...letter, rectsPt: [] })).toBe(false)
    page.remove()
  })
})
