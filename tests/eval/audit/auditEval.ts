/**
 * `npm run eval -- audit`: the leak audit (issue 13) over its generated fixtures, scored per kind. A
 * kind the fixture's truth lists and the audit found is a hit, one it lists and the audit missed a
 * miss, one the audit found that the truth does not list a false alarm (counted once per file and
 * kind). Clean twins and the control carry no kind, so every finding on them is a false alarm.
 */
import { scanPdfBytes } from '@node/scanPdf'
import type { AuditLeakKind, DocumentAudit } from '@core/types'
import { auditFixtures } from '../../fixtures/audit/leakFixtures'

export interface KindScore {
  hits: number
  misses: number
  falseAlarms: number
}

export interface AuditEval {
  readonly files: number
  readonly verdictsRight: number
  readonly byKind: Record<string, KindScore>
  readonly wrong: string[]
}

export interface AuditOutcome {
  readonly name: string
  readonly expectedVerdict: DocumentAudit['verdict']
  readonly expectedKinds: readonly AuditLeakKind[]
  readonly verdict: DocumentAudit['verdict']
  readonly kinds: readonly string[]
}

export function scoreAudit(outcomes: readonly AuditOutcome[]): AuditEval {
  const byKind: Record<string, KindScore> = {}
  const score = (kind: string): KindScore => (byKind[kind] ??= { hits: 0, misses: 0, falseAlarms: 0 })
  const wrong: string[] = []
  let verdictsRight = 0
  for (const o of outcomes) {
    const expected = new Set<string>(o.expectedKinds)
    const found = new Set(o.kinds)
    for (const kind of expected) score(kind)[found.has(kind) ? 'hits' : 'misses']++
    for (const kind of found) if (!expected.has(kind)) score(kind).falseAlarms++
    if (o.verdict === o.expectedVerdict) verdictsRight++
    else wrong.push(`${o.name}: ${o.verdict}, expected ${o.expectedVerdict}`)
  }
  return { files: outcomes.length, verdictsRight, byKind, wrong }
}

export async function evaluateAudit(): Promise<AuditEval> {
  const outcomes: AuditOutcome[] = []
  for (const f of await auditFixtures()) {
    const scan = await scanPdfBytes(f.bytes, `${f.name}.pdf`, {
      revealLeaks: false,
      rasterDpi: 0,
      ocr: false
    })
    const audit = scan.audit
    outcomes.push({
      name: f.name,
      expectedVerdict: f.verdict,
      expectedKinds: f.kinds,
      verdict: audit?.verdict ?? 'incomplete',
      kinds: [...new Set(audit?.findings.map((x) => x.kind) ?? [])]
    })
  }
  return scoreAudit(outcomes)
}

const ratio = (a: number, b: number): string => (b === 0 ? '  -  ' : (a / b).toFixed(3))

export function formatAudit(run: AuditEval): string {
  const lines = [
    `Leak audit (generated fixtures, ${run.files} files): verdict right on ${run.verdictsRight}/${run.files}`,
    '  kind                 precision  recall  (hits / misses / false alarms)'
  ]
  for (const [kind, s] of Object.entries(run.byKind).sort(([a], [b]) => a.localeCompare(b)))
    lines.push(
      `  ${kind.padEnd(20)} ${ratio(s.hits, s.hits + s.falseAlarms).padStart(9)}  ${ratio(s.hits, s.hits + s.misses).padStart(6)}  (${s.hits} / ${s.misses} / ${s.falseAlarms})`
    )
  for (const w of run.wrong) lines.push(`  WRONG ${w}`)
  return lines.join('\n')
}
