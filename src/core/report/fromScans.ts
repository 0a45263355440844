/**
 * A report straight from `withheld scan` results (the CLI has no review database): every redaction is
 * 'unreviewed' with an empty note, grounds are the ones read off the page, and the catalogue puts the
 * release's own Act first so codes both NZ Acts share (6(a), 18(d)) read as that Act's.
 */
import { CATALOGUES, inferRegime, type Ground } from '../grounds/catalogue'
import type { Regime, ScanResult } from '../types'
import type { ReportInput, ReportOptions, ReportReleaseInput } from './types'

export function catalogueFor(regime: Regime): Ground[] {
  const first = CATALOGUES.filter((c) => c.regime === regime)
  const rest = CATALOGUES.filter((c) => c.regime !== regime)
  return [...first, ...rest].flatMap((c) => c.grounds)
}

export function defaultRelease(scans: readonly ScanResult[]): ReportReleaseInput {
  const only = scans.length === 1 ? scans[0] : undefined
  return {
    name: only ? only.file : `Release of ${scans.length} documents`,
    agency: '',
    requestRef: '',
    requestDate: '',
    responseDate: '',
    regime: 'unknown',
    notes: ''
  }
}

export function reportInputFromScans(
  scans: readonly ScanResult[],
  release: ReportReleaseInput = defaultRelease(scans),
  options: ReportOptions = { includeLeakedText: false, scopeLabel: 'All scanned documents' },
  generatedAt: string = new Date().toISOString()
): ReportInput {
  // The regime itself is left to buildReport (report/regime.ts), which also reads the letter and the
  // labels; the grounds alone only order the catalogue.
  const regime =
    release.regime !== 'unknown'
      ? release.regime
      : inferRegime(scans.flatMap((s) => s.pages.flatMap((p) => p.redactions.flatMap((r) => r.grounds))))
  return {
    release,
    documents: scans.map((scan, d) => ({
      // The hash alone is not unique when one file is given twice; the position is.
      id: `${d + 1}:${scan.sha256}`,
      name: scan.file,
      sha256: scan.sha256,
      pageCount: scan.pageCount,
      pages: scan.pages.map((p) => ({
        index: p.index,
        width: p.width,
        height: p.height,
        withheldInFull: p.withheldInFull
      })),
      redactions: scan.pages.flatMap((p) =>
        p.redactions.map((r, i) => ({
          id: `${d + 1}-${p.index + 1}-${i + 1}`,
          pageIndex: p.index,
          pageRect: r.bbox,
          kind: r.kind,
          origin: 'detected' as const,
          grounds: r.grounds,
          label: r.label,
          status: 'unreviewed' as const,
          note: '',
          leak: r.leak,
          leakedText: r.leakedText
        }))
      ),
      ...(scan.audit ? { audit: scan.audit } : {})
    })),
    catalogue: catalogueFor(regime),
    options,
    generatedAt,
    engine: scans[0]?.engine ?? 'withheld'
  }
}
