import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReportSaveRequest } from '@shared/ipc'
import type { OpenForWrite } from './atomicWrite'
import {
  describeWriteError,
  folderNameOf,
  planReportPaths,
  ReportSaveError,
  safeBaseName,
  saveReportFiles,
  type PdfPrinter
} from './reportFiles'

let folder = ''
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'withheld-report-files-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

const errno = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code })
const fakePdf: PdfPrinter = (html, paper) =>
  Promise.resolve(new TextEncoder().encode(`%PDF-1.7 ${paper} ${html.length}`))

const request: ReportSaveRequest = {
  baseName: 'MBIE OIA 2026-0412 – redaction report',
  outputs: [
    { format: 'html', text: '<!doctype html><p>report</p>' },
    { format: 'csv', text: 'ref,document\n1,a.pdf\n' },
    { format: 'json', text: '{"schema":"withheld.report/1"}' },
    { format: 'pdf', html: '<!doctype html>', paper: 'letter' }
  ]
}

/** Opens real temp files, but writes to the one whose name contains `failOn` fail like a full disk. */
const fullDiskOn =
  (failOn: string): OpenForWrite =>
  async (path) => {
    const handle = await open(path, 'wx', 0o600)
    if (!path.includes(failOn)) return handle
    return {
      write: () => Promise.reject(errno('ENOSPC')),
      sync: () => handle.sync(),
      close: () => handle.close()
    }
  }

const caught = async (promise: Promise<unknown>): Promise<Error> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as Error
  )
  expect(error).toBeInstanceOf(ReportSaveError)
  return error!
}

describe('saveReportFiles', () => {
  it('writes each format into the chosen folder under one base name, the PDF from the printer', async () => {
    const paths = await saveReportFiles(request, { kind: 'folder', path: folder }, fakePdf)
    const names = (await readdir(folder)).sort()
    expect(names).toEqual(
      ['csv', 'html', 'json', 'pdf'].map((ext) => `MBIE OIA 2026-0412 – redaction report.${ext}`)
    )
    expect(
      paths.map((p) =>
        p
          .slice(folder.length + 1)
          .split('.')
          .pop()
      )
    ).toEqual(['html', 'csv', 'json', 'pdf'])
    expect(await readFile(paths[1]!, 'utf8')).toBe('ref,document\n1,a.pdf\n')
    expect(await readFile(paths[3]!, 'latin1')).toBe('%PDF-1.7 letter 15')
    expect(folderNameOf(paths)).toBe(folder.split('/').pop())
  })

  it('saves one format to the file chosen in the dialog, adding the extension when missing', async () => {
    const one = { ...request, outputs: [request.outputs[1]!] }
    const [path] = await saveReportFiles(one, { kind: 'file', path: join(folder, 'register') }, fakePdf)
    expect(path).toBe(join(folder, 'register.csv'))
    expect(planReportPaths(one, { kind: 'file', path: join(folder, 'r.CSV') })).toEqual([
      join(folder, 'r.CSV')
    ])
  })

  it('on a full disk leaves no file at all, keeps an older report and says so in one sentence', async () => {
    const old = join(folder, 'MBIE OIA 2026-0412 – redaction report.html')
    await writeFile(old, 'last week’s report')
    const error = await caught(
      saveReportFiles(request, { kind: 'folder', path: folder }, fakePdf, { openFile: fullDiskOn('.json') })
    )
    expect(error.message).toBe(
      'The disk is full, so “MBIE OIA 2026-0412 – redaction report.json” was not saved. Free some space or choose another place, then export again.'
    )
    expect(error.message).not.toContain(folder)
    expect(await readdir(folder)).toEqual(['MBIE OIA 2026-0412 – redaction report.html'])
    expect(await readFile(old, 'utf8')).toBe('last week’s report')
  })

  it('refuses before writing when the disk has less room than the report needs', async () => {
    const tight = { freeSpace: () => Promise.resolve(1024 * 1024) }
    const error = await caught(saveReportFiles(request, { kind: 'folder', path: folder }, fakePdf, tight))
    expect(error.message).toMatch(
      /^The disk is full, so “MBIE OIA 2026-0412 – redaction report\.html” was not saved\./
    )
    expect(await readdir(folder)).toEqual([])
    const unknown = { freeSpace: () => Promise.resolve(null) }
    await saveReportFiles(request, { kind: 'folder', path: folder }, fakePdf, unknown)
    expect(await readdir(folder)).toHaveLength(4)
  })

  it('writes nothing when the printer fails, and says to save the HTML instead', async () => {
    const broken: PdfPrinter = () => Promise.reject(new Error('printing failed'))
    const error = await caught(saveReportFiles(request, { kind: 'folder', path: folder }, broken))
    expect(error.message).toMatch(
      /^The PDF “.+\.pdf” could not be printed \(printing failed\)\. Save the HTML/
    )
    const empty: PdfPrinter = () => Promise.resolve(new Uint8Array(0))
    expect((await caught(saveReportFiles(request, { kind: 'folder', path: folder }, empty))).message).toMatch(
      /came out empty/
    )
    expect(await readdir(folder)).toEqual([])
  })

  it('names a folder that has gone', async () => {
    const gone = join(folder, 'gone')
    const error = await caught(saveReportFiles(request, { kind: 'folder', path: gone }, fakePdf))
    expect(error.message).toBe(
      'The folder for “MBIE OIA 2026-0412 – redaction report.html” no longer exists. Choose another place.'
    )
    await mkdir(gone)
    await saveReportFiles(request, { kind: 'folder', path: gone }, fakePdf)
    expect(await readdir(gone)).toHaveLength(4)
  })
})

describe('safeBaseName', () => {
  it.each([
    ['MBIE OIA 2026-0412', 'MBIE OIA 2026-0412'],
    ['../../etc/passwd', 'etc passwd'],
    ['a\\b:c*d?e"f<g>h|i', 'a b c d e f g h i'],
    ['.hidden', 'hidden'],
    ['trailing dots...  ', 'trailing dots'],
    ['tab\tand\nnewline\u0000', 'tab and newline'],
    ['CON', 'redaction report'],
    ['', 'redaction report'],
    ['x'.repeat(300), 'x'.repeat(120)]
  ])('%j → %j', (given, safe) => {
    expect(safeBaseName(given)).toBe(safe)
  })
})

describe('describeWriteError', () => {
  it.each([
    ['EDQUOT', /quota/],
    ['EACCES', /may not write/],
    ['EROFS', /read-only/],
    ['EISDIR', /folder named/],
    ['ENAMETOOLONG', /too long/],
    ['EIO', /disk reported an error/]
  ])('%s', (code, pattern) => {
    expect(describeWriteError(errno(code), 'r.pdf')).toMatch(pattern)
  })
  it('keeps folders out of an unknown error', () => {
    expect(describeWriteError(new Error('odd at /home/jane/secret/x\nstack'), 'r.pdf')).toBe(
      '“r.pdf” was not saved (odd at …/x).'
    )
  })
})
