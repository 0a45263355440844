/**
 * The renderer's door to the report mapping: the logic lives in core (src/core/report/fromLibrary.ts)
 * so Node tests and the report bench run it too; here it is typed with the library's own rows.
 */
export {
  reportBaseName,
  reportInputFromRows,
  scopeLabel,
  unfinishedDocuments,
  type ExportScope
} from '@core/report/fromLibrary'
export type { LibraryRows as ExportRows } from './loadRows'
