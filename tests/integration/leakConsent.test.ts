// Issue 10, point 2: with leaks hidden (no --reveal-leaks, no --include-leaked-text), no output in any
// format — the scan's JSON, CSV and Markdown, the report's HTML, CSV, JSON and Markdown — holds any
// text that lies under a box. Checked as a property over the quick generated corpus (every leak style)
// and over crafted /Redact marks whose /Contents note repeats, or is the only copy of, the hidden text.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scanPdfBytes } from '@node/scanPdf'
import { buildReport, renderReport, reportInputFromScans, type ReportTextFormat } from '@core/report'
import type { ScanResult } from '@core/types'
import { toCsv, toJson, toMarkdown } from '../../src/cli/formats'
import type { TruthFile } from '../fixtures/generator/truth'
import { writeCorpus } from '../fixtures/generator/write'
import { auditFixtures } from '../fixtures/audit/leakFixtures'
import { SECRET } from '../fixtures/audit/pdfParts'

const repoRoot = resolve(__dirname, '../..')

/** Letters and digits only, lower case: escaping (HTML, CSV, JSON, Markdown) cannot hide a match. */
const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

/** Every window of this many letters/digits of a hidden text must be absent from the outputs. */
const WINDOW = 12

/** The hidden texts' windows, each short text whole (a 5-letter name still counts). */
function windowsOf(hidden: string): string[] {
  const s = squash(hidden)
  if (s.length <= WINDOW) return s.length >= 5 ? [s] : []
  return Array.from({ length: s.length - WINDOW + 1 }, (_, i) => s.slice(i, i + WINDOW))
}

/** Every output a user can get from these scans without asking for leaked text. */
function everyOutput(scans: readonly ScanResult[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const scan of scans) {
    out.set(`scan json ${scan.file}`, toJson(scan))
    out.set(`scan md ${scan.file}`, toMarkdown(scan))
  }
  out.set('scan csv', toCsv(scans))
  const report = buildReport(reportInputFromScans(scans))
  for (const format of ['html', 'csv', 'json', 'md'] as ReportTextFormat[])
    out.set(`report ${format}`, renderReport(report, format))
  return out
}

/** The same scans with every string read from the PDF taken out: what the outputs say on their own. */
function withoutPdfStrings(scans: readonly ScanResult[]): ScanResult[] {
  return scans.map((scan) => ({
    ...scan,
    producer: null,
    ...(scan.audit
      ? { audit: { ...scan.audit, findings: scan.audit.findings.map((f) => ({ ...f, text: null })) } }
      : {}),
    pages: scan.pages.map((p) => ({
      ...p,
      redactions: p.redactions.map((r) => ({ ...r, label: null, leakedText: null }))
    }))
  }))
}

/**
 * Windows of hidden text found in the outputs that the outputs do not hold on their own (boilerplate
 * such as "officials" or "before" is not a leak): only strings copied from the PDF are suspects.
 */
function leaksIn(scans: readonly ScanResult[], hidden: readonly string[]): string[] {
  const found: string[] = []
  const own = [...everyOutput(withoutPdfStrings(scans)).values()].map(squash).join('|')
  const squashed = [...everyOutput(scans)].map(([name, text]) => [name, squash(text)] as const)
  for (const text of hidden)
    for (const window of windowsOf(text)) {
      if (own.includes(window)) continue
      for (const [name, body] of squashed)
        if (body.includes(window)) found.push(`${name}: "${window}" of "${text}"`)
    }
  return found
}

const SECRET_DUPLICATE = 'Aroha Ngata Kereama'
const SECRET_ONLY_COPY = 'Informant Tama Whiti of Kauri Street'
const SECRET_UNDER_LABELLED = 'Hemi Parata Waititi'

/** Three unapplied /Redact marks whose /Contents notes hold the withheld words. */
async function craftedRelease(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setProducer('Crafted release')
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595, 842])
  page.drawText(`${SECRET_DUPLICATE} phoned the Minister about the report.`, {
    x: 72,
    y: 700,
    size: 11,
    font
  })
  page.drawText(`The advice came from ${SECRET_UNDER_LABELLED} last week.`, { x: 72, y: 640, size: 11, font })
  const ctx = doc.context
  const mark = (rect: number[], contents: string, overlay: string | null): void => {
    const dict = ctx.obj({ Type: 'Annot', Subtype: 'Redact', Rect: rect, F: 4, IC: [0, 0, 0] })
    dict.set(PDFName.of('Contents'), PDFString.of(contents))
    if (overlay !== null) dict.set(PDFName.of('OverlayText'), PDFString.of(overlay))
    page.node.addAnnot(ctx.register(dict))
  }
  const width = (text: string): number => font.widthOfTextAtSize(text, 11)
  // The note repeats the text under the mark.
  mark([72, 697, 72 + width(SECRET_DUPLICATE), 711], SECRET_DUPLICATE, null)
  // Over blank paper: the note is the only copy of the withheld words.
  mark([72, 560, 300, 574], SECRET_ONLY_COPY, null)
  // A proper /OverlayText label, and the note repeating what lies under it.
  const x = 72 + width('The advice came from ')
  mark([x, 637, x + width(SECRET_UNDER_LABELLED), 651], SECRET_UNDER_LABELLED, 's9(2)(a)')
  // Plain objects: the /OverlayText reader scans the file's bytes (pdf.js does not expose it).
  return doc.save({ useObjectStreams: false })
}

describe('hidden text stays out of every output unless the user asks', () => {
  let crafted: ScanResult
  beforeAll(async () => {
    crafted = await scanPdfBytes(await craftedRelease(), 'crafted.pdf', { revealLeaks: false })
  })

  it("a /Redact mark's /Contents is never its label, and is counted as leaked text", () => {
    const marks = crafted.pages[0]!.redactions.filter((r) => r.source === 'annotation')
    expect(marks).toHaveLength(3)
    const byTop = [...marks].sort((a, b) => a.bbox[1] - b.bbox[1])
    const [duplicate, labelled, onlyCopy] = byTop as [
      ScanResult['pages'][0]['redactions'][0],
      (typeof marks)[0],
      (typeof marks)[0]
    ]
    expect(duplicate.label).toBeNull()
    expect(duplicate.leak?.chars).toBeGreaterThanOrEqual(squash(SECRET_DUPLICATE).length)
    expect(labelled.label).toBe('s9(2)(a)')
    expect(labelled.grounds).toEqual(['9(2)(a)'])
    expect(labelled.leak?.chars).toBeGreaterThanOrEqual(squash(SECRET_UNDER_LABELLED).length)
    // Nothing under it but its note: the note is the leak.
    expect(onlyCopy.label).toBeNull()
    expect(onlyCopy.leak?.kind).toBe('unapplied-annotation')
    expect(onlyCopy.leak?.chars).toBe(SECRET_ONLY_COPY.replace(/\s+/g, '').length)
    for (const r of marks) expect(r.leakedText).toBeNull()
  })

  it('crafted marks: no output holds the hidden words; revealing shows them', async () => {
    const hidden = [SECRET_DUPLICATE, SECRET_ONLY_COPY, SECRET_UNDER_LABELLED]
    expect(leaksIn([crafted], hidden)).toEqual([])
    // The check can fail: with leaks revealed the same outputs do hold the words.
    const revealed = await scanPdfBytes(await craftedRelease(), 'crafted.pdf', { revealLeaks: true })
    expect(leaksIn([revealed], hidden).length).toBeGreaterThan(0)
  })

  it('leaks outside the boxes (every audit kind, issue 13): no output holds the name; revealing shows it', async () => {
    const fixtures = (await auditFixtures()).filter((f) => f.kinds.length > 0)
    const scan = (reveal: boolean): Promise<ScanResult[]> =>
      Promise.all(
        fixtures.map((f) =>
          scanPdfBytes(f.bytes, `${f.name}.pdf`, { revealLeaks: reveal, rasterDpi: 0, ocr: false })
        )
      )
    const hidden = await scan(false)
    expect(new Set(hidden.flatMap((r) => r.audit!.findings.map((f) => f.kind))).size).toBeGreaterThanOrEqual(
      14
    )
    expect(leaksIn(hidden, [SECRET])).toEqual([])
    // The check can fail: revealed, the outputs of (nearly) every fixture name the secret.
    const revealed = leaksIn(await scan(true), [SECRET])
    expect(revealed.filter((line) => line.startsWith('scan json')).length).toBeGreaterThanOrEqual(10)
  }, 120_000)

  describe('the quick generated corpus (every leak style)', () => {
    let dir = ''
    let scans: ScanResult[] = []
    let hidden: string[] = []
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'withheld-consent-'))
      const { entries } = await writeCorpus(dir, 'quick', repoRoot)
      for (const entry of entries) {
        const truth = JSON.parse(readFileSync(entry.truthPath, 'utf8')) as TruthFile
        for (const page of truth.pages)
          for (const r of page.redactions) if (r.leakText) hidden.push(r.leakText)
        const bytes = new Uint8Array(readFileSync(entry.pdfPath))
        scans.push(await scanPdfBytes(bytes, `${entry.name}.pdf`, { revealLeaks: false, rasterDpi: 0 }))
      }
    }, 120_000)
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true })
      scans = []
      hidden = []
    })

    it('no scan or report format holds any text that lies under a box', () => {
      expect(hidden.length).toBeGreaterThan(10)
      expect(leaksIn(scans, hidden)).toEqual([])
    })
  })
})
