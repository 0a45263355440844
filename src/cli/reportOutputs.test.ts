import { describe, expect, it } from 'vitest'
import { readReportFormats, reportOutputs, settleReportFormats } from './reportOutputs'

describe('readReportFormats', () => {
  it('reads one or several formats, in order, each once, any case', () => {
    expect(readReportFormats('pdf')).toEqual(['pdf'])
    expect(readReportFormats('HTML,pdf, csv,pdf')).toEqual(['html', 'pdf', 'csv'])
  })

  it('names the part it cannot read', () => {
    expect(readReportFormats('html,docx')).toBe(
      '--format needs one of html, csv, json, md, pdf, or several separated by commas (not “docx”).'
    )
    expect(readReportFormats(null)).toMatch(/^--format needs one of/)
    expect(readReportFormats(' ')).toMatch(/^--format needs one of/)
  })
})

describe('settleReportFormats', () => {
  it('takes a lone format from the extension, HTML when there is none', () => {
    expect(settleReportFormats(null, 'a/b/report.pdf')).toEqual(['pdf'])
    expect(settleReportFormats(null, 'report.HTM')).toEqual(['html'])
    expect(settleReportFormats(null, 'report.json')).toEqual(['json'])
    expect(settleReportFormats(null, 'report')).toEqual(['html'])
    // A dot in a folder name is not an extension.
    expect(settleReportFormats(null, 'v1.2/report')).toEqual(['html'])
    expect(settleReportFormats(null, '.report')).toEqual(['html'])
  })

  it('refuses an extension that is no format, and a format the extension contradicts', () => {
    expect(settleReportFormats(null, 'report.docx')).toBe(
      '--out report.docx: “.docx” is not a report format; name the file .html, .csv, .json, .md or .pdf, or give --format.'
    )
    expect(settleReportFormats(['md'], 'report.csv')).toBe(
      '--format md does not match --out report.csv (a csv file name); change one of them.'
    )
    expect(settleReportFormats(['md'], 'report.markdown')).toEqual(['md'])
  })

  it('wants a base name without a format extension for several formats', () => {
    expect(settleReportFormats(['html', 'csv'], 'out/release-7')).toEqual(['html', 'csv'])
    expect(settleReportFormats(['html', 'csv'], 'out/release.2024')).toEqual(['html', 'csv'])
    expect(settleReportFormats(['html', 'csv'], 'out/release.csv')).toMatch(
      /^--format html,csv writes several files/
    )
  })
})

describe('reportOutputs', () => {
  it('writes a lone format to --out itself', () => {
    expect(reportOutputs(['pdf'], 'r.pdf', false)).toEqual([{ format: 'pdf', path: 'r.pdf' }])
  })

  it('names several formats from a base path', () => {
    expect(reportOutputs(['html', 'pdf', 'csv'], 'out/release-7', false)).toEqual([
      { format: 'html', path: 'out/release-7.html' },
      { format: 'pdf', path: 'out/release-7.pdf' },
      { format: 'csv', path: 'out/release-7.csv' }
    ])
  })

  it('puts report.EXT into a folder, whether it exists or is written with a slash', () => {
    expect(reportOutputs(['html', 'md'], 'reports', true)).toEqual([
      { format: 'html', path: 'reports/report.html' },
      { format: 'md', path: 'reports/report.md' }
    ])
    expect(reportOutputs(['json'], 'reports//', false)).toEqual([
      { format: 'json', path: 'reports/report.json' }
    ])
    expect(reportOutputs(['json'], 'reports', true)).toEqual([
      { format: 'json', path: 'reports/report.json' }
    ])
  })
})
