import { describe, expect, it } from 'vitest'
import type { DocumentAudit } from '@core/types'
import { verdictBadge } from './verdict'

const audit = (over: Partial<DocumentAudit>): DocumentAudit => ({
  verdict: 'clean',
  checked: ['revisions', 'metadata'],
  unread: [],
  counts: {},
  findings: [],
  ...over
})

describe('verdictBadge', () => {
  it('is never "Clean" for a document without a stored audit', () => {
    expect(verdictBadge('done', null)).toMatchObject({ tone: 'unaudited', label: 'Not audited — re-analyse' })
  })

  it('says nothing until the analysis is done', () => {
    for (const state of ['pending', 'running', 'failed', 'needs-password'] as const) {
      expect(verdictBadge(state, audit({}))).toBeNull()
      expect(verdictBadge(state, null)).toBeNull()
    }
  })

  it('says Clean and what was checked', () => {
    expect(verdictBadge('done', audit({}))).toEqual({
      tone: 'clean',
      label: 'Clean',
      detail: 'No leaks found. Checked: revisions, metadata.'
    })
  })

  it('counts every leak, page leaks included, with kinds in words', () => {
    const badge = verdictBadge(
      'done',
      audit({ verdict: 'leaks', counts: { metadata: 2, 'text-under-box': 1 } })
    )
    expect(badge?.label).toBe('Leaks found (3)')
    expect(badge?.detail).toBe('Found:\nmetadata: 2\ntext under a box: 1')
  })

  it('names the unread parts and still counts what was found', () => {
    const unread = [{ what: 'revision 1 of 2', why: 'its cross-reference table is damaged' }]
    expect(verdictBadge('done', audit({ verdict: 'incomplete', unread }))).toEqual({
      tone: 'incomplete',
      label: 'Could not check everything',
      detail: 'Not read:\nrevision 1 of 2: its cross-reference table is damaged'
    })
    const withLeak = verdictBadge('done', audit({ verdict: 'incomplete', unread, counts: { attachment: 1 } }))
    expect(withLeak?.label).toBe('Could not check everything · Leaks found (1)')
    expect(withLeak?.detail).toContain('attachment: 1')
  })

  it('never prints a finding’s text, even when one reaches it', () => {
    const finding = {
      kind: 'metadata',
      where: 'document information: Subject',
      pageIndex: null,
      leak: { kind: 'metadata', chars: 12, sha256: 'a'.repeat(64) },
      text: 'Jane Citizen'
    } as const
    const badge = verdictBadge(
      'done',
      audit({ verdict: 'leaks', counts: { metadata: 1 }, findings: [finding] })
    )
    expect(JSON.stringify(badge)).not.toContain('Jane')
  })
})
