/**
 * Rebuilds a `withheld.scan/1` result from the analysis worker's event stream (meta, page…, done).
 * The file name and SHA-256 come from the parent, which read and hashed the bytes itself.
 */
import type { AnalysisEvent } from '@shared/analysis'
import { summarise } from '@core/scan/scanDocument'
import {
  ENGINE_VERSION,
  SCAN_SCHEMA,
  type DocumentAudit,
  type DocumentMeta,
  type Regime,
  type ScanPage,
  type ScanResult
} from '@core/types'

export class ScanAssembler {
  private meta: DocumentMeta | null = null
  private readonly pages: ScanPage[] = []

  constructor(
    private readonly file: string,
    private readonly sha256: string
  ) {}

  get pageCount(): number | null {
    return this.meta?.pageCount ?? null
  }

  get pagesDone(): number {
    return this.pages.length
  }

  accept(event: AnalysisEvent): void {
    if (event.type === 'meta') this.meta = event.meta
    else if (event.type === 'page') this.pages.push(event.page)
  }

  finish(regime: Regime, audit?: DocumentAudit): ScanResult {
    const pages = [...this.pages].sort((a, b) => a.index - b.index)
    return {
      schema: SCAN_SCHEMA,
      engine: ENGINE_VERSION,
      file: this.file,
      sha256: this.sha256,
      pageCount: this.meta?.pageCount ?? pages.length,
      producer: this.meta?.producer ?? null,
      regime,
      pages,
      summary: summarise(pages),
      ...(audit ? { audit } : {})
    }
  }
}
