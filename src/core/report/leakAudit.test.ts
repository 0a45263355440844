import { describe, expect, it } from 'vitest'
import type { DocumentAudit } from '../types'
import { buildLeakAudit, leakAuditHtml, leakAuditMarkdown } from './leakAudit'

const audit = (verdict: DocumentAudit['verdict'], counts: DocumentAudit['counts']): DocumentAudit => ({
  verdict,
  checked: ['metadata'],
  unread: verdict === 'incomplete' ? [{ what: 'attachment 1', why: 'encrypted' }] : [],
  counts,
  findings: [
    {
      kind: 'metadata',
      where: 'document information (Subject)',
      pageIndex: null,
      leak: { kind: 'metadata', chars: 10, sha256: 'a'.repeat(64) },
      text: 'Aroha Ngata'
    }
  ]
})

describe('report leak audit', () => {
  const built = buildLeakAudit([
    { name: 'a <1>.pdf', audit: audit('leaks', { metadata: 1, 'text-under-box': 2 }) },
    { name: 'b.pdf', audit: audit('incomplete', { attachment: 1 }) },
    { name: 'c.pdf', audit: audit('clean', {}) },
    { name: 'not audited.pdf' }
  ])!

  it('counts verdicts and kinds across the release, leaving unaudited documents out', () => {
    expect(built.verdicts).toEqual({ clean: 1, leaks: 1, incomplete: 1 })
    expect(built.totals).toEqual({ metadata: 1, 'text-under-box': 2, attachment: 1 })
    expect(built.documents.map((d) => d.name)).toEqual(['a <1>.pdf', 'b.pdf', 'c.pdf'])
    expect(buildLeakAudit([{ name: 'x.pdf' }])).toBeNull()
  })

  it('renders counts and verdicts, escaped, and never what was found', () => {
    const md = leakAuditMarkdown(built, (s) => s.replace(/</g, '&lt;')).join('\n')
    const html = leakAuditHtml(built)
    expect(md).toContain('| a &lt;1>.pdf | leaks | metadata 1, text-under-box 2 |  |')
    expect(md).toContain('| b.pdf | incomplete | attachment 1 | attachment 1: encrypted |')
    expect(html).toContain('<td class="wrap">a &lt;1&gt;.pdf</td><td>leaks</td>')
    expect(html).toContain('1 document leaks, 1 could not be fully checked, 1 is clean')
    for (const out of [md, html]) expect(out).not.toContain('Aroha')
  })
})
