import { describe, expect, it } from 'vitest'
import { defaultJobs, parseArgs, usage } from './args'

describe('parseArgs', () => {
  it('parses a scan with every option', () => {
    expect(
      parseArgs([
        'scan',
        'a.pdf',
        'dir',
        '--format',
        'csv',
        '--out',
        'reports',
        '--reveal-leaks',
        '--jobs',
        '3',
        '--timeout',
        '7.5'
      ])
    ).toEqual({
      command: 'scan',
      inputs: ['a.pdf', 'dir'],
      format: 'csv',
      outDir: 'reports',
      revealLeaks: true,
      jobs: 3,
      timeoutMs: 7500,
      rasterDpi: 100,
      ocr: true,
      minConfidence: 0,
      progress: false
    })
  })

  it('has defaults and accepts --opt=value and -- before odd file names', () => {
    expect(parseArgs(['scan', '--format=md', '--', '--odd.pdf'], 8)).toEqual({
      command: 'scan',
      inputs: ['--odd.pdf'],
      format: 'md',
      outDir: null,
      revealLeaks: false,
      jobs: 4,
      timeoutMs: 20_000,
      rasterDpi: 100,
      ocr: true,
      minConfidence: 0,
      progress: false
    })
    expect(defaultJobs(1)).toBe(1)
  })

  it('reads --min-confidence from 0 to 1 and refuses anything else', () => {
    expect(parseArgs(['scan', '--min-confidence', '0.7', 'a.pdf'])).toMatchObject({ minConfidence: 0.7 })
    expect(parseArgs(['scan', '--min-confidence=1', 'a.pdf'])).toMatchObject({ minConfidence: 1 })
    for (const bad of ['1.5', '-0.1', 'high', ''])
      expect(parseArgs(['scan', `--min-confidence=${bad}`, 'a.pdf'])).toEqual({
        command: 'error',
        message: '--min-confidence needs a number from 0 to 1.'
      })
  })

  it('reads scanned pages with OCR unless --no-ocr is given', () => {
    expect(parseArgs(['scan', 'a.pdf'])).toMatchObject({ ocr: true })
    expect(parseArgs(['scan', 'a.pdf', '--no-ocr'])).toMatchObject({ ocr: false, inputs: ['a.pdf'] })
    expect(parseArgs(['scan', '--no-ocr=yes', 'a.pdf'])).toMatchObject({ command: 'error' })
  })

  it('prints a line per file with --progress, a flag without a value', () => {
    expect(parseArgs(['scan', 'a.pdf', '--progress'])).toMatchObject({ progress: true, inputs: ['a.pdf'] })
    expect(parseArgs(['scan', '--progress=yes', 'a.pdf'])).toEqual({
      command: 'error',
      message: '--progress takes no value.'
    })
  })

  it('takes --dpi for scanned pages, 0 turning the raster pass off', () => {
    expect(parseArgs(['scan', 'a.pdf', '--dpi', '0'])).toMatchObject({ rasterDpi: 0 })
    expect(parseArgs(['scan', 'a.pdf', '--dpi=200'])).toMatchObject({ rasterDpi: 200 })
    expect(parseArgs(['scan', 'a.pdf', '--dpi', '9000'])).toMatchObject({ command: 'error' })
    expect(parseArgs(['scan', 'a.pdf', '--dpi', 'high'])).toMatchObject({ command: 'error' })
  })

  it.each([
    [['--help'], 'help'],
    [['scan', 'a.pdf', '-h'], 'help'],
    [['help'], 'help']
  ])('%j → help', (argv, command) => {
    expect(parseArgs(argv).command).toBe(command)
  })

  it.each([
    [[], 'no command given.'],
    [['sacn', 'a.pdf'], 'unknown command “sacn”.'],
    [['scan'], 'scan needs at least one PDF file or folder.'],
    [['scan', 'a.pdf', '--format'], '--format needs a value: json, csv or md.'],
    [['scan', 'a.pdf', '--format', 'xml'], 'unknown format “xml” (use json, csv or md).'],
    [['scan', 'a.pdf', '--out'], '--out needs a folder.'],
    [['scan', 'a.pdf', '--jobs', '0'], '--jobs needs a whole number from 1 to 32.'],
    [['scan', 'a.pdf', '--jobs', 'two'], '--jobs needs a whole number from 1 to 32.'],
    [['scan', 'a.pdf', '--timeout', '-1'], '--timeout needs a number of seconds from 1 to 3600.'],
    [['scan', 'a.pdf', '--timeout', '1e9'], '--timeout needs a number of seconds from 1 to 3600.'],
    [['scan', 'a.pdf', '--reveal-leaks=no'], '--reveal-leaks takes no value.'],
    [['scan', 'a.pdf', '--verbose'], 'unknown option “--verbose”.']
  ])('%j → %s', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ command: 'error', message })
  })

  it('documents every option in the usage text', () => {
    for (const option of [
      '--format',
      '--out',
      '--reveal-leaks',
      '--jobs',
      '--timeout',
      '--progress',
      '--help'
    ]) {
      expect(usage(2)).toContain(option)
    }
  })
})
