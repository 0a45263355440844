import { describe, expect, it } from 'vitest'
import { buildReport } from './buildReport'
import { sampleInput } from './fixture.test-support'
import { isPageImage, pageImageKey } from './htmlParts'
import { renderHtml } from './renderHtml'

/** A 1 × 1 white PNG. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='

describe('renderHtml options', () => {
  const report = buildReport(sampleInput())

  it('prints on A4 by default and on US Letter when asked, the register landscape on the same paper', () => {
    expect(renderHtml(report)).toContain('@page register { size: A4 landscape; }')
    const letter = renderHtml(report, { paper: 'letter' })
    expect(letter).toContain('@page { size: letter; }')
    expect(letter).toContain('@page register { size: letter landscape; }')
  })

  it('draws a page picture under the boxes of the page it belongs to, and only there', () => {
    const page = report.pages[0]!
    const html = renderHtml(report, {
      pageImages: new Map([[pageImageKey(page.documentId, page.pageNumber), PNG]])
    })
    expect(html.match(/<image /g)).toHaveLength(1)
    expect(html.match(/class="pictured"/g)).toHaveLength(1)
    const figure = html.slice(html.indexOf('<svg viewBox', html.indexOf('id="pages"')))
    expect(figure.indexOf('<image ')).toBeLessThan(figure.indexOf('class="box'))
  })

  it('leaves out anything that is not a base64 image data URL', () => {
    const page = report.pages[0]!
    const key = pageImageKey(page.documentId, page.pageNumber)
    for (const hostile of [
      'javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:image/svg+xml;base64,PHN2Zz4=',
      `${PNG}" onload="alert(1)`,
      'https://example.com/x.png'
    ]) {
      expect(isPageImage(hostile)).toBe(false)
      expect(renderHtml(report, { pageImages: new Map([[key, hostile]]) })).not.toContain('<image ')
    }
    expect(isPageImage(PNG)).toBe(true)
  })

  it('draws no pictures when thumbnails are off', () => {
    const off = buildReport(sampleInput({ thumbnails: false }))
    const page = report.pages[0]!
    const html = renderHtml(off, {
      pageImages: new Map([[pageImageKey(page.documentId, page.pageNumber), PNG]])
    })
    expect(html).not.toContain('<image ')
    expect(html).not.toContain('id="pages"')
  })
})
