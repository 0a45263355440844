import { describe, expect, it } from 'vitest'
import { compareDocuments } from './compareDocuments'
import { typeset } from './layoutForTests.test-support'
import type { Change, CompareDocument, DiffResult } from './types'

const PROSE = [
  'The Minister met the chief executive of the regional council on Tuesday to discuss the flood recovery programme and its funding.',
  'Officials advise that [[Jane Doe|9(2)(a)]] has agreed to lead the review, which will report back by the end of March next year.',
  'The estimated cost of the works is [[$4.2 million|9(2)(b)(ii)]] over three years, subject to Cabinet agreement in the usual way.',
  'We recommend that you note the contents of this briefing and agree to meet the mayor before the announcement is made public.'
]

const reveal = (paragraphs: readonly string[], which: RegExp): string[] =>
  paragraphs.map((p) =>
    p.replace(/\[\[([^|\]]*)\|?([^\]]*)\]\]/g, (all, words: string) => (which.test(words) ? words : all))
  )

function run(older: CompareDocument, newer: CompareDocument): DiffResult {
  const outcome = compareDocuments(older, newer)
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.result
}

const statuses = (changes: readonly Change[]): string[] => changes.map((c) => c.status)

describe('compareDocuments', () => {
  it('reports every box kept when the copy is only re-saved', () => {
    const result = run(typeset(PROSE), typeset(PROSE))
    expect(statuses(result.changes)).toEqual(['kept', 'kept'])
    expect(result.pagesReleased).toEqual([])
  })

  it('finds a lifted box and the words now printed in its place', () => {
    const result = run(typeset(PROSE), typeset(reveal(PROSE, /Jane/)))
    expect(statuses(result.changes)).toEqual(['lifted', 'kept'])
    expect(result.changes[0]).toMatchObject({
      old: { page: 0, grounds: ['9(2)(a)'] },
      new: null,
      revealedText: 'Jane Doe'
    })
  })

  it('follows the words through a reflow and a cover letter put in front', () => {
    const cover = Array.from(
      { length: 40 },
      (_, k) => `Cover letter sentence number ${k} about the release of information.`
    )
    const newer = typeset([...cover, ...reveal(PROSE, /4\.2/)], { fontSizePt: 13, marginPt: 50 })
    const result = run(typeset(PROSE), newer)
    expect(newer.pages.length).toBeGreaterThan(1)
    expect(statuses(result.changes)).toEqual(['kept', 'lifted'])
    expect(result.changes[0]!.new!.page).toBe(newer.pages.length - 1)
    expect(result.changes[1]!.revealedText).toBe('$4.2 million')
  })

  it('tells a changed ground from a kept one and reports boxes only in the newer copy as added', () => {
    const newer = PROSE.map((p) =>
      p.replace('9(2)(a)', '9(2)(g)(i)').replace('note the contents', 'note [[the contents|9(2)(f)(iv)]]')
    )
    const result = run(typeset(PROSE), typeset(newer))
    expect(statuses(result.changes)).toEqual(['ground-changed', 'kept', 'added'])
    expect(result.changes[0]).toMatchObject({
      old: { grounds: ['9(2)(a)'] },
      new: { grounds: ['9(2)(g)(i)'] }
    })
    expect(result.changes[2]).toMatchObject({ old: null, new: { page: 0, grounds: ['9(2)(f)(iv)'] } })
  })

  it('lists a page withheld in full and released in the newer copy', () => {
    const paragraphs = [
      ...PROSE.slice(0, 2),
      'Annex A sets out the contractor quotes received for the stopbank repairs and the assessment panel.',
      ...PROSE.slice(2)
    ]
    const older = typeset(paragraphs, { withheldPages: new Map([[2, ['9(2)(j)']]]) })
    const result = run(older, typeset(paragraphs, { ownPages: new Set([2]) }))
    expect(older.pages[1]!.withheldInFull).toBe(true)
    expect(result.pagesReleased).toEqual([1])
    const page = result.changes.find((c) => c.old?.page === 1)
    expect(page).toMatchObject({
      status: 'lifted',
      revealedText: expect.stringContaining('contractor quotes')
    })
  })

  it('shares a lifted passage between its line bars', () => {
    const long =
      'Before the passage [[alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega|9(2)(a)]] after the passage ends here for good.'
    const older = typeset([PROSE[0]!, long, PROSE[3]!], { pageWidthPt: 400 })
    const result = run(older, typeset(reveal([PROSE[0]!, long, PROSE[3]!], /alpha/), { pageWidthPt: 400 }))
    const lifted = result.changes.filter((c) => c.status === 'lifted')
    expect(lifted.length).toBeGreaterThan(1)
    expect(lifted.map((c) => c.revealedText).join(' ')).toBe(
      'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'
    )
  })

  it('leaves misread copies of the words around a box out of the revealed text', () => {
    const older = typeset(PROSE.map((p) => p.replace('Officials advise that', 'Offlcials advlse thal')))
    const result = run(older, typeset(reveal(PROSE, /Jane/)))
    expect(result.changes[0]!.revealedText).toBe('Jane Doe')
  })

  it('pairs a released page by its place when a page before it was taken out', () => {
    const removed =
      'This section about the stopbank contractors was left out of the second release entirely, every word of it.'
    const annex =
      'Annex A sets out the contractor quotes received for the stopbank repairs and the assessment panel.'
    const paragraphs = [PROSE[0]!, removed, annex, PROSE[3]!]
    const own = new Set([0, 1, 2, 3])
    const older = typeset(paragraphs, { ownPages: own, withheldPages: new Map([[2, ['9(2)(j)']]]) })
    const newer = typeset([PROSE[0]!, annex, PROSE[3]!], { ownPages: new Set([0, 1, 2]) })
    const result = run(older, newer)
    expect(result.pagesReleased).toEqual([2])
    expect(result.changes).toHaveLength(1)
  })

  it('keeps a passage the newer copy redrew with another number of line bars', () => {
    const long =
      'Before the passage [[alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron|9(2)(a)]] after it.'
    const result = run(
      typeset([PROSE[0]!, long], { pageWidthPt: 400 }),
      typeset([PROSE[0]!, long], { pageWidthPt: 700 })
    )
    expect(new Set(statuses(result.changes))).toEqual(new Set(['kept']))
  })

  it('does not call a ground read short (9(2) for 9(2)(a)) a change', () => {
    const result = run(typeset(PROSE), typeset(PROSE.map((p) => p.replace('9(2)(a)', '9(2)'))))
    expect(statuses(result.changes)).toEqual(['kept', 'kept'])
  })

  it('lets an unsure box of the newer copy answer for a kept one, but never report it as added', () => {
    const unsure = (doc: CompareDocument): CompareDocument => ({
      ...doc,
      pages: doc.pages.map((page) => ({ ...page, boxes: page.boxes.map((b) => ({ ...b, sure: false })) }))
    })
    const newer = unsure(
      typeset(PROSE.map((p) => p.replace('note the contents', 'note [[the contents|9(2)(f)(iv)]]')))
    )
    expect(statuses(run(typeset(PROSE), newer).changes)).toEqual(['kept', 'kept'])
  })

  it('lets an unsure box of the older copy answer for a box of the newer one, and never lifts it', () => {
    const older = typeset(PROSE)
    const unsureOld: CompareDocument = {
      ...older,
      pages: older.pages.map((page) => ({
        ...page,
        boxes: page.boxes.map((b, k) => ({ ...b, sure: k !== 0 }))
      }))
    }
    expect(statuses(run(unsureOld, typeset(PROSE)).changes)).toEqual(['kept', 'kept'])
    expect(statuses(run(unsureOld, typeset(reveal(PROSE, /Jane/))).changes)).toEqual(['kept'])
  })

  it('places a box by its neighbours on a sloping (skewed) line', () => {
    // Every point 0.06 pt lower per point to the right: a 3.4° skew, 23 pt over a 380 pt line.
    const skew = (doc: CompareDocument): CompareDocument => ({
      ...doc,
      pages: doc.pages.map((page) => ({
        ...page,
        wordsInReadingOrder: true,
        words: page.words.map((w) => ({
          ...w,
          pageRect: [
            w.pageRect[0],
            w.pageRect[1] + 0.06 * w.pageRect[0],
            w.pageRect[2],
            w.pageRect[3] + 0.06 * w.pageRect[0]
          ] as const
        })),
        boxes: page.boxes.map((b) => ({
          ...b,
          bbox: [b.bbox[0], b.bbox[1] + 0.06 * b.bbox[0], b.bbox[2], b.bbox[3] + 0.06 * b.bbox[0]] as const
        }))
      }))
    })
    const result = run(typeset(PROSE), skew(typeset(reveal(PROSE, /Jane/))))
    expect(result.changes.map((c) => c.revealedText ?? c.status)).toEqual(['Jane Doe', 'kept'])
  })

  it('refuses two files that share only stock phrases', () => {
    // One five-word stock phrase in each ~25-word sentence: a fifth of the words, in runs of five.
    const stock = (topics: string[]): string[] => topics.map((t) => `${t}, and asked for a report back.`)
    const a = typeset(
      stock([
        'Councillors argued over harbour dredging costs, the silt disposal consent, tidal access for the fishing fleet and the wharf lease',
        'The new library roof leaks above the reading room after every southerly storm; repairs were quoted twice by different builders',
        'Rural ratepayers objected to the proposed differential, citing drought, lower farm incomes and roads nobody has graded since autumn'
      ])
    )
    const b = typeset(
      stock([
        'Measles vaccination uptake among toddlers fell again in three districts, with clinics blaming staff shortages and misinformation online',
        'Nurse rostering software double-booked night shifts across two wards during the holidays, prompting overtime claims and complaints',
        'Hospital car parking fees rose sharply this winter while patients waited longer, so visitors began parking on nearby residential streets'
      ])
    )
    expect(compareDocuments(a, b)).toMatchObject({
      ok: false,
      message: expect.stringContaining('share no pages')
    })
  })

  it('refuses two files with no text in common', () => {
    const other = typeset([
      'Completely unrelated words about gardening, roses, soil acidity and compost heaps in spring.'
    ])
    const outcome = compareDocuments(typeset(PROSE), other)
    expect(outcome.ok).toBe(false)
  })
})
