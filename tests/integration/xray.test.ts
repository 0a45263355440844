/**
 * The peer x-ray's own test PDFs (../shared/corpus/xray, with a manifest of what each holds): every
 * leak it lists is found, including the cross-hatched boxes and the white boxes over replaced text
 * that x-ray itself misses; files without leaks report none; the proper redactions are listed.
 * Skipped when the shared corpus is absent.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ScanResult } from '@core/types'
import { scanPdfBytes } from '@node/scanPdf'

const repoRoot = resolve(__dirname, '..', '..')
const corpus = resolve(repoRoot, '..', 'shared', 'corpus', 'xray')
const present = existsSync(resolve(corpus, 'manifest.json'))

interface Fixture {
  readonly file: string
  readonly pages: number
  readonly leaksByPage: Record<string, number | string>
  readonly notes: string
}

const manifest: { fixtures: Fixture[] } = present
  ? JSON.parse(readFileSync(resolve(corpus, 'manifest.json'), 'utf8'))
  : { fixtures: [] }

const results = new Map<string, ScanResult>()

const leaksOn = (result: ScanResult, pageIndex: number): number =>
  result.pages[pageIndex]?.redactions.filter((r) => r.leak !== null).length ?? 0

/**
 * Text lines covered by the leaking boxes of a page: a box as tall as k line pitches plus one bar's
 * overhang spans k + 1 lines. The pitch is the smallest step between the tops of two boxes.
 */
function leakingLines(result: ScanResult, pageIndex: number): number {
  const boxes = result.pages[pageIndex]!.redactions.filter((r) => r.leak !== null)
  const tops = [...new Set(boxes.map((r) => Math.round(r.bbox[1])))].sort((a, b) => a - b)
  const steps = tops
    .slice(1)
    .map((t, i) => t - tops[i]!)
    .filter((d) => d > 0)
  const pitch = Math.min(...steps)
  const barHeight = Math.min(...boxes.map((r) => r.bbox[3] - r.bbox[1]))
  return boxes.reduce((n, r) => n + 1 + Math.round((r.bbox[3] - r.bbox[1] - barHeight) / pitch), 0)
}

/** Black (or page) boxes on a page, whatever their leak state. */
const boxesOn = (result: ScanResult, pageIndex: number): number =>
  result.pages[pageIndex]?.redactions.filter((r) => r.kind === 'black' || r.kind === 'page').length ?? 0

describe.skipIf(!present)('x-ray corpus', () => {
  beforeAll(async () => {
    for (const fixture of manifest.fixtures) {
      const bytes = new Uint8Array(readFileSync(resolve(corpus, fixture.file)))
      results.set(fixture.file, await scanPdfBytes(bytes, fixture.file, { revealLeaks: true }))
    }
  }, 60_000)

  it('scans every file with the declared page count and no page errors', () => {
    for (const fixture of manifest.fixtures) {
      const result = results.get(fixture.file)!
      expect([fixture.file, result.pageCount]).toEqual([fixture.file, fixture.pages])
      expect([fixture.file, result.pages.filter((p) => p.error).map((p) => p.error)]).toEqual([
        fixture.file,
        []
      ])
    }
  })

  it('finds every listed leak and reports none elsewhere', () => {
    for (const fixture of manifest.fixtures) {
      const result = results.get(fixture.file)!
      for (const page of result.pages) {
        const expected = fixture.leaksByPage[String(page.index)]
        const found = leaksOn(result, page.index)
        if (expected === undefined)
          expect([fixture.file, page.index, found]).toEqual([fixture.file, page.index, 0])
        else if (typeof expected === 'number')
          expect([fixture.file, page.index, found]).toEqual([fixture.file, page.index, expected])
        else {
          // "about 17" counts the cross-hatched bars line by line; the engine merges the bars of one
          // multi-line block into one redaction, so count the text lines its leaking boxes span.
          const about = Number(/\d+/.exec(expected)?.[0])
          const lines = leakingLines(result, page.index)
          expect(lines, fixture.file).toBeGreaterThanOrEqual(about - 2)
          expect(lines, fixture.file).toBeLessThanOrEqual(about + 2)
        }
      }
    }
  })

  it('lists the proper redactions the notes describe', () => {
    const get = (file: string): ScanResult => results.get(file)!
    expect(boxesOn(get('partial_intersections_ok.pdf'), 0)).toBe(7)
    expect(boxesOn(get('ok_words.pdf'), 0)).toBe(4)
    expect(boxesOn(get('whitespace_redactions.pdf'), 0)).toBeGreaterThanOrEqual(1)
    expect(boxesOn(get('whitespace_redactions_2.pdf'), 0)).toBe(4)
    expect(boxesOn(get('whitespace_redaction_with_comma.pdf'), 0)).toBe(4)
    expect(boxesOn(get('multi_line_redaction_ok.pdf'), 0)).toBeGreaterThanOrEqual(1)
    expect(boxesOn(get('rectangles_yes.pdf'), 0)).toBe(3)
  })

  it('finds the two white boxes over replaced text', () => {
    const page = results.get('hidden_text_on_visible_text.pdf')!.pages[0]!
    const white = page.redactions.filter((r) => r.kind === 'white' && r.leak?.kind === 'text-under-box')
    expect(white).toHaveLength(2)
  })

  it('hides leaked text unless asked to reveal it', async () => {
    const bytes = new Uint8Array(readFileSync(resolve(corpus, 'rectangles_yes_2.pdf')))
    const hidden = await scanPdfBytes(bytes, 'rectangles_yes_2.pdf', { revealLeaks: false })
    const leaks = hidden.pages[0]!.redactions.filter((r) => r.leak)
    expect(leaks).toHaveLength(1)
    expect(leaks[0]!.leakedText).toBeNull()
    const revealed = results.get('rectangles_yes_2.pdf')!.pages[0]!.redactions.find((r) => r.leak)
    expect(revealed?.leakedText).toBe('def')
    expect(revealed?.leak?.chars).toBe(3)
  })
})
