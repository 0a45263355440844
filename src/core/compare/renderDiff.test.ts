import { describe, expect, it } from 'vitest'
import { diffToHtml, diffToJson, diffToMarkdown } from './renderDiff'
import { DIFF_FORMAT, type DiffResult } from './types'

const RESULT: DiffResult = {
  format: DIFF_FORMAT,
  old: { file: 'first.pdf', sha256: 'a' },
  new: { file: 'second.pdf', sha256: 'b' },
  changes: [
    {
      status: 'lifted',
      old: { page: 0, bbox: [72, 100, 140, 111], grounds: ['9(2)(a)'] },
      new: null,
      revealedText: 'Jane <Doe>'
    },
    {
      status: 'kept',
      old: { page: 1, bbox: [72, 200, 140, 211], grounds: [] },
      new: { page: 2, bbox: [60, 210, 130, 222], grounds: [] }
    }
  ],
  pagesReleased: [3]
}

describe('renderDiff', () => {
  it('writes the contract as JSON', () => {
    expect(JSON.parse(diffToJson(RESULT))).toEqual(RESULT)
  })

  it('writes Markdown and HTML with 1-based pages and the revealed text escaped in HTML', () => {
    const md = diffToMarkdown(RESULT)
    expect(md).toContain('- Lifted: 1')
    expect(md).toContain('| Lifted | p. 1 (9(2)(a)) | — | Jane <Doe> |')
    expect(md).toContain('now released: p. 4')
    const html = diffToHtml(RESULT)
    expect(html).toContain('Jane &lt;Doe&gt;')
    expect(html).not.toContain('<Doe>')
  })
})
