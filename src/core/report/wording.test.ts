// The report's words (issue 10, point 4): image-under-box leaks counted as ink marks in every format,
// plural forms right, long file names breakable at their separators, the running header inert.
import { describe, expect, it } from 'vitest'
import { buildReport } from './buildReport'
import { sampleInput } from './fixture.test-support'
import { breakableName } from './htmlParts'
import { renderReport } from './index'
import { cssString, printChromeStyle } from './printPages'
import type { ReportInput } from './types'

/** One document, one page, one box whose image still shows 3 ink marks under it. */
function singleImageLeak(): ReportInput {
  const nz = sampleInput()
  const doc = nz.documents[1]!
  return {
    ...nz,
    documents: [
      {
        ...doc,
        redactions: [
          {
            ...doc.redactions[0]!,
            leak: { kind: 'image-under-box', chars: 3, sha256: 'd'.repeat(64) }
          }
        ]
      }
    ]
  }
}

describe('report wording', () => {
  const report = buildReport(singleImageLeak())

  it('counts an image-under-box leak in ink marks, not characters, in every format', () => {
    const html = renderReport(report, 'html')
    const md = renderReport(report, 'md')
    const csv = renderReport(report, 'csv')
    const json = JSON.parse(renderReport(report, 'json')) as { leaks: { unit: string }[] }
    for (const text of [html, md]) {
      expect(text).toContain('3 ink marks')
      expect(text).not.toMatch(/3 char/)
    }
    const [header, row] = csv.split('\r\n')
    const unit = header!.split(',').indexOf('leak_unit')
    expect(row!.split(',')[unit]).toBe('ink marks')
    expect(json.leaks[0]?.unit).toBe('ink marks')
  })

  it('says "1 document", "1 redaction", "1 leak", never "1 documents" or "(s)"', () => {
    const html = renderReport(report, 'html')
    const md = renderReport(report, 'md')
    for (const text of [html, md]) {
      expect(text).not.toMatch(/\b1 (?:document|redaction|page|leak|word)s\b/)
      expect(text).not.toContain('(s)')
    }
    expect(html).toMatch(/<span class="n">1<\/span><span class="t">document<\/span>/)
    expect(html).toMatch(/<span class="n">1<\/span><span class="t">redaction<\/span>/)
    expect(html).toMatch(/<span class="n">1<\/span><span class="t">leak<\/span>/)
    expect(md).toContain('- 1 document, 1 page, 0 withheld in full')
    const disputed = buildReport(sampleInput()).complaint
    expect(disputed?.paragraphs.join(' ')).toContain('I dispute the 2 withholdings listed below')
  })

  it('breaks long file names after their separators, escaped first', () => {
    expect(breakableName('2026-0412_Briefing_to_the_Minister.pdf')).toBe(
      '2026-<wbr>0412_<wbr>Briefing_<wbr>to_<wbr>the_<wbr>Minister.<wbr>pdf'
    )
    expect(breakableName('a&b<i>.pdf')).toBe('a&amp;<wbr>b&lt;i&gt;.<wbr>pdf')
  })

  it('puts the release, agency and date in the running header as an inert CSS string', () => {
    expect(cssString('x"</style><script>')).toBe('"x\\22 \\3c /style\\3e \\3c script\\3e "')
    const style = printChromeStyle(buildReport(sampleInput()))
    expect(style).toContain(
      '@top-left { content: "MBIE OIA 2026-0412 · Ministry of Business, Innovation and Employment · 2026-04-14"'
    )
    expect(style).toContain('content: "Page " counter(page) " of " counter(pages)')
  })
})
