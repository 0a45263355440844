import { describe, expect, it } from 'vitest'
import { parseDiffArgs } from './diffArgs'

describe('parseDiffArgs', () => {
  it('takes the older and the newer file, json by default', () => {
    expect(parseDiffArgs(['a.pdf', 'b.pdf'])).toMatchObject({
      command: 'diff',
      oldPath: 'a.pdf',
      newPath: 'b.pdf',
      format: 'json',
      out: null,
      ocr: true
    })
  })

  it('reads --format, --out and --no-ocr', () => {
    expect(parseDiffArgs(['--format', 'md', 'a.pdf', 'b.pdf', '--out=x.md', '--no-ocr'])).toMatchObject({
      format: 'md',
      out: 'x.md',
      ocr: false
    })
  })

  it('refuses a wrong count of files or an unknown format with one sentence', () => {
    expect(parseDiffArgs(['a.pdf'])).toEqual({
      command: 'error',
      message: 'diff needs two PDF files, the older release first (1 given).'
    })
    expect(parseDiffArgs(['a.pdf', 'b.pdf', '--format', 'csv'])).toEqual({
      command: 'error',
      message: '--format needs json, md or html, not “csv”.'
    })
  })
})
