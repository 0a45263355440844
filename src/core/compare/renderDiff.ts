/**
 * `withheld diff` output: the `withheld.diff/1` JSON as is, or a Markdown or standalone HTML page
 * for people (counts by status, then one row per change, revealed text in full: it is public in the
 * newer release). Pages are 1-based in the people's formats, as printed on the paper; 0-based in JSON.
 */
import type { Change, ChangeSide, ChangeStatus, DiffResult } from './types'

const STATUSES: readonly ChangeStatus[] = ['lifted', 'ground-changed', 'kept', 'added']
const TITLES: Record<ChangeStatus, string> = {
  lifted: 'Lifted',
  'ground-changed': 'Ground changed',
  kept: 'Kept',
  added: 'Added'
}

export const diffToJson = (result: DiffResult): string => `${JSON.stringify(result, null, 2)}\n`

export function countByStatus(result: DiffResult): Record<ChangeStatus, number> {
  const counts: Record<ChangeStatus, number> = { lifted: 0, 'ground-changed': 0, kept: 0, added: 0 }
  for (const change of result.changes) counts[change.status]++
  return counts
}

const where = (s: ChangeSide | null): string =>
  s === null ? '—' : `p. ${s.page + 1}${s.grounds.length > 0 ? ` (${s.grounds.join(', ')})` : ''}`

const pageList = (pages: readonly number[]): string =>
  pages.length === 0 ? 'none' : pages.map((p) => `p. ${p + 1}`).join(', ')

function rows(result: DiffResult): Array<[string, string, string, string]> {
  return result.changes.map((c: Change) => [
    TITLES[c.status],
    where(c.old),
    where(c.new),
    c.revealedText ?? ''
  ])
}

const mdCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()

export function diffToMarkdown(result: DiffResult): string {
  const counts = countByStatus(result)
  const lines = [
    `# Changes between releases`,
    '',
    `Older: ${result.old.file} · newer: ${result.new.file}`,
    '',
    ...STATUSES.map((s) => `- ${TITLES[s]}: ${counts[s]}`),
    `- Pages withheld in full, now released: ${pageList(result.pagesReleased)}`,
    '',
    '| Status | Older copy | Newer copy | Text now released |',
    '| --- | --- | --- | --- |',
    ...rows(result).map((r) => `| ${r.map(mdCell).join(' | ')} |`)
  ]
  return `${lines.join('\n')}\n`
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function diffToHtml(result: DiffResult): string {
  const counts = countByStatus(result)
  const summary = STATUSES.map((s) => `<li>${TITLES[s]}: ${counts[s]}</li>`).join('')
  const body = rows(result)
    .map(
      (r, k) =>
        `<tr class="${result.changes[k]!.status}">${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`
    )
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Changes between releases</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}tr.lifted td:first-child{color:#0a6b2a;font-weight:600}
tr.added td:first-child{color:#9a1b1b;font-weight:600}tr.ground-changed td:first-child{color:#7a4d00;font-weight:600}</style></head>
<body><h1>Changes between releases</h1>
<p>Older: ${escapeHtml(result.old.file)} · newer: ${escapeHtml(result.new.file)}</p>
<ul>${summary}<li>Pages withheld in full, now released: ${escapeHtml(pageList(result.pagesReleased))}</li></ul>
<table><thead><tr><th>Status</th><th>Older copy</th><th>Newer copy</th><th>Text now released</th></tr></thead>
<tbody>
${body}
</tbody></table></body></html>
`
}
