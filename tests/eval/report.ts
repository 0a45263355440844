/** Renders a scorer summary as a plain-text table for the terminal and the final report. */
import type { Prf, Summary } from './score'

const pct = (v: number): string => `${(v * 100).toFixed(1).padStart(5)}%`

function row(name: string, p: Prf): string {
  const counts = `  ${name.padEnd(22)} ${String(p.tp).padStart(5)} ${String(p.fp).padStart(5)} ${String(p.fn).padStart(5)}`
  // A bucket holding only false positives has no recall to speak of.
  if (p.tp === 0 && p.fn === 0) return `${counts}   ${'—'.padStart(6)} ${'—'.padStart(6)} ${'—'.padStart(6)}`
  return `${counts}   ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)}`
}

function section(title: string, entries: Record<string, Prf>): string[] {
  return [`${title}`, ...Object.entries(entries).map(([k, v]) => row(k, v))]
}

export function formatSummary(s: Summary): string {
  const header = `  ${''.padEnd(22)} ${'tp'.padStart(5)} ${'fp'.padStart(5)} ${'fn'.padStart(5)}   ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)}`
  const lines = [
    `Withheld eval: ${s.files} files, ${s.pages} pages${s.missingFiles.length ? `, ${s.missingFiles.length} failed to scan` : ''}`,
    header,
    row('boxes (IoU ≥ 0.5)', s.boxes),
    ...section('by kind', s.byKind),
    ...section('by span style', s.byStyle),
    ...section('by drawing', s.byDrawnAs),
    ...section('by label placement', s.byLabelPlacement),
    row('leaks', s.leaks),
    row('withheld in full', s.withheldInFull),
    '',
    `  look-alikes reported:  ${s.lookalikes.reported} of ${s.lookalikes.total} = ${s.lookalikes.per100Pages.toFixed(2)} per 100 pages` +
      (Object.keys(s.lookalikes.byStyle).length
        ? ` (${Object.entries(s.lookalikes.byStyle)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')})`
        : ''),
    `  false positives:       ${s.falsePositives.count} = ${s.falsePositives.per100Pages.toFixed(2)} per 100 pages`,
    `  ground accuracy:       ${pct(s.grounds.accuracy)} of ${s.grounds.matched} matched boxes; ${pct(s.grounds.labelledAccuracy)} of ${s.grounds.labelled} labelled`,
    `  leak kind correct:     ${s.leaks.kindCorrect} of ${s.leaks.tp} found leaks`
  ]
  if (s.missingFiles.length) lines.push(`  not scanned: ${s.missingFiles.join(', ')}`)
  return lines.join('\n')
}
