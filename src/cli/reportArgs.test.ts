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
      format: 'csv',
      out: 'r.csv',
      includeLeakedText: true,
      letter: null,
      paper: null,
      jobs: 3,
      timeoutMs: 20_000
    })
  })

  it('defaults to HTML without leaked text', () => {
    expect(parseReportArgs(['a.pdf', '--out', 'r.html'])).toMatchObject({
      format: 'html',
      includeLeakedText: false
    })
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
