/**
 * Ground families as the reviewer sees them: one colour per family (s6 conclusive, s9 public
 * interest, s18 refusal, US FOIA, other, none yet) on the page overlay, the panel and the picker,
 * and the words for a ground code. The colours themselves live in review.css as --family-* variables.
 */
import { findGround } from '@core/grounds/catalogue'
import { familyOf, type FamilyOrNone } from '@core/review/reviewItems'
import type { RedactionRow } from '../../db/rows'

export const FAMILY_WORDS: Record<FamilyOrNone, string> = {
  's6-conclusive': 's6 conclusive',
  's9-public-interest': 's9 public interest',
  's18-refusal': 's18 refusal',
  'us-foia': 'US FOIA',
  other: 'Other',
  none: 'No ground yet'
}

/** Classes the overlay adds to a box: its family's colour and, when selected, the highlight. */
export function reviewBoxClasses(
  row: Pick<RedactionRow, 'id' | 'grounds'>,
  selectedId: string | null
): string[] {
  const classes = [`family-${familyOf(row.grounds)}`]
  if (row.id === selectedId) classes.push('selected')
  return classes
}

/** "Privacy" for 9(2)(a); the code itself when the catalogue does not know it (a custom ground). */
export const groundLabel = (code: string): string => findGround(code)?.label ?? code

/** The hover text's extra line: each ground's plain-language meaning. */
export function groundMeanings(codes: readonly string[]): string {
  return codes
    .map((code) => {
      const ground = findGround(code)
      return ground ? `${code}: ${ground.meaning}` : code
    })
    .join('\n')
}
