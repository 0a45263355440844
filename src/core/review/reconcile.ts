/**
 * Reconciles the grounds a response letter cites with the grounds on the pages (issue 5; the report
 * of issue 6 uses the same function): cited but never used, used but never cited, and redactions
 * that carry no ground at all. A ground and its own sub-paragraphs meet: a letter citing
 * "9(2)(g)" covers a box labelled "9(2)(g)(i)", and a box labelled "9(2)(g)" is no proof the letter's
 * "9(2)(g)(i)" went unused, because labels on pages often drop the sub-paragraph.
 */

/** True when one code is the other or a part of it: 9(2)(g) and 9(2)(g)(i), (b)(7) and (b)(7)(C). */
export function codesMeet(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}(`) || b.startsWith(`${a}(`)
}

export interface GroundedItem {
  /** Catalogue codes as tagged. */
  readonly grounds: readonly string[]
}

export interface UsedNotCited<T> {
  readonly code: string
  /** The redactions that use it, in the order given. */
  readonly items: readonly T[]
}

export interface GroundReconciliation<T> {
  /** Codes the letter cites, in its order; null when no letter was read. */
  readonly letterGrounds: readonly string[] | null
  /** Cited in the letter but on no redaction (empty without a letter). */
  readonly citedNotUsed: readonly string[]
  /** On redactions but not cited: the agency gave no reason for these (OIA s 19(a)(i)). Empty without a letter. */
  readonly usedNotCited: readonly UsedNotCited<T>[]
  /** Redactions with no ground printed or tagged, whether or not there is a letter. */
  readonly withoutGround: readonly T[]
}

/**
 * @param letter codes the letter cites, or null when the release has no letter (only the
 *   redactions without a ground are then listed).
 * @param items redactions in the order the lists should keep (reading order).
 */
export function reconcileGrounds<T extends GroundedItem>(
  letter: readonly string[] | null,
  items: readonly T[]
): GroundReconciliation<T> {
  const withoutGround = items.filter((item) => item.grounds.length === 0)
  if (letter === null) return { letterGrounds: null, citedNotUsed: [], usedNotCited: [], withoutGround }

  const cited = [...new Set(letter)]
  const used = new Map<string, T[]>()
  for (const item of items) {
    for (const code of new Set(item.grounds)) {
      const list = used.get(code) ?? []
      list.push(item)
      used.set(code, list)
    }
  }
  const usedCodes = [...used.keys()]
  return {
    letterGrounds: cited,
    citedNotUsed: cited.filter((code) => !usedCodes.some((u) => codesMeet(code, u))),
    usedNotCited: [...used.entries()]
      .filter(([code]) => !cited.some((c) => codesMeet(code, c)))
      .map(([code, list]) => ({ code, items: list })),
    withoutGround
  }
}
