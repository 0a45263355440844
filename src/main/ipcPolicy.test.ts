import { describe, expect, it } from 'vitest'
import {
  IpcValidationError,
  isTrustedSender,
  MAX_DROPPED_PATHS,
  validateAnalysisStart,
  validateDroppedPaths,
  validateJobId,
  validateReportSave,
  validateSaveId,
  VALIDATORS
} from './ipcPolicy'

const packaged = { packaged: true, devServerUrl: 'http://localhost:5173' }
const dev = { packaged: false, devServerUrl: 'http://localhost:5173' }
const ours = { isMainFrame: true, isOurWindow: true }

describe('isTrustedSender', () => {
  it.each([
    ['the app page', { ...ours, frameUrl: 'app://withheld/index.html' }, packaged, true],
    ['a destroyed frame', { ...ours, frameUrl: null }, packaged, false],
    ['file://', { ...ours, frameUrl: 'file:///home/u/evil.html' }, packaged, false],
    ['another app host', { ...ours, frameUrl: 'app://host.evil/index.html' }, packaged, false],
    ['a web page', { ...ours, frameUrl: 'https://example.com/' }, packaged, false],
    ['a sub-frame', { ...ours, isMainFrame: false, frameUrl: 'app://withheld/index.html' }, packaged, false],
    [
      'a window we did not create',
      { ...ours, isOurWindow: false, frameUrl: 'app://withheld/' },
      packaged,
      false
    ],
    ['the dev server while packaged', { ...ours, frameUrl: 'http://localhost:5173/' }, packaged, false],
    ['the dev server in development', { ...ours, frameUrl: 'http://localhost:5173/' }, dev, true]
  ])('%s → %s', (_label, sender, context, trusted) => {
    expect(isTrustedSender(sender, context)).toBe(trusted)
  })
})

const start = () => ({
  jobId: 'job-1',
  bytes: new Uint8Array([37, 80, 68, 70]),
  fileName: 'brief.pdf',
  options: { revealLeaks: false }
})

describe('payload validators', () => {
  it('accepts well-formed payloads and returns clean copies', () => {
    expect(validateDroppedPaths([['/home/u/a.pdf', 'C:\\b.pdf']])).toEqual([['/home/u/a.pdf', 'C:\\b.pdf']])
    const [clean] = validateAnalysisStart([
      { ...start(), password: '', options: { revealLeaks: true, metadataOnly: true } }
    ])
    expect(clean).toEqual({ ...start(), password: '', options: { revealLeaks: true, metadataOnly: true } })
    expect(validateJobId(['job-1'])).toEqual(['job-1'])
    const [withPageText] = validateAnalysisStart([
      { ...start(), options: { revealLeaks: false, pageText: true } }
    ])
    expect(withPageText.options).toEqual({ revealLeaks: false, pageText: true })
    // A file main imported, named by its hash instead of its bytes.
    const { bytes: _bytes, ...byHash } = { ...start(), sha256: 'ab'.repeat(32) }
    expect(validateAnalysisStart([byHash])).toEqual([byHash])
    expect(VALIDATORS['pdf:import-dialog']([])).toEqual([])
  })

  const bad: [string, () => unknown][] = [
    ['paths not a list', () => validateDroppedPaths(['/a.pdf'])],
    ['a path not text', () => validateDroppedPaths([[42]])],
    ['an empty path', () => validateDroppedPaths([['']])],
    ['a path with NUL', () => validateDroppedPaths([['/a.pdf\0.txt']])],
    ['a 5,000-character path', () => validateDroppedPaths([['/' + 'a'.repeat(5000)]])],
    [
      'too many paths',
      () => validateDroppedPaths([Array.from({ length: MAX_DROPPED_PATHS + 1 }, () => '/a.pdf')])
    ],
    ['extra arguments', () => validateDroppedPaths([['/a.pdf'], 'x'])],
    ['no arguments', () => validateAnalysisStart([])],
    ['null request', () => validateAnalysisStart([null])],
    ['an array request', () => validateAnalysisStart([[]])],
    [
      'a class instance',
      () =>
        validateAnalysisStart([
          new (class {
            jobId = 'x'
          })()
        ])
    ],
    ['an unknown field', () => validateAnalysisStart([{ ...start(), path: '/etc/passwd' }])],
    [
      '__proto__ pollution',
      () => validateAnalysisStart([JSON.parse('{"__proto__":{"admin":true},"jobId":"x"}')])
    ],
    ['a long job id', () => validateAnalysisStart([{ ...start(), jobId: 'j'.repeat(101) }])],
    ['a numeric job id', () => validateAnalysisStart([{ ...start(), jobId: 7 }])],
    ['bytes as an array', () => validateAnalysisStart([{ ...start(), bytes: [37, 80] }])],
    ['bytes as a string', () => validateAnalysisStart([{ ...start(), bytes: '%PDF-' }])],
    ['empty bytes', () => validateAnalysisStart([{ ...start(), bytes: new Uint8Array(0) }])],
    ['neither bytes nor sha256', () => validateAnalysisStart([{ ...start(), bytes: undefined }])],
    ['a short sha256', () => validateAnalysisStart([{ ...start(), bytes: undefined, sha256: 'abc' }])],
    [
      'an upper-case sha256',
      () => validateAnalysisStart([{ ...start(), bytes: undefined, sha256: 'AB'.repeat(32) }])
    ],
    ['bytes and sha256 both', () => validateAnalysisStart([{ ...start(), sha256: 'ab'.repeat(32) }])],
    ['bytes over the cap', () => validateAnalysisStart([{ ...start(), bytes: new Uint8Array(11) }], 10)],
    ['a long file name', () => validateAnalysisStart([{ ...start(), fileName: 'a'.repeat(1001) }])],
    ['a numeric password', () => validateAnalysisStart([{ ...start(), password: 1234 }])],
    ['a long password', () => validateAnalysisStart([{ ...start(), password: 'p'.repeat(1025) }])],
    ['options missing', () => validateAnalysisStart([{ ...start(), options: undefined }])],
    ['revealLeaks as text', () => validateAnalysisStart([{ ...start(), options: { revealLeaks: 'yes' } }])],
    [
      'rasterDpi out of range',
      () => validateAnalysisStart([{ ...start(), options: { revealLeaks: false, rasterDpi: 5000 } }])
    ],
    [
      'rasterDpi fractional',
      () => validateAnalysisStart([{ ...start(), options: { revealLeaks: false, rasterDpi: 99.5 } }])
    ],
    [
      'pageText as text',
      () => validateAnalysisStart([{ ...start(), options: { revealLeaks: false, pageText: 'yes' } }])
    ],
    [
      'an unknown option',
      () => validateAnalysisStart([{ ...start(), options: { revealLeaks: false, shell: true } }])
    ],
    ['cancel without id', () => validateJobId([])],
    ['cancel with an object', () => validateJobId([{ toString: () => 'x' }])],
    ['dialog with arguments', () => VALIDATORS['pdf:import-dialog'](['/etc'])]
  ]
  it.each(bad)('refuses %s with one sentence', (_label, call) => {
    let error: unknown
    try {
      call()
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(IpcValidationError)
    expect((error as Error).message).toMatch(/^[a-z:-]+: [^\n]+\.$/)
  })
})

describe('report:save and report:show validators', () => {
  const save = () => ({
    baseName: 'MBIE OIA report',
    outputs: [
      { format: 'html', text: '<!doctype html>' },
      { format: 'pdf', html: '<!doctype html>', paper: 'letter' },
      { format: 'csv', text: '' }
    ]
  })
  it('accepts a request and returns a clean copy', () => {
    expect(validateReportSave([save()])).toEqual([save()])
    expect(validateSaveId(['save-1'])).toEqual(['save-1'])
  })

  const refused: [string, () => unknown][] = [
    ['no outputs', () => validateReportSave([{ ...save(), outputs: [] }])],
    [
      'a format twice',
      () => validateReportSave([{ ...save(), outputs: [save().outputs[0], save().outputs[0]] }])
    ],
    ['an unknown format', () => validateReportSave([{ ...save(), outputs: [{ format: 'exe', text: '' }] }])],
    [
      'a PDF without paper',
      () => validateReportSave([{ ...save(), outputs: [{ format: 'pdf', html: 'x' }] }])
    ],
    [
      'a PDF on A3',
      () => validateReportSave([{ ...save(), outputs: [{ format: 'pdf', html: 'x', paper: 'a3' }] }])
    ],
    [
      'a path smuggled in',
      () => validateReportSave([{ ...save(), outputs: [{ format: 'csv', text: '', path: '/etc/passwd' }] }])
    ],
    ['a folder field', () => validateReportSave([{ ...save(), folder: '/tmp' }])],
    ['text not a string', () => validateReportSave([{ ...save(), outputs: [{ format: 'csv', text: 7 }] }])],
    ['an empty name', () => validateReportSave([{ ...save(), baseName: '' }])],
    ['a NUL in the name', () => validateReportSave([{ ...save(), baseName: 'a\0b' }])],
    ['a long name', () => validateReportSave([{ ...save(), baseName: 'n'.repeat(201) }])],
    ['show without id', () => validateSaveId([])],
    ['show with a number', () => validateSaveId([3])]
  ]
  it.each(refused)('refuses %s with one sentence', (_label, call) => {
    expect(call).toThrow(IpcValidationError)
    expect(call).toThrow(/^[a-z:-]+: [^\n]+\.$/)
  })
})
