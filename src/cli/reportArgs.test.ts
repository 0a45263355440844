import { describe, expect, it } from 'vitest'
import { parseReportArgs } from './reportArgs'
import { findChrome } from './reportPdf'

describe('parseReportArgs', () => {
  it('reads inputs, format, out and options', () => {
    expect(
      parseReportArgs(
        ['a.pdf', 'dir', '--format=csv', '--out', 'r.csv', '--include-leaked-text', '--jobs', '3'],
        2
      )
    ).toEqual({
      command: 'report',
      inputs: ['a.pdf', 'dir'],
      formats: ['csv'],
      out: 'r.csv',
      progress: false,
      includeLeakedText: true,
      letter: null,
      paper: null,
      jobs: 3,
      timeoutMs: 20_000
    })
  })

  it('defaults to HTML without leaked text', () => {
    expect(parseReportArgs(['a.pdf', '--out', 'r.html'])).toMatchObject({
      formats: ['html'],
      includeLeakedText: false
    })
    expect(parseReportArgs(['a.pdf', '--out', 'report'])).toMatchObject({ formats: ['html'] })
  })

  it('takes the format from --out without --format, and refuses a mismatch in one line', () => {
    expect(parseReportArgs(['a.pdf', '--out', 'out/Report.PDF'])).toMatchObject({ formats: ['pdf'] })
    expect(parseReportArgs(['a.pdf', '--out', 'r.csv'])).toMatchObject({ formats: ['csv'] })
    expect(parseReportArgs(['a.pdf', '--out', 'r.markdown'])).toMatchObject({ formats: ['md'] })
    expect(parseReportArgs(['a.pdf', '--format', 'html', '--out', 'x.pdf'])).toEqual({
      command: 'error',
      message: '--format html does not match --out x.pdf (a pdf file name); change one of them.',
      alone: true
    })
    expect(parseReportArgs(['a.pdf', '--out', 'r.txt'])).toMatchObject({ command: 'error', alone: true })
    // An explicit format may be written under any name that claims no other format.
    expect(parseReportArgs(['a.pdf', '--format', 'json', '--out', 'r.txt'])).toMatchObject({
      formats: ['json'],
      out: 'r.txt'
    })
  })

  it('reads several formats for one scan; --out is then a base name or a folder', () => {
    expect(parseReportArgs(['a.pdf', '--format', 'html, PDF,csv,html', '--out', 'out/r'])).toMatchObject({
      formats: ['html', 'pdf', 'csv'],
      out: 'out/r'
    })
    expect(parseReportArgs(['a.pdf', '--format=html,csv', '--out', 'reports/'])).toMatchObject({
      formats: ['html', 'csv']
    })
    expect(parseReportArgs(['a.pdf', '--format', 'html,pdf', '--out', 'r.html'])).toEqual({
      command: 'error',
      message:
        '--format html,pdf writes several files, so --out is a base name or a folder without an extension ' +
        '(not “.html”): --out report writes report.html, report.pdf.',
      alone: true
    })
    expect(parseReportArgs(['a.pdf', '--format', 'html,,pdf', '--out', 'r'])).toEqual({
      command: 'error',
      message: '--format needs one of html, csv, json, md, pdf, or several separated by commas (not “”).'
    })
  })

  it('prints a line per file with --progress', () => {
    expect(parseReportArgs(['a.pdf', '--out', 'r.html', '--progress'])).toMatchObject({ progress: true })
    expect(parseReportArgs(['a.pdf', '--out', 'r.html', '--progress=1'])).toMatchObject({ command: 'error' })
  })

  it('refuses a missing --out, an unknown format or option, and no inputs', () => {
    expect(parseReportArgs(['a.pdf'])).toEqual({
      command: 'error',
      message: 'report needs --out PATH, the file to write.'
    })
    expect(parseReportArgs(['a.pdf', '--out', 'x', '--format', 'xlsx'])).toMatchObject({ command: 'error' })
    expect(parseReportArgs(['a.pdf', '--out', 'x', '--reveal'])).toEqual({
      command: 'error',
      message: 'unknown option “--reveal”.'
    })
    expect(parseReportArgs(['--out', 'x'])).toMatchObject({ command: 'error' })
    expect(parseReportArgs(['a.pdf', '--out', 'x', '--jobs', '0'])).toMatchObject({ command: 'error' })
    expect(parseReportArgs(['-h'])).toEqual({ command: 'help' })
  })

  it('reads the response letter and the paper', () => {
    expect(
      parseReportArgs(['a.pdf', '--out', 'r.pdf', '--letter', 'letter.pdf', '--paper=Letter'])
    ).toMatchObject({ letter: 'letter.pdf', paper: 'letter' })
    expect(parseReportArgs(['a.pdf', '--out', 'r.pdf', '--paper', 'a3'])).toEqual({
      command: 'error',
      message: '--paper needs a4 or letter (not “a3”).'
    })
    expect(parseReportArgs(['a.pdf', '--out', 'r.pdf', '--letter'])).toEqual({
      command: 'error',
      message: '--letter needs the path of the response letter (a PDF).'
    })
  })

  it('takes a name beginning with a dash as an input after --', () => {
    expect(parseReportArgs(['--out', 'r.md', '--', '--odd.pdf'])).toMatchObject({ inputs: ['--odd.pdf'] })
  })
})

describe('findChrome', () => {
  it('prefers WITHHELD_CHROME, and finds nothing when it is missing', () => {
    const exists = (path: string): boolean => path === '/opt/chrome' || path === '/usr/bin/chromium'
    expect(findChrome({ WITHHELD_CHROME: '/opt/chrome' }, exists)).toBe('/opt/chrome')
    expect(findChrome({ WITHHELD_CHROME: '/nowhere' }, exists)).toBeNull()
  })

  it('looks in /usr/bin then on PATH, by the Chromium family names', () => {
    expect(findChrome({ PATH: '' }, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium')
    expect(findChrome({ PATH: '/a:/b' }, (p) => p === '/b/google-chrome')).toBe('/b/google-chrome')
    expect(findChrome({ PATH: '/a' }, () => false)).toBeNull()
  })
})
