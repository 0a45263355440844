import { describe, expect, it } from 'vitest'
import { buildReport } from './buildReport'
import {
  reportBaseName,
  reportInputFromRows,
  scopeLabel,
  unfinishedDocuments,
  type ExportRows,
  type LibraryDocument,
  type LibraryPage,
  type LibraryRedaction,
  type LibraryRelease
} from './fromLibrary'

// The app's rows carry more fields (ids, timestamps, engine source…); the mapping reads only these.
type Extra = Record<string, unknown>
type ReleaseRow = LibraryRelease & Extra
type DocumentRow = LibraryDocument & Extra
type PageRow = LibraryPage & Extra
type RedactionRow = LibraryRedaction & Extra

const release: ReleaseRow = {
  id: 'rel-1',
  name: 'MBIE OIA 2026-0412',
  agency: 'MBIE',
  requestRef: 'DOIA 2526-0412',
  requestDate: '2026-03-02',
  responseDate: '2026-04-14',
  notes: '',
  regime: 'unknown',
  createdAt: 1,
  updatedAt: 1
}

const doc = (id: string, name: string, importedAt: number, pageCount: number): DocumentRow => ({
  id,
  releaseId: 'rel-1',
  name,
  sha256: id.repeat(64).slice(0, 64),
  byteSize: 1000,
  pageCount,
  producer: null,
  title: null,
  importedAt,
  analysisState: 'done',
  analysisError: null,
  analysedPages: pageCount,
  engineVersion: 'withheld 0.1.0',
  isResponseLetter: false
})

const page = (documentId: string, pageIndex: number, withheldInFull = false): PageRow => ({
  documentId,
  pageIndex,
  width: 595,
  height: 842,
  rotation: 0,
  hasTextLayer: true,
  scanned: false,
  withheldInFull,
  error: null
})

const red = (
  id: string,
  documentId: string,
  pageIndex: number,
  over: Partial<RedactionRow> = {}
): RedactionRow => ({
  id,
  documentId,
  pageIndex,
  pageRect: [72, 100 + pageIndex, 300, 114 + pageIndex],
  kind: 'black',
  origin: 'detected',
  source: 'vector',
  confidence: 0.98,
  grounds: ['9(2)(a)'],
  label: 's9(2)(a)',
  status: 'unreviewed',
  note: '',
  leak: null,
  createdAt: 1,
  updatedAt: 1,
  ...over
})

const rows: ExportRows = {
  release,
  documents: [doc('a', 'briefing.pdf', 1, 2), doc('b', 'memo.pdf', 2, 1)],
  pages: [page('a', 1), page('a', 0), page('b', 0, true)],
  redactions: [
    red('a2', 'a', 1, {
      status: 'disputed',
      note: 'Names of officials are not private.',
      grounds: ['9(2)(g)(i)']
    }),
    red('a1', 'a', 0, { status: 'accepted' }),
    red('a3', 'a', 0, {
      pageRect: [72, 400, 300, 420],
      leak: { kind: 'text-under-box', chars: 12, sha256: 'f'.repeat(64) },
      grounds: []
    }),
    red('b1', 'b', 0, { kind: 'page', pageRect: [0, 0, 595, 842], grounds: ['6(a)'] })
  ]
}

const choices = { scope: { kind: 'release' } as const, includeLeakedText: false, thumbnails: true }
const AT = '2026-11-28T10:00:00.000Z'

describe('reportInputFromRows', () => {
  it('carries every redaction of the release with the reviewer’s status, grounds and note', () => {
    const report = buildReport(reportInputFromRows(rows, choices, AT))
    expect(report.register.map((r) => r.redactionId)).toEqual(['a1', 'a3', 'a2', 'b1'])
    expect(report.register.find((r) => r.redactionId === 'a2')).toMatchObject({
      status: 'disputed',
      note: 'Names of officials are not private.',
      grounds: ['9(2)(g)(i)'],
      documentName: 'briefing.pdf',
      pageNumber: 2
    })
    expect(report.summary).toMatchObject({ documents: 2, pages: 3, pagesWithheldInFull: 1, redactions: 4 })
    expect(report.cover).toMatchObject({ regime: 'nz-oia', scope: 'Whole release (2 documents)' })
    expect(report.engine).toBe('withheld 0.1.0')
    expect(report.generatedAt).toBe(AT)
    expect(report.complaint?.items.map((i) => i.note)).toEqual(['Names of officials are not private.'])
  })

  it('scopes to one document, keeping its pages whole', () => {
    const input = reportInputFromRows(rows, { ...choices, scope: { kind: 'document', documentId: 'a' } }, AT)
    expect(input.documents.map((d) => d.id)).toEqual(['a'])
    expect(input.documents[0]!.pages.map((p) => p.index)).toEqual([0, 1])
    expect(input.options.scopeLabel).toBe('briefing.pdf')
  })

  it('scopes to the review filter on one document', () => {
    const scope = {
      kind: 'filter',
      documentId: 'a',
      filter: { statuses: new Set(['disputed', 'accepted'] as const) },
      label: 'Accepted, Disputed'
    } as const
    const report = buildReport(reportInputFromRows(rows, { ...choices, scope }, AT))
    expect(report.register.map((r) => r.redactionId)).toEqual(['a1', 'a2'])
    expect(report.summary.pages).toBe(2)
    expect(report.cover.scope).toBe(
      'briefing.pdf: only redactions shown by the review filter (Accepted, Disputed)'
    )
  })

  it('puts leaked text in only when the user asked for it', () => {
    const text = new Map([['a3', 'Jane Citizen']])
    const without = buildReport(reportInputFromRows(rows, choices, AT, text))
    expect(without.leaks[0]?.leakedText).toBeNull()
    const opted = buildReport(reportInputFromRows(rows, { ...choices, includeLeakedText: true }, AT, text))
    expect(opted.leaks[0]?.leakedText).toBe('Jane Citizen')
    expect(opted.cover.includesLeakedText).toBe(true)
  })

  it('keeps the release’s own regime when it has one', () => {
    const us = reportInputFromRows({ ...rows, release: { ...release, regime: 'us-foia' } }, choices, AT)
    expect(us.release.regime).toBe('us-foia')
    expect(us.catalogue[0]?.code).toMatch(/^\(b\)/)
  })
})

describe('names and warnings', () => {
  it('names the file after the release or the document', () => {
    expect(reportBaseName(rows, { kind: 'release' })).toBe('MBIE OIA 2026-0412 – redaction report')
    expect(reportBaseName(rows, { kind: 'document', documentId: 'b' })).toBe('memo – redaction report')
    expect(scopeLabel(rows, { kind: 'document', documentId: 'zz' })).toBe('one document')
  })

  it('lists documents whose analysis has not finished', () => {
    const pending = {
      ...rows,
      documents: [rows.documents[0]!, { ...rows.documents[1]!, analysisState: 'failed' as const }]
    }
    expect(unfinishedDocuments(pending, { kind: 'release' }).map((d) => d.name)).toEqual(['memo.pdf'])
    expect(unfinishedDocuments(pending, { kind: 'document', documentId: 'a' })).toEqual([])
  })
})
