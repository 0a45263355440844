/**
 * PDFs the operating system asked Withheld to open (`withheld brief.pdf`, a double-click in the file
 * manager, a second launch, macOS open-file, File › Open Recent). Main queues their paths and tells
 * us when more wait; we take them once on mount (a launch's own files arrive before the page is up)
 * and again at each notice, through the same import as the dialog, so refusals and duplicates read
 * the same.
 */
import { useEffect, useRef } from 'react'
import type { ImportResult } from '@shared/ipc'

export function useOpenedFiles(importFrom: (request: () => Promise<ImportResult>) => Promise<void>): void {
  // A ref: importFrom changes with the selected release, which must not take the queue again.
  const latest = useRef(importFrom)
  useEffect(() => {
    latest.current = importFrom
  }, [importFrom])
  useEffect(() => {
    const take = (): void => void latest.current(() => window.api.takeOpenedFiles())
    // Subscribe first: files that arrive between the two calls are then taken by one or the other.
    const off = window.api.onOpenedFilesWaiting(take)
    take()
    return off
  }, [])
}
