import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compareVersions, pdfjsAdvisoriesFor } from './pdfjsVersion'

describe('pdf.js version gate (security.md P1)', () => {
  it('orders versions numerically', () => {
    expect(compareVersions('6.10.0', '6.9.99')).toBe(1)
    expect(compareVersions('6.2.108', '6.2.108')).toBe(0)
    expect(compareVersions('5.6.83', '6.2.108')).toBe(-1)
  })

  it('flags each advisory range and the floor', () => {
    expect(pdfjsAdvisoriesFor('4.1.392')).toContain('CVE-2024-4367 / GHSA-wgrm-67xf-hhpq')
    expect(pdfjsAdvisoriesFor('6.2.107')).toEqual(['CVE-2026-16633 / GHSA-hq66-cqwq-w95j'])
    expect(pdfjsAdvisoriesFor('5.5.207')).toEqual(['below the floor 6.2.108'])
    expect(pdfjsAdvisoriesFor('6.2.108')).toEqual([])
  })

  it('the installed pdfjs-dist is outside every advisory range', () => {
    const installed = JSON.parse(
      readFileSync(new URL('../../../node_modules/pdfjs-dist/package.json', import.meta.url), 'utf8')
    ) as { version: string }
    expect(pdfjsAdvisoriesFor(installed.version)).toEqual([])
  })
})
