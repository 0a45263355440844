/**
 * Builds the report model (`withheld.report/1`) from plain data: one pass over the redactions in
 * reading order (document as given, then page, top, left) gives the register, and every total is
 * summed from that register so the summary, the ground sections and the table always agree.
 */
import { buildLeakAudit } from './leakAudit'
import type { Ground } from '../grounds/catalogue'
import { reconcileGrounds } from '../review/reconcile'
import type { Regime } from '../types'
import { asksFor, classOf, complaintFrame, generalAsks } from './asks'
import { describePosition, EST_WORDS_BASIS, estimateWords, leakUnit, rectAreaPt2 } from './measure'
import { detectRegime, regimeWords, type RegimeDetection } from './regime'
import {
  REPORT_SCHEMA,
  type ComplaintDraft,
  type GroundClass,
  type GroundSection,
  type Reconciliation,
  type RegisterRow,
  type Report,
  type ReportInput,
  type ReportLeak,
  type ReportPage,
  type ReviewStatus
} from './types'

const round2 = (value: number): number => Math.round(value * 100) / 100

function regimeOf(input: ReportInput): RegimeDetection {
  const redactions = input.documents.flatMap((d) => d.redactions)
  return detectRegime({
    releaseRegime: input.release.regime,
    letterText: input.release.letterText ?? '',
    labels: redactions.flatMap((r) => (r.label ? [r.label] : [])),
    codes: [...redactions.flatMap((r) => r.grounds), ...(input.release.letterGrounds ?? [])]
  })
}

function buildRegister(input: ReportInput, grounds: ReadonlyMap<string, Ground>): RegisterRow[] {
  const rows: RegisterRow[] = []
  for (const doc of input.documents) {
    const pages = new Map(doc.pages.map((p) => [p.index, p]))
    const sorted = [...doc.redactions].sort(
      (a, b) =>
        a.pageIndex - b.pageIndex ||
        a.pageRect[1] - b.pageRect[1] ||
        a.pageRect[0] - b.pageRect[0] ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    )
    for (const r of sorted) {
      const page = pages.get(r.pageIndex)
      const width = page?.width ?? r.pageRect[2]
      const height = page?.height ?? r.pageRect[3]
      const position = r.kind === 'page' ? 'whole page' : describePosition(r.pageRect, width, height)
      rows.push({
        ref: rows.length + 1,
        redactionId: r.id,
        documentId: doc.id,
        documentName: doc.name,
        documentSha256: doc.sha256,
        pageIndex: r.pageIndex,
        pageNumber: r.pageIndex + 1,
        pageRect: [
          round2(r.pageRect[0]),
          round2(r.pageRect[1]),
          round2(r.pageRect[2]),
          round2(r.pageRect[3])
        ],
        position,
        kind: r.kind,
        origin: r.origin,
        label: r.label,
        grounds: [...r.grounds],
        meanings: r.grounds.map((code) => {
          const g = grounds.get(code)
          return g ? `${code} ${g.label}: ${g.meaning}` : `${code}: not in the catalogue`
        }),
        status: r.status,
        note: r.note,
        areaPt2: round2(rectAreaPt2(r.pageRect)),
        estWords: estimateWords(r.pageRect, r.kind === 'page'),
        leak: r.leak,
        leakedText: input.options.includeLeakedText && r.leak ? (r.leakedText ?? null) : null
      })
    }
  }
  return rows
}

function groundSections(
  register: readonly RegisterRow[],
  grounds: ReadonlyMap<string, Ground>,
  regime: Regime
) {
  const totals = new Map<string, { count: number; areaPt2: number; estWords: number }>()
  for (const row of register) {
    for (const code of new Set(row.grounds)) {
      const t = totals.get(code) ?? { count: 0, areaPt2: 0, estWords: 0 }
      t.count++
      t.areaPt2 += row.areaPt2
      t.estWords += row.estWords
      totals.set(code, t)
    }
  }
  const sections: GroundSection[] = [...totals.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, t]) => {
      const g = grounds.get(code) ?? null
      const groundClass = classOf(g?.family ?? null, code)
      return {
        code,
        label: g?.label ?? null,
        meaning: g?.meaning ?? null,
        family: g?.family ?? null,
        groundClass,
        count: t.count,
        areaPt2: round2(t.areaPt2),
        estWords: t.estWords,
        whatToAsk: asksFor(code, groundClass, regime)
      }
    })
  return sections
}

/** The release panel's reconciliation (review/reconcile.ts), as codes: one rule for both. */
function reconcile(letter: readonly string[] | undefined, used: readonly string[]): Reconciliation | null {
  if (!letter || letter.length === 0) return null
  const result = reconcileGrounds(
    letter,
    used.map((code) => ({ grounds: [code] }))
  )
  return {
    letterGrounds: result.letterGrounds ?? [],
    citedNotUsed: result.citedNotUsed,
    usedNotCited: result.usedNotCited.map((u) => u.code)
  }
}

export function buildReport(input: ReportInput): Report {
  const detection = regimeOf(input)
  const regime: Regime = detection.regime
  const regimeText = regimeWords(detection)
  const grounds = new Map<string, Ground>()
  for (const g of input.catalogue) if (!grounds.has(g.code)) grounds.set(g.code, g)

  const register = buildRegister(input, grounds)
  const sections = groundSections(register, grounds, regime)

  const byClass: Record<GroundClass, number> = {
    conclusive: 0,
    'public-interest': 0,
    'us-exemption': 0,
    refusal: 0,
    other: 0,
    unknown: 0
  }
  const byStatus: Record<ReviewStatus, number> = { unreviewed: 0, accepted: 0, disputed: 0 }
  const classOfCode = new Map(sections.map((s) => [s.code, s.groundClass]))
  let withoutGround = 0
  let areaPt2 = 0
  let estWords = 0
  for (const row of register) {
    byStatus[row.status]++
    areaPt2 += row.areaPt2
    estWords += row.estWords
    if (row.grounds.length === 0) withoutGround++
    for (const c of new Set(row.grounds.map((code) => classOfCode.get(code) ?? 'unknown'))) byClass[c]++
  }

  const pageAreaPt2 = input.documents.reduce(
    (sum, d) => sum + d.pages.reduce((s, p) => s + p.width * p.height, 0),
    0
  )
  const pages: ReportPage[] = []
  for (const doc of input.documents) {
    const refsByPage = new Map<number, number[]>()
    for (const row of register) {
      if (row.documentId !== doc.id) continue
      const list = refsByPage.get(row.pageIndex) ?? []
      list.push(row.ref)
      refsByPage.set(row.pageIndex, list)
    }
    for (const p of [...doc.pages].sort((a, b) => a.index - b.index)) {
      const refs = refsByPage.get(p.index)
      if (!refs && !p.withheldInFull) continue
      pages.push({
        documentId: doc.id,
        documentName: doc.name,
        pageNumber: p.index + 1,
        width: p.width,
        height: p.height,
        withheldInFull: p.withheldInFull,
        refs: refs ?? []
      })
    }
  }

  const leakAudit = buildLeakAudit(input.documents)
  const leaks: ReportLeak[] = register.flatMap((row) =>
    row.leak
      ? [
          {
            ref: row.ref,
            documentName: row.documentName,
            pageNumber: row.pageNumber,
            leak: row.leak,
            unit: leakUnit(row.leak),
            leakedText: row.leakedText
          }
        ]
      : []
  )

  const disputed = register.filter((row) => row.status === 'disputed')
  const complaint: ComplaintDraft | null =
    disputed.length === 0
      ? null
      : {
          ...complaintFrame(regime, input.release, disputed.length),
          items: disputed.map((row) => ({
            ref: row.ref,
            documentName: row.documentName,
            pageNumber: row.pageNumber,
            position: row.position,
            grounds: row.grounds,
            label: row.label,
            note: row.note
          }))
        }

  const { release } = input
  return {
    schema: REPORT_SCHEMA,
    engine: input.engine,
    generatedAt: input.generatedAt,
    cover: {
      title: release.name,
      agency: release.agency,
      requestRef: release.requestRef,
      requestDate: release.requestDate,
      responseDate: release.responseDate,
      regime,
      regimeName: regimeText.name,
      regimeBasis: detection.basis,
      unsupportedStatute: detection.unsupported,
      regimeNote: regimeText.note,
      notes: release.notes,
      scope: input.options.scopeLabel,
      includesLeakedText: input.options.includeLeakedText,
      documents: input.documents.map((d) => ({ name: d.name, sha256: d.sha256, pageCount: d.pageCount }))
    },
    summary: {
      documents: input.documents.length,
      pages: input.documents.reduce((sum, d) => sum + d.pageCount, 0),
      pagesWithheldInFull: input.documents.reduce(
        (sum, d) => sum + d.pages.filter((p) => p.withheldInFull).length,
        0
      ),
      redactions: register.length,
      byGround: sections.map((s) => ({
        code: s.code,
        count: s.count,
        areaPt2: s.areaPt2,
        estWords: s.estWords
      })),
      byClass,
      withoutGround,
      byStatus,
      withheldAreaPt2: round2(areaPt2),
      withheldAreaPercent: pageAreaPt2 > 0 ? round2((100 * areaPt2) / pageAreaPt2) : 0,
      estWords,
      estWordsBasis: EST_WORDS_BASIS,
      leaks: leaks.length
    },
    grounds: sections,
    generalAsks: generalAsks(regime, withoutGround),
    reconciliation: reconcile(
      release.letterGrounds,
      sections.map((s) => s.code)
    ),
    leaks,
    ...(leakAudit ? { leakAudit } : {}),
    pages,
    register,
    complaint,
    thumbnails: input.options.thumbnails ?? true
  }
}
