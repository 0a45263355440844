/** Cancelling an export: every long step checks the dialog's AbortSignal between pages and documents. */
export class ExportCancelled extends Error {
  override name = 'ExportCancelled'
  constructor() {
    super('Export cancelled')
  }
}

export const throwIfAborted = (signal: AbortSignal): void => {
  if (signal.aborted) throw new ExportCancelled()
}
