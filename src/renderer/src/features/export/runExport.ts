/**
 * One export, start to finish: read the rows, read the grounds the marked response letter cites
 * (release-wide reports), recover leaked text (only when asked), build the model, draw page pictures
 * (only for HTML/PDF with thumbnails on), render each format, then hand the files to main, which
 * asks where to save them. Every step before the hand-over checks the AbortSignal, so
 * Cancel stops a big release within a page; once main shows its dialog the export is the user's.
 */
import { buildReport } from '@core/report/buildReport'
import { letterGrounds } from '@core/review/letterGrounds'
import type { Api, PaperSize, ReportFileFormat, ReportSaveOutcome } from '@shared/ipc'
import type { WithheldDb } from '../../db/db'
import type { DocumentRow } from '../../db/rows'
import { documentText } from '../search/pageText'
import { throwIfAborted } from './cancel'
import { recoverLeakedText } from './leakedText'
import { loadExportRows } from './loadRows'
import { buildOutputs, paperOf } from './outputs'
import { renderPageImages } from './pageImages'
import { reportBaseName, reportInputFromRows, type ExportScope } from '@core/report/fromLibrary'

export interface ExportSettings {
  readonly scope: ExportScope
  readonly formats: ReadonlySet<ReportFileFormat>
  readonly thumbnails: boolean
  readonly includeLeakedText: boolean
  /** Null: the paper the report's regime calls for (outputs.ts paperOf). */
  readonly paper: PaperSize | null
}

export type ExportPhase = 'reading' | 'leaks' | 'pictures' | 'building' | 'saving'

export interface ExportProgress {
  readonly phase: ExportPhase
  /** Steps done and to do in this phase (documents for leaks, pages for pictures). */
  readonly done: number
  readonly total: number
}

export type ExportApi = Pick<Api, 'saveReport' | 'startAnalysis' | 'cancelAnalysis' | 'onAnalysisEvent'>

/**
 * The marked response letter's text, which names the law the release is under (report/regime.ts), and
 * the codes it cites, for a report on the whole release only (reconciling a letter with one document
 * would call every other ground "cited but not used"). Empty without a letter or when its text cannot
 * be read (a scan): the report then has no reconciliation section.
 */
async function readLetter(
  documents: readonly DocumentRow[],
  scope: ExportSettings['scope']
): Promise<{ readonly text?: string; readonly cited?: readonly string[] }> {
  const letter = documents.find((d) => d.isResponseLetter)
  if (!letter) return {}
  try {
    const text = (await documentText(letter.id, letter.sha256)).pages.join('\n')
    const codes = scope.kind === 'release' ? letterGrounds(text).codes : []
    return codes.length > 0 ? { text, cited: codes } : { text }
  } catch {
    return {}
  }
}

/** Lets React paint the progress bar between steps (a 1,000-page release is minutes of work). */
const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

export async function runExport(
  db: WithheldDb,
  api: ExportApi,
  releaseId: string,
  settings: ExportSettings,
  signal: AbortSignal,
  onProgress: (progress: ExportProgress) => void,
  now: () => Date = () => new Date()
): Promise<ReportSaveOutcome> {
  onProgress({ phase: 'reading', done: 0, total: 1 })
  const rows = await loadExportRows(db, releaseId)
  if (!rows) return { status: 'failed', message: 'This release is no longer in the library.' }
  throwIfAborted(signal)

  const letter = await readLetter(rows.documents, settings.scope)
  throwIfAborted(signal)

  let leakedText = new Map<string, string>()
  if (settings.includeLeakedText) {
    const docs = rows.documents.filter(
      (d) => settings.scope.kind === 'release' || d.id === settings.scope.documentId
    )
    let done = 0
    onProgress({ phase: 'leaks', done, total: docs.length })
    leakedText = await recoverLeakedText(db, api, docs, rows.redactions, signal, () =>
      onProgress({ phase: 'leaks', done: ++done, total: docs.length })
    )
  }

  const choices = {
    scope: settings.scope,
    includeLeakedText: settings.includeLeakedText,
    thumbnails: settings.thumbnails
  }
  const input = reportInputFromRows(rows, choices, now().toISOString(), leakedText)
  const report = buildReport({
    ...input,
    release: {
      ...input.release,
      ...(letter.cited ? { letterGrounds: letter.cited } : {}),
      ...(letter.text !== undefined ? { letterText: letter.text } : {})
    }
  })
  throwIfAborted(signal)

  let images = new Map<string, string>()
  const printed = settings.formats.has('html') || settings.formats.has('pdf')
  if (settings.thumbnails && printed && report.pages.length > 0) {
    let done = 0
    const total = report.pages.length
    onProgress({ phase: 'pictures', done, total })
    images = await renderPageImages(db, report.pages, signal, () => {
      onProgress({ phase: 'pictures', done: ++done, total })
    })
  }

  onProgress({ phase: 'building', done: 0, total: 1 })
  await yieldToUi()
  const outputs = buildOutputs(report, settings.formats, paperOf(settings.paper, report), images)
  throwIfAborted(signal)
  onProgress({ phase: 'saving', done: 0, total: 1 })
  return api.saveReport({ baseName: reportBaseName(rows, settings.scope), outputs })
}
