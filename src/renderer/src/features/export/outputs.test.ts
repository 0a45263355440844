import { buildReport } from '@core/report/buildReport'
import { sampleInput } from '@core/report/fixture.test-support'
import { pageImageKey } from '@core/report/htmlParts'
import { describe, expect, it } from 'vitest'
import { buildOutputs, paperOf } from './outputs'

const PNG = 'data:image/png;base64,iVBORw0KGgo='

describe('buildOutputs', () => {
  const report = buildReport(sampleInput())
  const page = report.pages[0]!
  const images = new Map([[pageImageKey(page.documentId, page.pageNumber), PNG]])

  it('renders the chosen formats in a fixed order, the PDF from the same HTML on the chosen paper', () => {
    const outputs = buildOutputs(report, new Set(['json', 'pdf', 'csv', 'html'] as const), 'letter', images)
    expect(outputs.map((o) => o.format)).toEqual(['html', 'pdf', 'csv', 'json'])
    const [html, pdf] = outputs
    if (html?.format !== 'html' || pdf?.format !== 'pdf') throw new Error('order')
    expect(pdf.html).toBe(html.text)
    expect(pdf.paper).toBe('letter')
    expect(html.text).toContain('@page { size: letter; }')
    expect(html.text).toContain(`href="${PNG}"`)
  })

  it('keeps pictures out of the data formats', () => {
    const outputs = buildOutputs(report, new Set(['csv', 'json', 'md'] as const), 'a4', images)
    for (const o of outputs) {
      if (o.format === 'pdf') throw new Error('no pdf asked for')
      expect(o.text).not.toContain('data:image')
    }
    const json = outputs.find((o) => o.format === 'json')
    expect(json && json.format !== 'pdf' && JSON.parse(json.text).schema).toBe('withheld.report/1')
  })
})

describe('paperOf', () => {
  const us = sampleInput()
  const usReport = buildReport({
    ...us,
    documents: us.documents.map((d) => ({
      ...d,
      redactions: d.redactions.map((r) => ({ ...r, grounds: ['(b)(6)'], label: '(b)(6)' }))
    }))
  })
  const illinois = buildReport({
    ...sampleInput(),
    release: { ...sampleInput().release, letterText: 'exempt under 5 ILCS 140/7(1)(c)' }
  })

  it('follows the regime as the CLI does when no paper is chosen, and the choice otherwise', () => {
    expect(paperOf(null, buildReport(sampleInput()))).toBe('a4')
    // The release's setting says nothing here ('unknown'): the grounds and the letter decide.
    expect(usReport.cover.regime).toBe('us-foia')
    expect(paperOf(null, usReport)).toBe('letter')
    expect(paperOf(null, illinois)).toBe('letter')
    expect(paperOf('a4', usReport)).toBe('a4')
    expect(paperOf('letter', buildReport(sampleInput()))).toBe('letter')
  })
})
