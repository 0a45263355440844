// Issue 13: the deep leak audit on generated releases. Every kind of leak outside the boxes is found
// in its fixture and nowhere else; each clean twin (the same part present, harmless) and the control
// come out clean; damaged and undecodable parts make the verdict incomplete; nothing is printed
// without reveal.
import { beforeAll, describe, expect, it } from 'vitest'
import { scanPdfBytes } from '@node/scanPdf'
import type { ScanResult } from '@core/types'
import { auditFixtures, type AuditFixture } from '../fixtures/audit/leakFixtures'
import { SECRET } from '../fixtures/audit/pdfParts'

const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

describe('leak audit on generated releases', () => {
  let fixtures: AuditFixture[] = []
  const scans = new Map<string, ScanResult>()
  beforeAll(async () => {
    fixtures = await auditFixtures()
    for (const f of fixtures)
      scans.set(
        f.name,
        await scanPdfBytes(f.bytes, `${f.name}.pdf`, { revealLeaks: false, rasterDpi: 0, ocr: false })
      )
  }, 120_000)

  it('finds every kind in its fixture, nothing else, and no false alarm on the twins', () => {
    expect(fixtures.length).toBeGreaterThan(30)
    const wrong: string[] = []
    for (const f of fixtures) {
      const audit = scans.get(f.name)!.audit!
      const kinds = [...new Set(audit.findings.map((x) => x.kind))].sort()
      if (audit.verdict !== f.verdict || JSON.stringify(kinds) !== JSON.stringify([...f.kinds].sort()))
        wrong.push(`${f.name}: ${audit.verdict} ${kinds.join(',')} ${JSON.stringify(audit.unread)}`)
    }
    expect(wrong).toEqual([])
  })

  it('never prints the withheld name without reveal', () => {
    for (const [name, scan] of scans) {
      expect(squash(JSON.stringify(scan)), name).not.toContain(squash(SECRET))
      for (const finding of scan.audit!.findings) expect(finding.text).toBeNull()
    }
  })

  it('recovers the whole withheld name from the earlier revision', async () => {
    const f = fixtures.find((x) => x.name === 'earlier-revision')!
    const revealed = await scanPdfBytes(f.bytes, 'revision.pdf', {
      revealLeaks: true,
      rasterDpi: 0,
      ocr: false
    })
    expect(revealed.audit!.findings.map((x) => x.text)).toEqual([SECRET])
  })

  it('shows the recovered text with reveal', async () => {
    const f = fixtures.find((x) => x.name === 'metadata')!
    const revealed = await scanPdfBytes(f.bytes, 'metadata.pdf', {
      revealLeaks: true,
      rasterDpi: 0,
      ocr: false
    })
    expect(revealed.audit!.findings.map((x) => x.text).join(' ')).toContain(SECRET)
  })
})
