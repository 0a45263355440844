/**
 * The import flow as the UI sees it: ask main for files (dialog or drop), store the new ones, start
 * their analyses, and tell the user what happened to each file: added, already there (and where),
 * or refused (and why; those messages stay until dismissed).
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ImportResult } from '@shared/ipc'
import { withheld } from '../../db/db'
import { describeDbError } from '../../db/describeDbError'
import { useToasts } from '../../ui/toasts'
import { plural } from '../../ui/format'
import { createAnalysisQueue, type AnalysisQueue } from './analysisQueue'
import { importIntoLibrary } from './importIntoLibrary'

export interface ImportTarget {
  readonly selectedReleaseId: string | null
  /** Shows a release and points at one of its documents (a duplicate, or the first new file). */
  readonly reveal: (releaseId: string, documentId: string | null) => void
}

export interface Importer {
  readonly queue: AnalysisQueue
  readonly busy: boolean
  /** Runs one import request (the dialog, or a drop) through to the library. */
  readonly importFrom: (request: () => Promise<ImportResult>) => Promise<void>
}

/** One queue per window, for the window's lifetime: analyses go on while views come and go. */
let sharedQueue: AnalysisQueue | null = null
let reportQueueError: (error: unknown) => void = (error) => console.error(error)

function appQueue(): AnalysisQueue {
  sharedQueue ??= createAnalysisQueue(withheld, window.api, (error) => reportQueueError(error))
  return sharedQueue
}

export function useImporter(target: ImportTarget): Importer {
  const toasts = useToasts()
  const queue = appQueue()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    reportQueueError = (error) => toasts.error(describeDbError('Saving analysis results', error))
    // Documents left pending or running when the app last closed.
    queue.resumeInterrupted().catch((e: unknown) => toasts.error(describeDbError('Resuming analyses', e)))
  }, [queue, toasts])

  const { selectedReleaseId, reveal } = target
  const importFrom = useCallback(
    async (request: () => Promise<ImportResult>) => {
      setBusy(true)
      try {
        const result = await request()
        for (const rejection of result.rejected) toasts.error(rejection.message)
        if (result.files.length === 0) return
        const stored = await importIntoLibrary(withheld, result.files, selectedReleaseId)
        for (const document of stored.added) queue.enqueue(document.id)
        for (const duplicate of stored.duplicates) {
          toasts.info(
            duplicate.name === duplicate.existingName
              ? `“${duplicate.name}” is already in the library.`
              : `“${duplicate.name}” is already imported as “${duplicate.existingName}”.`
          )
        }
        const firstDuplicate = stored.duplicates[0]
        if (stored.added.length > 0) {
          reveal(stored.releaseId, null)
          toasts.info(`Imported ${plural(stored.added.length, 'PDF')}.`)
        } else if (firstDuplicate) {
          const existing = await withheld.documents.get(firstDuplicate.existingId)
          if (existing) reveal(existing.releaseId, existing.id)
        }
      } catch (error) {
        toasts.error(describeDbError('Import', error))
      } finally {
        setBusy(false)
      }
    },
    [queue, reveal, selectedReleaseId, toasts]
  )

  return useMemo(() => ({ queue, busy, importFrom }), [queue, busy, importFrom])
}
