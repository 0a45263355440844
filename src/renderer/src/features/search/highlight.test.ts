// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { findInTextLayer } from './highlight'

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
