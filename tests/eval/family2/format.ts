/** The family-2 run as text: the scorer's table for born-digital and scanned files apart. */
import { formatSummary } from '../report'
import type { Family2Run } from './evaluateFamily2'

export function formatFamily2(run: Family2Run): string {
  const out: string[] = []
  for (const [group, g] of Object.entries(run.groups)) {
    out.push(
      `\n=== family 2, split ${run.split}, ${group}: ${g.files} files, ${g.pages} pages (${run.version}) ===`
    )
    out.push(formatSummary(g.summary))
    out.push(
      `  scan time:             ${(g.scanMs / 1000).toFixed(1)} s (${(g.scanMs / 1000 / Math.max(1, g.pages)).toFixed(2)} s/page)`
    )
  }
  for (const f of run.failures) out.push(`  FAILED ${f.file}: ${f.message}`)
  return out.join('\n')
}
