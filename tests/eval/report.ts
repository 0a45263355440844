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

/** Issue 3's targets, checked on releases the team has not seen as well as here. */
function targets(s: Summary): string[] {
  const mark = (ok: boolean): string => (ok ? 'met ' : 'MISS')
  return [
    'targets (issue 3)',
    `  ${mark(s.boxes.f1 >= 0.97)} box F1 ≥ 0.97: ${s.boxes.f1.toFixed(3)}`,
    `  ${mark(s.lookalikes.per100Pages <= 1)} look-alikes ≤ 1 per 100 pages: ${s.lookalikes.per100Pages.toFixed(2)}`,
    `  ${mark(s.grounds.accuracy >= 0.95)} ground accuracy ≥ 0.95: ${s.grounds.accuracy.toFixed(3)}`,
    `  ${mark(s.leaks.recall >= 1)} leak recall 1.0: ${s.leaks.recall.toFixed(3)} (precision ${s.leaks.precision.toFixed(3)})`,
    `  ${mark(s.withheldInFull.f1 >= 0.95)} withheld-in-full F1 ≥ 0.95: ${s.withheldInFull.f1.toFixed(3)}`
  ]
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
    `  grounds by placement:  ${Object.entries(s.grounds.byPlacement)
      .map(([k, v]) => `${k} ${v.correct}/${v.matched}`)
      .join(', ')}`,
    `  leak kind correct:     ${s.leaks.kindCorrect} of ${s.leaks.tp} found leaks; length exact ${s.leaks.charsExact}, within 10 % ${s.leaks.charsClose}` +
      (s.leaks.textChecked ? `; revealed text exact ${s.leaks.textExact} of ${s.leaks.textChecked}` : ''),
    `  box kind correct:      ${pct(s.kinds.accuracy)} of ${s.kinds.matched} matched boxes` +
      (Object.keys(s.kinds.confusions).length
        ? ` (${Object.entries(s.kinds.confusions)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')})`
        : ''),
    '',
    ...targets(s)
  ]
  const weakest = Object.entries(s.byFile)
    .filter(([, p]) => p.f1 < 1)
    .sort(([, a], [, b]) => a.f1 - b.f1)
    .slice(0, 5)
  if (weakest.length)
    lines.push(
      `  weakest files (F1):    ${weakest.map(([file, p]) => `${file} ${p.f1.toFixed(3)}`).join(', ')}`
    )
  if (s.missingFiles.length) lines.push(`  not scanned: ${s.missingFiles.join(', ')}`)
  return lines.join('\n')
}
