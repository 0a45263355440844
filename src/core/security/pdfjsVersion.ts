/**
 * pdf.js versions with known code-execution advisories (security.md P1). The app refuses to build
 * against one: a test reads the installed pdfjs-dist version and checks it here.
 */
export interface VulnerableRange {
  readonly advisory: string
  /** Inclusive lower bound, or null for "every earlier version". */
  readonly from: string | null
  /** Exclusive upper bound: the first fixed version. */
  readonly fixedIn: string
}

export const PDFJS_VULNERABLE_RANGES: readonly VulnerableRange[] = [
  { advisory: 'CVE-2018-5158', from: null, fixedIn: '2.0.943' },
  { advisory: 'CVE-2024-4367 / GHSA-wgrm-67xf-hhpq', from: null, fixedIn: '4.2.67' },
  { advisory: 'CVE-2026-16633 / GHSA-hq66-cqwq-w95j', from: '5.6.83', fixedIn: '6.2.108' }
]

/** The lowest pdfjs-dist version Withheld accepts. */
export const PDFJS_FLOOR = '6.2.108'

/** Compares dotted numeric versions ("6.5.438"); pre-release suffixes are ignored. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string): number[] =>
    v
      .split('-')[0]!
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0)
  const [pa, pb] = [parse(a), parse(b)]
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (diff !== 0) return Math.sign(diff)
  }
  return 0
}

/** The advisories a pdfjs-dist version is exposed to (empty when it is safe). */
export function pdfjsAdvisoriesFor(version: string): string[] {
  const hits = PDFJS_VULNERABLE_RANGES.filter(
    (range) =>
      (range.from === null || compareVersions(version, range.from) >= 0) &&
      compareVersions(version, range.fixedIn) < 0
  ).map((range) => range.advisory)
  if (compareVersions(version, PDFJS_FLOOR) < 0 && hits.length === 0)
    hits.push(`below the floor ${PDFJS_FLOOR}`)
  return hits
}
