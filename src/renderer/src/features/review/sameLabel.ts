/**
 * "Select every box with this label": boxes printed with the same label ("s9(2)(a)"), or, for a box
 * with no printed label (a manual box, an unlabelled bar), boxes citing exactly the same grounds.
 */
import type { RedactionRow } from '../../db/rows'

export function sameLabel(
  row: Pick<RedactionRow, 'label' | 'grounds'>,
  like: Pick<RedactionRow, 'label' | 'grounds'>
): boolean {
  if (like.label !== null) return row.label === like.label
  return (
    row.label === null &&
    row.grounds.length === like.grounds.length &&
    row.grounds.every((g, i) => g === like.grounds[i])
  )
}
