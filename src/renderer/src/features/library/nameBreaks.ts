/**
 * Where a long file name may wrap in the library: after the separators people put in file names
 * (space, _ - . – — / +) and before an opening bracket, so "OIA-2025-0412_Briefing_to_Minister_
 * annex-B.pdf" breaks between its parts and the end that tells two similar names apart stays
 * readable. A run with no separator at all still wraps anywhere (CSS overflow-wrap), never clipped.
 */

const BREAK_AFTER = new Set([' ', '_', '-', '.', '–', '—', '/', '+'])

/** The name cut into pieces; joined back they are the name. A break opportunity lies between each two. */
export function nameSegments(name: string): string[] {
  const segments: string[] = []
  let current = ''
  for (const char of name) {
    if (char === '(' && current !== '') {
      segments.push(current)
      current = ''
    }
    current += char
    if (BREAK_AFTER.has(char)) {
      segments.push(current)
      current = ''
    }
  }
  if (current !== '') segments.push(current)
  return segments
}
